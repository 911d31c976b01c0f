import {
  type BoardState,
  CATEGORIES,
  CATEGORY_COLUMN,
  type CardId,
  type CardState,
  type Category,
  COLUMNS,
  type Column,
  cardsInCategory,
  type Mark,
  ownValue,
  type Role,
} from '@kinmap/model';
import { quoteText } from '../canvas/cardMeta';

/**
 * The board read as an outline: plain data for the semantic HTML view that screen readers and
 * keyboard users work in. Pure, so it is tested without a browser.
 */

export interface OutlinePartner {
  readonly category: Category;
  /** Null when the partner card is hidden from this person (professionals only). */
  readonly text: string | null;
}

export interface OutlineCard {
  readonly id: CardId;
  readonly text: string;
  /** Null when the author is not (yet) in the participants list. */
  readonly authorName: string | null;
  readonly authorRole: Role;
  readonly agree: number;
  readonly dispute: number;
  readonly myMark: Mark | null;
  /** This person wrote it (family and network members move and delete only their own cards). */
  readonly mine: boolean;
  readonly professionalsOnly: boolean;
  /** Whose own words the card holds ("Jo’s words, from the house of worries"); empty for none ([AC52]). */
  readonly childWords: string;
  /** The other half of an intact danger statement / safety goal pair. */
  readonly partner: OutlinePartner | null;
}

export interface OutlineCategory {
  readonly category: Category;
  readonly cards: readonly OutlineCard[];
}

export interface OutlineColumn {
  readonly column: Column;
  readonly categories: readonly OutlineCategory[];
}

function partnerOf(card: CardState, visible: BoardState, everything: BoardState): OutlinePartner | null {
  const pair = card.pairId === null ? undefined : ownValue(everything.pairs, card.pairId);
  if (!pair) return null;
  const partnerId = pair.dangerStatementId === card.id ? pair.safetyGoalId : pair.dangerStatementId;
  const partner = ownValue(everything.cards, partnerId);
  if (!partner || partner.pairId !== pair.id) return null;
  return { category: partner.category, text: ownValue(visible.cards, partnerId)?.text ?? null };
}

function outlineCard(card: CardState, visible: BoardState, everything: BoardState, me: string): OutlineCard {
  const marks = Object.values(card.marks);
  return {
    id: card.id,
    text: card.text,
    authorName: ownValue(visible.participants, card.authorId)?.displayName ?? null,
    authorRole: card.authorRole,
    agree: marks.filter((m) => m === 'agree').length,
    dispute: marks.filter((m) => m === 'dispute').length,
    myMark: ownValue(card.marks, me) ?? null,
    mine: card.authorId === me,
    professionalsOnly: card.professionalsOnly,
    childWords: quoteText(card, visible.people),
    partner: partnerOf(card, visible, everything),
  };
}

/**
 * Columns, then categories, then cards in board order, from the board as this person may see it.
 * `everything` (the unfiltered board) is only used to tell whether a card's pair is intact.
 */
export function outlineColumns(
  visible: BoardState,
  me: string,
  everything: BoardState = visible,
): OutlineColumn[] {
  return COLUMNS.map((column) => ({
    column,
    categories: CATEGORIES.filter((category) => CATEGORY_COLUMN[category] === column).map((category) => ({
      category,
      cards: cardsInCategory(visible, category).map((card) => outlineCard(card, visible, everything, me)),
    })),
  }));
}

/**
 * The `index` for `moveCard` that puts `cardId` just before (`up`) or just after (`down`) its
 * visible neighbour. `allIds` is the category's order on the whole board, which may hold cards this
 * person cannot see, so the index is counted there. Null when there is no neighbour that way.
 */
export function stepIndex(
  allIds: readonly string[],
  visibleIds: readonly string[],
  cardId: string,
  direction: 'up' | 'down',
): number | null {
  const at = visibleIds.indexOf(cardId);
  if (at < 0) return null;
  const neighbour = visibleIds[direction === 'up' ? at - 1 : at + 1];
  if (neighbour === undefined) return null;
  const others = allIds.filter((id) => id !== cardId);
  const place = others.indexOf(neighbour);
  if (place < 0) return null;
  return direction === 'up' ? place : place + 1;
}

/** Ids of a category's cards in board order. */
export function categoryOrder(board: BoardState, category: Category): string[] {
  return cardsInCategory(board, category).map((card) => card.id);
}
