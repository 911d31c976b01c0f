import {
  type BoardState,
  type CardId,
  type CardState,
  idRecord,
  may,
  ownValue,
  type Role,
} from '@kinmap/model';
import type { BoardWriter } from '../editing/boardActions';

/**
 * Professionals-only cards live in a second document per board, the restricted one, which the
 * server lets only facilitators and practitioners sync (docs/ARCHITECTURE.md). Their screens read
 * both documents merged; everyone else's device never receives the restricted one.
 */

/** Whether this role opens the restricted document ([PO1]: the server refuses everyone else, 403). */
export function mayOpenRestricted(role: Role): boolean {
  return may(role, 'PO1');
}

/** Each restricted card as the merged board shows it, kept while the card is the same object. */
const restrictedCopies = new WeakMap<CardState, CardState>();

function asRestricted(card: CardState): CardState {
  if (card.professionalsOnly && card.pairId === null) return card;
  let copy = restrictedCopies.get(card);
  if (copy === undefined) {
    copy = { ...card, professionalsOnly: true, pairId: null };
    restrictedCopies.set(card, copy);
  }
  return copy;
}

/**
 * The board the views show a professional: the shared document with the restricted document's
 * cards added, each marked professionals-only and unpaired (pairs live in the shared document).
 * A card found in both (a move that was interrupted) is shown once, as restricted. Every card is
 * the same object as long as its reading is (structural sharing, board/boardStore.ts), so a
 * keystroke in one card of either document leaves every other card of the merged board as it was.
 */
export function mergeBoards(shared: BoardState, restricted: BoardState | null): BoardState {
  if (restricted === null) return shared;
  const extra = Object.values(restricted.cards);
  if (extra.length === 0) return shared;
  // No prototype: a card id may be `__proto__` or `constructor` (model idRecord).
  const cards = idRecord(Object.entries(shared.cards));
  for (const card of extra) cards[card.id] = asRestricted(card);
  return { ...shared, cards };
}

/** The writer whose document holds `cardId`: the restricted one for a professionals-only card. */
export function writerForCard<W extends BoardWriter>(shared: W, restricted: W | null, cardId: CardId): W {
  return restricted?.doc.getMap('cards').has(cardId) ? restricted : shared;
}

/**
 * The card id this person's presence may publish to everyone (awareness in the shared room):
 * never a professionals-only card's, whose existence and timing the family must not learn.
 */
export function publicCardId(board: BoardState, cardId: CardId | null): CardId | null {
  return cardId !== null && ownValue(board.cards, cardId)?.professionalsOnly !== true ? cardId : null;
}
