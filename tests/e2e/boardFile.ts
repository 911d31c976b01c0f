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
 * A board data file (the format the board list imports) with `cards` cards spread over the seven
 * sections: how the tests get a large board in without typing it.
 */
export function boardFileWith(cards: number, title = 'Imported board'): Buffer {
  const doc = new Y.Doc();
  initBoard(doc, { title, createdAt: Date.now() });
  const actor = { participantId: asParticipantId('test-author'), role: 'practitioner' } as const;
  doc.transact(() => {
    for (let i = 0; i < cards; i++) {
      const category = CATEGORIES[i % CATEGORIES.length] ?? 'harm';
      const added = addCard(doc, actor, { category, text: cardText(i) });
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
