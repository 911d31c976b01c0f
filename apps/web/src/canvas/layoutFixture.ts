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
