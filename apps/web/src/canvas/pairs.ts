import type { BoardState, CardId, CardState, PairId } from '@kinmap/model';
import { ownValue } from '@kinmap/model';

/**
 * The number each analysis pair is known by on screen ("Pair 1", "Pair 2"): pairs in the order
 * they were made (then by id, so every screen numbers them alike).
 */
export function pairNumbers(board: BoardState): ReadonlyMap<PairId, number> {
  const pairs = Object.values(board.pairs).sort((a, b) => a.createdAt - b.createdAt || cmp(a.id, b.id));
  return new Map(pairs.map((pair, i) => [pair.id, i + 1]));
}

/** The pair number shown on a card, or null when the card is in no pair. */
export function pairNumberOf(card: CardState, numbers: ReadonlyMap<PairId, number>): number | null {
  return card.pairId ? (numbers.get(card.pairId) ?? null) : null;
}

/**
 * Should the board offer to add a safety goal for the chosen card? Only for a danger statement
 * that has no goal yet: every worry should end up with the goal that answers it.
 */
export function needsSafetyGoal(board: BoardState, cardId: CardId | null): boolean {
  const card = cardId ? ownValue(board.cards, cardId) : undefined;
  return card?.category === 'dangerStatement' && card.pairId === null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
