import {
  addCard,
  type CardId,
  type Category,
  deleteCard,
  type Mark,
  moveCard,
  type Result,
  setMark,
} from '@kinmap/model';
import type { MessageKey } from './messages';
import type { BoardSession } from './useBoard';

/** What an action needs: the document and who is acting. */
export type BoardWriter = Pick<BoardSession, 'doc' | 'actor'>;

/**
 * The one place the board screen changes the document. Each action returns either the value
 * or the notice to show, so the components never look at model failure reasons.
 */
export type ActionOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly notice: MessageKey };

function outcome<T>(result: Result<T>, notice: MessageKey): ActionOutcome<T> {
  return result.ok ? { ok: true, value: result.value } : { ok: false, notice };
}

export function addCardTo(session: BoardWriter, category: Category): ActionOutcome<CardId> {
  const result = addCard(session.doc, session.actor, { category });
  return result.ok ? { ok: true, value: result.value.cardId } : { ok: false, notice: 'notice.addFailed' };
}

export function moveCardTo(
  session: BoardWriter,
  cardId: CardId,
  category: Category,
  index: number,
): ActionOutcome<unknown> {
  const result = moveCard(session.doc, session.actor, cardId, { category, index });
  if (!result.ok && result.reason === 'paired-card') return { ok: false, notice: 'notice.pairedCard' };
  return outcome(result, 'notice.moveFailed');
}

export function removeCard(session: BoardWriter, cardId: CardId): ActionOutcome<unknown> {
  return outcome(deleteCard(session.doc, session.actor, cardId), 'notice.editFailed');
}

export function markCard(session: BoardWriter, cardId: CardId, mark: Mark | null): ActionOutcome<unknown> {
  return outcome(setMark(session.doc, session.actor, cardId, mark), 'notice.editFailed');
}
