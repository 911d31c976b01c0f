import {
  type BoardState,
  CATEGORIES,
  type CardId,
  type Category,
  cardsInCategory,
  ownValue,
} from '@kinmap/model';

/** What a key pressed on the focused board means. */
export type KeyCommand =
  | { readonly kind: 'select'; readonly cardId: CardId }
  | { readonly kind: 'edit'; readonly cardId: CardId }
  | { readonly kind: 'delete'; readonly cardId: CardId };

/**
 * The board's keyboard: arrows walk the cards in reading order, Enter edits the chosen card,
 * Delete (or Backspace) removes it. Returns null for keys the board leaves alone.
 */
export function keyCommand(
  key: string,
  order: readonly CardId[],
  selectedId: CardId | null,
): KeyCommand | null {
  const at = selectedId ? order.indexOf(selectedId) : -1;
  const stepTo = (index: number): KeyCommand | null => {
    const cardId = order[Math.min(order.length - 1, Math.max(0, index))];
    return cardId ? { kind: 'select', cardId } : null;
  };
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return stepTo(at + 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return stepTo(at === -1 ? 0 : at - 1);
    case 'Enter':
      return selectedId && at !== -1 ? { kind: 'edit', cardId: selectedId } : null;
    case 'Delete':
    case 'Backspace':
      return selectedId && at !== -1 ? { kind: 'delete', cardId: selectedId } : null;
    default:
      return null;
  }
}

/** The modifier state of a key press, as the browser reports it. */
export interface KeyChord {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/**
 * Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Cmd instead of Ctrl on a Mac). Only asked when
 * focus is on the board itself: in a text field the browser's own text undo applies.
 */
export function historyCommand(chord: KeyChord): 'undo' | 'redo' | null {
  if (!(chord.ctrlKey || chord.metaKey) || chord.altKey) return null;
  const key = chord.key.toLowerCase();
  if (key === 'z') return chord.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !chord.shiftKey) return 'redo';
  return null;
}

/** What a key means for the view: + and − zoom, 0 fits the whole board. Never with Ctrl (browser zoom). */
export function viewCommand(chord: KeyChord): 'zoomIn' | 'zoomOut' | 'fit' | null {
  if (chord.ctrlKey || chord.metaKey || chord.altKey) return null;
  switch (chord.key) {
    case '+':
    case '=':
      return 'zoomIn';
    case '-':
    case '_':
    case '−':
      return 'zoomOut';
    case '0':
      return 'fit';
    default:
      return null;
  }
}

/** Where Alt+arrow sends the chosen card (the index counts the target category's other cards). */
export interface MoveCommand {
  readonly cardId: CardId;
  readonly category: Category;
  readonly index: number;
}

/**
 * Moving a card with the keyboard, the equal of dragging it: Alt+Up / Alt+Down swap it with the card
 * above or below in its section, Alt+Left / Alt+Right send it to the end of the section before or
 * after (in reading order: harm … next steps). A card shown in the worries-and-goals row (`inRow`)
 * does not move, and the cards there are skipped, so every keypress moves something visibly.
 * Null when nothing would move.
 */
export function moveCommand(
  chord: KeyChord,
  board: BoardState,
  selectedId: CardId | null,
  inRow: (cardId: CardId) => boolean = () => false,
): MoveCommand | null {
  if (!chord.altKey || chord.ctrlKey || chord.metaKey || !selectedId) return null;
  const card = ownValue(board.cards, selectedId);
  if (!card || inRow(selectedId)) return null;
  const siblings = cardsInCategory(board, card.category).map((c) => c.id);
  const shown = siblings.filter((id) => !inRow(id));
  // The model's index counts every other card of the category, shown in the section or not.
  const others = siblings.filter((id) => id !== selectedId);
  const step = (delta: -1 | 1): MoveCommand | null => {
    const neighbour = shown[shown.indexOf(selectedId) + delta];
    if (neighbour === undefined) return null;
    const index = others.indexOf(neighbour) + (delta === 1 ? 1 : 0);
    return { cardId: selectedId, category: card.category, index };
  };
  const hop = (delta: number): MoveCommand | null => {
    const category = CATEGORIES[CATEGORIES.indexOf(card.category) + delta];
    return category ? { cardId: selectedId, category, index: cardsInCategory(board, category).length } : null;
  };
  switch (chord.key) {
    case 'ArrowUp':
      return step(-1);
    case 'ArrowDown':
      return step(1);
    case 'ArrowLeft':
      return hop(-1);
    case 'ArrowRight':
      return hop(1);
    default:
      return null;
  }
}
