import type { CardId } from '@kinmap/model';

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
