import { type BoardState, filterRecord, may, type Role } from '@kinmap/model';

/**
 * The board as this role may see it: cards marked "professionals only" are left out for the
 * family, the network and viewers (the projected screen). Those cards live in the restricted
 * document, which only professionals' devices receive (restricted.ts); this also hides any flagged
 * card a board written before that still holds in its shared document.
 */
export function visibleBoard(state: BoardState, role: Role): BoardState {
  if (may(role, 'PO4')) return state;
  const cards = filterRecord(state.cards, (card) => !card.professionalsOnly);
  return { ...state, cards };
}
