import {
  type BoardState,
  type CardId,
  type CardState,
  type Category,
  type Mark,
  ownValue,
} from '@kinmap/model';
import type { KeyboardEvent } from 'react';
import type { BoardLayout } from '../canvas/boardLayout';
import { readingOrder } from '../canvas/layoutQueries';
import type { UndoControls } from '../editing/useBoardUndo';
import type { CardActions } from '../editing/useCardActions';
import { cardAnnouncement } from './announce';
import { historyCommand, keyCommand, moveCommand } from './boardKeys';
import { letterCommand } from './shortcuts';
import type { MapNavigation } from './useMapNavigation';

export interface MapKeysInput {
  readonly board: BoardState;
  readonly layout: BoardLayout | null;
  readonly nav: MapNavigation;
  readonly actions: CardActions;
  readonly history: UndoControls;
  readonly canEdit: boolean;
  readonly selectedId: CardId | null;
  readonly editingId: CardId | null;
  readonly selectedCard: CardState | null;
  /** Where N adds a card. */
  readonly category: Category;
  readonly myMarkOn: (card: CardState) => Mark | null;
  /** Tells screen readers which card the keyboard chose. */
  readonly announceSelection: (words: string) => void;
}

export interface MapKeys {
  /** On the board's surface: view keys, moving and choosing cards, A/D/N letters, Escape, Enter, Delete. */
  readonly onSurfaceKey: (event: KeyboardEvent<HTMLDivElement>) => void;
  /** On the whole map: undo and redo, except in a text field (its own undo applies). */
  readonly onMapKey: (event: KeyboardEvent<HTMLDivElement>) => void;
}

/** The map's keyboard: what each key does on the board and anywhere on the map. */
export function useMapKeys({
  board,
  layout,
  nav,
  actions,
  history,
  canEdit,
  selectedId,
  editingId,
  selectedCard,
  category,
  myMarkOn,
  announceSelection,
}: MapKeysInput): MapKeys {
  const onSurfaceKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editingId || event.target !== event.currentTarget || !layout) return;
    if (nav.onViewKey(event)) {
      event.preventDefault();
      return;
    }
    const move = moveCommand(event, board, selectedId, (id) => ownValue(layout.cards, id)?.rowPairId != null);
    if (move) {
      event.preventDefault();
      actions.move(move.cardId, move.category, move.index);
      return;
    }
    const letter = canEdit ? letterCommand(event) : null;
    if (letter) {
      event.preventDefault();
      if (letter === 'add') actions.add(category);
      else if (selectedCard) {
        const mine = myMarkOn(selectedCard);
        actions.mark(mine === letter ? null : letter);
      }
      return;
    }
    if (event.key === 'Escape' && selectedId) {
      event.preventDefault();
      actions.select(null);
      return;
    }
    const command = keyCommand(event.key, readingOrder(layout), selectedId);
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'select') {
      actions.select(command.cardId);
      const card = ownValue(board.cards, command.cardId);
      if (card) {
        const section = layout.sections.find((s) => s.cardIds.includes(command.cardId));
        const place = section
          ? { index: section.cardIds.indexOf(command.cardId), of: section.cardIds.length }
          : undefined;
        announceSelection(cardAnnouncement(card, board, place));
      }
      const rect = ownValue(layout.cards, command.cardId)?.rect;
      if (rect) nav.reveal(rect);
    } else if (command.kind === 'edit') actions.edit(command.cardId);
    else actions.remove(command.cardId);
  };

  // Undo and redo work wherever focus is on the map, except in a text field (its own undo applies).
  const onMapKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isTextField(event.target)) return;
    const command = historyCommand(event);
    if (!command || !canEdit) return;
    event.preventDefault();
    if (command === 'undo') history.undo();
    else history.redo();
  };

  return { onSurfaceKey, onMapKey };
}

function isTextField(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'button') ||
    target.isContentEditable
  );
}
