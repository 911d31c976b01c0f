import { addCard, asParticipantId, buildBoardExport, CATEGORIES, initBoard, readBoard } from '@kinmap/model';
import * as Y from 'yjs';

const WORDS = 'mum dad nan school worried safe drinks shouting visits plan calls keeps friend night'.split(
  ' ',
);

/** Card text of one to four lines, so card heights vary as on a real board (no personal data). */
function cardText(i: number): string {
  const length = 3 + ((i * 7) % 28);
  return Array.from({ length }, (_, w) => WORDS[(i + w * 3) % WORDS.length]).join(' ');
}

/**
 * Thirty card texts as a family meeting writes them on sticky notes (a few words to a sentence,
 * no real people): the wall's large-text tests. The same list is in
 * apps/web/src/canvas/layoutFixture.ts (`WALL_CARD_TEXTS`), for the layout's unit tests.
 */
export const WALL_CARD_TEXTS: readonly string[] = [
  'Shouting at home most nights',
  'If the drinking goes on the children may be hurt',
  'Dad lost his job in March',
  'Nan takes the children to school',
  'Mum calls the helpline when she is worried',
  'The children are safe and fed every day',
  'Family meeting again in four weeks',
  'Missed school twelve days this term',
  'The children could be left alone at night',
  'Money is very tight',
  'Dad loves the kids and plays football with them',
  'Uncle Joe visits on Sundays',
  'A sober adult is always at home at night',
  'Nan checks in every evening by phone',
  'Bruise on the arm in January',
  'Mum may not hear if the baby cries',
  'Mum has no car',
  'The children say they feel safe at Nan’s',
  'The school nurse knows the family',
  'The children sleep at home every night',
  'Dad starts the course on Monday',
  'Police called out twice',
  'The eldest may keep looking after the others',
  'Dad’s friends drink at the house',
  'Mum stopped drinking last year',
  'The neighbour has a spare key',
  'School attendance back above 95 %',
  'Social worker visits every week',
  'No food in the house one weekend',
  'The children will be scared to go home',
];

/**
 * A board data file (the format the board list imports) with `cards` cards spread over the seven
 * sections: how the tests get a large board in without typing it. Card `i` says `texts[i]` when
 * given, otherwise one to four lines of test words.
 */
export function boardFileWith(cards: number, title = 'Imported board', texts?: readonly string[]): Buffer {
  const doc = new Y.Doc();
  initBoard(doc, { title, createdAt: Date.now() });
  const actor = { participantId: asParticipantId('test-author'), role: 'practitioner' } as const;
  doc.transact(() => {
    for (let i = 0; i < cards; i++) {
      const category = CATEGORIES[i % CATEGORIES.length] ?? 'harm';
      const added = addCard(doc, actor, { category, text: texts?.[i] ?? cardText(i) });
      if (!added.ok) throw new Error(`card ${i}: ${added.reason}`);
    }
  });
  const shared = readBoard(doc);
  doc.destroy();
  const file = buildBoardExport({
    board: { id: 'testboard01', title },
    version: null,
    meeting: null,
    shared,
    restricted: null,
  });
  return Buffer.from(JSON.stringify(file));
}
