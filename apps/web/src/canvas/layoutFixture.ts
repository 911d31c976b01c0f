import {
  type BoardState,
  type CardId,
  type CardState,
  type Category,
  emptyBoardState,
  type Mark,
  type PairState,
  type ParticipantId,
} from '@kinmap/model';
import type { FontSpec, MeasureText } from './boardMetrics';

/** Small boards for the layout's unit tests (test support only: no component imports it). */

// Every character is 0.55 em wide: close enough to a real font, and exact to reason about.
export const measure: MeasureText = (text: string, font: FontSpec) => text.length * font.size * 0.55;

export function card(
  id: string,
  category: Category,
  order: number,
  text: string,
  marks: Record<string, Mark> = {},
) {
  const value: CardState = {
    id: id as CardId,
    category,
    text,
    authorId: 'p1' as ParticipantId,
    authorRole: 'family',
    createdAt: 0,
    updatedAt: 0,
    order,
    professionalsOnly: false,
    marks,
    pairId: null,
  };
  return value;
}

export function board(cards: CardState[], pairs: PairState[] = []): BoardState {
  return {
    ...emptyBoardState('Case 1'),
    cards: Object.fromEntries(cards.map((c) => [c.id, c])),
    pairs: Object.fromEntries(pairs.map((p) => [p.id, p])),
  };
}

/**
 * Thirty card texts as a family meeting writes them on sticky notes (a few words to a sentence,
 * ~40 characters on average; no real people), for the wall's large-text layout tests. Card `i`
 * goes in `CATEGORIES[i % 7]`. The same list is in tests/e2e/boardFile.ts (`WALL_CARD_TEXTS`).
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
