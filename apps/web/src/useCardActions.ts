import { type BoardState, type CardId, type Category, getCardText, type Mark } from '@kinmap/model';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ActionOutcome, addCardTo, markCard, moveCardTo, removeCard } from './boardActions';
import type { MessageKey } from './messages';
import type { BoardSession } from './useBoard';

export interface CardActions {
  readonly selectedId: CardId | null;
  readonly editingId: CardId | null;
  readonly notice: MessageKey | null;
  readonly select: (cardId: CardId | null) => void;
  readonly add: (category: Category) => void;
  readonly edit: (cardId: CardId) => void;
  readonly move: (cardId: CardId, category: Category, index: number) => void;
  readonly remove: (cardId: CardId) => void;
  readonly mark: (mark: Mark | null) => void;
  /** Closes the editor; a card added here and left empty is removed again. */
  readonly closeEditor: () => void;
  readonly showNotice: (key: MessageKey) => void;
}

const NOTICE_MS = 6000;

/** Selection, editing and every card change the board screen makes, with their notices. */
export function useCardActions(
  session: BoardSession | null,
  board: BoardState | null,
  canEdit: boolean,
): CardActions {
  const [selectedId, select] = useState<CardId | null>(null);
  const [editingId, setEditingId] = useState<CardId | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  // Cards this person added in this editor session: an empty one is removed when the editor closes.
  const newCards = useRef(new Set<CardId>());

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // Someone else may delete the card being looked at or edited.
  useEffect(() => {
    if (!board) return;
    if (editingId && !board.cards[editingId]) setEditingId(null);
    if (selectedId && !board.cards[selectedId]) select(null);
  }, [board, editingId, selectedId]);

  const report = useCallback(<T>(result: ActionOutcome<T>) => {
    if (!result.ok) setNotice(result.notice);
    return result;
  }, []);

  const add = useCallback(
    (category: Category) => {
      if (!session || !canEdit) return;
      const result = report(addCardTo(session, category));
      if (!result.ok) return;
      newCards.current.add(result.value);
      select(result.value);
      setEditingId(result.value);
    },
    [session, canEdit, report],
  );
  const edit = useCallback(
    (cardId: CardId) => {
      if (!canEdit) return;
      select(cardId);
      setEditingId(cardId);
    },
    [canEdit],
  );
  const move = (cardId: CardId, category: Category, index: number) => {
    if (session && canEdit) report(moveCardTo(session, cardId, category, index));
  };
  const remove = (cardId: CardId) => {
    if (!session || !canEdit) return;
    report(removeCard(session, cardId));
    select(null);
  };
  const mark = (value: Mark | null) => {
    if (session && canEdit && selectedId) report(markCard(session, selectedId, value));
  };
  const closeEditor = () => {
    const cardId = editingId;
    setEditingId(null);
    if (session && cardId && newCards.current.delete(cardId)) {
      if (getCardText(session.doc, cardId)?.toString().trim() === '') removeCard(session, cardId);
    }
  };

  return {
    selectedId,
    editingId,
    notice,
    select,
    add,
    edit,
    move,
    remove,
    mark,
    closeEditor,
    showNotice: setNotice,
  };
}
