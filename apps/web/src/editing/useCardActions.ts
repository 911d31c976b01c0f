import {
  type BoardState,
  type CardId,
  type Category,
  getCardText,
  type Mark,
  ownValue,
  type PersonId,
} from '@kinmap/model';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useCardWriter, useRestrictedSession } from '../board/professionalsOnlyContext';
import type { BoardSession } from '../board/useBoard';
import { type MessageKey, t } from '../lib/messages';
import {
  type ActionOutcome,
  addCardTo,
  addProfessionalsOnlyCardTo,
  addSafetyGoalFor,
  markCard,
  markProfessionalsOnly,
  moveCardTo,
  quoteCard,
  removeCard,
} from './boardActions';
import { mayEditText, mayMoveOrDelete } from './cardPermissions';
import type { BoardUndo } from './undo';

export interface CardActions {
  readonly selectedId: CardId | null;
  readonly editingId: CardId | null;
  readonly notice: MessageKey | null;
  readonly select: (cardId: CardId | null) => void;
  /** Adds a card (professionals-only from the start while `newProfessionalsOnly` is on) and opens it. */
  readonly add: (category: Category) => void;
  /** Staff's choice, made before writing: new cards are born professionals-only. */
  readonly newProfessionalsOnly: boolean;
  readonly setNewProfessionalsOnly: (flag: boolean) => void;
  /** Adds a safety goal paired with the danger statement and opens it for typing. */
  readonly addSafetyGoal: (dangerStatementId: CardId) => void;
  readonly edit: (cardId: CardId) => void;
  readonly move: (cardId: CardId, category: Category, index: number) => void;
  readonly remove: (cardId: CardId) => void;
  readonly mark: (mark: Mark | null) => void;
  readonly setProfessionalsOnly: (flag: boolean) => void;
  /** [AC52] The chosen card holds this child's own words (said in the meeting), or nobody's (null). */
  readonly quote: (personId: PersonId | null) => void;
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
  history: BoardUndo | null,
): CardActions {
  const [selectedId, select] = useState<CardId | null>(null);
  const [editingId, setEditingId] = useState<CardId | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [newProfessionalsOnly, setNewProfessionalsOnly] = useState(false);
  // Cards this person added in this editor session: an empty one is removed when the editor closes.
  const newCards = useRef(new Set<CardId>());
  // A professionals-only card's changes go to the restricted document.
  const writerOf = useCardWriter(session);
  const restricted = useRestrictedSession();

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // Cards this person just added that the board shown has not caught up with yet: the board is
  // published after each change (board/boardStore.ts), so the render that opens a new card's editor
  // may still show the board from before it. Waited for while the card is in its document.
  const awaited = useRef(new Set<CardId>());
  // Someone else may delete the card being looked at or edited.
  useEffect(() => {
    if (!board) return;
    const gone = (id: CardId) => {
      if (ownValue(board.cards, id)) {
        awaited.current.delete(id);
        return false;
      }
      return !(awaited.current.has(id) && writerOf(id)?.doc.getMap('cards').has(id));
    };
    if (editingId && gone(editingId)) setEditingId(null);
    if (selectedId && gone(selectedId)) select(null);
  }, [board, editingId, selectedId, writerOf]);

  // One editor session (a new card and its first words, or one round of editing) is one undo step.
  useEffect(() => {
    if (!editingId || !history) return;
    history.beginGroup();
    return () => history.endGroup();
  }, [editingId, history]);

  const report = useCallback(<T>(result: ActionOutcome<T>) => {
    if (!result.ok) setNotice(result.notice);
    return result;
  }, []);

  const addWith = useCallback(
    (write: (s: BoardSession) => ActionOutcome<CardId>) => {
      if (!session || !canEdit) return;
      history?.beginGroup();
      const result = report(write(session));
      if (!result.ok) {
        history?.endGroup();
        return;
      }
      newCards.current.add(result.value);
      awaited.current.add(result.value);
      select(result.value);
      setEditingId(result.value);
    },
    [session, canEdit, report, history],
  );
  const add = useCallback(
    (category: Category) => {
      if (!newProfessionalsOnly) return addWith((s) => addCardTo(s, category));
      // Born in the restricted document: never a shared card first, so no family device sees it typed.
      if (!restricted || !board) {
        setNotice('notice.restrictedOffline');
        return;
      }
      addWith(() => addProfessionalsOnlyCardTo(restricted, board, category));
    },
    [addWith, newProfessionalsOnly, restricted, board],
  );
  const addSafetyGoal = useCallback(
    (dangerStatementId: CardId) => addWith((s) => addSafetyGoalFor(s, dangerStatementId)),
    [addWith],
  );
  const edit = useCallback(
    (cardId: CardId) => {
      if (!canEdit) return;
      select(cardId);
      // [AC3][AC30] Someone else's words are not edited in place: disagree or suggest instead.
      const card = board?.cards[cardId];
      if (session && card && !mayEditText(card, session.actor)) {
        setNotice('notice.suggestInstead');
        return;
      }
      setEditingId(cardId);
    },
    [canEdit, board, session],
  );
  /** [AC4][AC5] Refused here rather than by the server, which would end the connection. */
  const mayChange = (cardId: CardId): boolean => {
    const card = board ? ownValue(board.cards, cardId) : undefined;
    if (!session || !card || mayMoveOrDelete(card, session.actor)) return true;
    setNotice('notice.notYourCard');
    return false;
  };
  const move = (cardId: CardId, category: Category, index: number) => {
    const writer = writerOf(cardId);
    if (!writer || !canEdit || !mayChange(cardId)) return;
    history?.startStep();
    report(moveCardTo(writer, cardId, category, index));
  };
  const remove = (cardId: CardId) => {
    const writer = writerOf(cardId);
    if (!writer || !canEdit || !mayChange(cardId)) return;
    history?.startStep();
    report(removeCard(writer, cardId));
    select(null);
  };
  const quote = (personId: PersonId | null) => {
    const writer = selectedId ? writerOf(selectedId) : null;
    if (!writer || !canEdit || !selectedId) return;
    const current = board ? ownValue(board.cards, selectedId)?.quote : undefined;
    // The same child again keeps where the words came from (a house and its area).
    if ((current?.personId ?? null) === personId) return;
    history?.startStep();
    report(quoteCard(writer, selectedId, personId === null ? null : { personId, toolId: null, area: null }));
  };
  const mark = (value: Mark | null) => {
    const writer = selectedId ? writerOf(selectedId) : null;
    if (!writer || !canEdit || !selectedId) return;
    history?.startStep();
    report(markCard(writer, selectedId, value));
  };
  const setProfessionalsOnly = (flag: boolean) => {
    if (!session || !canEdit || !selectedId) return;
    if (!restricted) {
      setNotice('notice.restrictedOffline');
      return;
    }
    // Pairs live in the shared document, so a paired card stays there (say so before asking).
    if (flag && board && ownValue(board.cards, selectedId)?.pairId) {
      setNotice('notice.pairedProfessionalsOnly');
      return;
    }
    // Marking cannot take back what family devices online until now have already received.
    if (!window.confirm(t(flag ? 'confirm.professionalsOnly' : 'confirm.shareWithEveryone'))) return;
    const result = report(markProfessionalsOnly(session, restricted, selectedId, flag));
    // Undoing the move's deletion would write the card's text back into the shared document.
    if (result.ok) history?.manager.clear();
  };
  const closeEditor = () => {
    const cardId = editingId;
    setEditingId(null);
    const writer = cardId ? writerOf(cardId) : null;
    if (writer && cardId && newCards.current.delete(cardId)) {
      if (getCardText(writer.doc, cardId)?.toString().trim() === '') removeCard(writer, cardId);
    }
  };

  return {
    selectedId,
    editingId,
    notice,
    select,
    add,
    newProfessionalsOnly,
    setNewProfessionalsOnly,
    addSafetyGoal,
    edit,
    move,
    remove,
    mark,
    setProfessionalsOnly,
    quote,
    closeEditor,
    showNotice: setNotice,
  };
}
