import {
  acceptSuggestion,
  addCard,
  addProfessionalsOnlyCard,
  type BoardState,
  type CardId,
  type CardQuote,
  type Category,
  declineSuggestion,
  deleteCard,
  type Mark,
  may,
  moveCard,
  moveToRestricted,
  moveToShared,
  Origins,
  type ParticipantId,
  pairCards,
  type Result,
  setCardQuote,
  setLocked,
  setMark,
  setMarkReason,
  suggestChange,
} from '@kinmap/model';
import * as Y from 'yjs';
import type { BoardSession } from '../board/useBoard';
import type { MessageKey } from '../lib/messages';
import { boardUndo } from './undo';

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

/**
 * Adds an empty card straight into the restricted document ([AC6]): its text is typed where
 * family devices never receive it. `board` is the merged board, so the card goes last in its section.
 */
export function addProfessionalsOnlyCardTo(
  restricted: BoardWriter,
  board: BoardState,
  category: Category,
): ActionOutcome<CardId> {
  const orders = Object.values(board.cards)
    .filter((card) => card.category === category)
    .map((card) => card.order);
  const after = orders.length > 0 ? Math.max(...orders) : undefined;
  const result = addProfessionalsOnlyCard(restricted.doc, restricted.actor, { category, after });
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
  const card = session.doc.getMap<unknown>('cards').get(cardId);
  const quoted = card instanceof Y.Map && card.get('quote') != null;
  const result = outcome(deleteCard(session.doc, session.actor, cardId), 'notice.editFailed');
  // [AC52] Undoing the deletion would add the card back with its quote, which only staff may
  // write: the server would refuse it. Someone else's undo history forgets the deletion instead.
  if (result.ok && quoted && !may(session.actor.role, 'AC52')) boardUndo(session.doc).manager.clear();
  return result;
}

export function markCard(session: BoardWriter, cardId: CardId, mark: Mark | null): ActionOutcome<unknown> {
  return outcome(setMark(session.doc, session.actor, cardId, mark), 'notice.editFailed');
}

/** [AC52] Marks a card as a child's own words (naming the child), or clears the mark (null). */
export function quoteCard(
  session: BoardWriter,
  cardId: CardId,
  quote: CardQuote | null,
): ActionOutcome<unknown> {
  return outcome(setCardQuote(session.doc, session.actor, cardId, quote), 'notice.editFailed');
}

/**
 * Adds an empty safety goal paired with the danger statement, in one transaction: either both
 * the goal and the pair exist afterwards, or neither (a goal that could not be paired is removed).
 */
export function addSafetyGoalFor(session: BoardWriter, dangerStatementId: CardId): ActionOutcome<CardId> {
  let outcome: ActionOutcome<CardId> = { ok: false, notice: 'notice.addFailed' };
  session.doc.transact(() => {
    const goal = addCard(session.doc, session.actor, { category: 'safetyGoal' });
    if (!goal.ok) return;
    const safetyGoalId = goal.value.cardId;
    const paired = pairCards(session.doc, session.actor, { dangerStatementId, safetyGoalId });
    if (paired.ok) outcome = { ok: true, value: safetyGoalId };
    else deleteCard(session.doc, session.actor, safetyGoalId);
  }, Origins.local);
  return outcome;
}

/**
 * Makes a card professionals-only (`flag` true: it moves into the restricted document, which
 * family devices never receive) or shows it to everyone again (it moves back). A paired card
 * stays where it is: pairs live in the shared document.
 */
export function markProfessionalsOnly(
  shared: BoardWriter,
  restricted: BoardWriter,
  cardId: CardId,
  flag: boolean,
): ActionOutcome<unknown> {
  const move = flag ? moveToRestricted : moveToShared;
  const result = move(shared.doc, restricted.doc, shared.actor, cardId);
  if (!result.ok && result.reason === 'paired-card')
    return { ok: false, notice: 'notice.pairedProfessionalsOnly' };
  return outcome(result, 'notice.editFailed');
}

/** [AC7] The actor disagrees with a card and says why (an empty reason withdraws it). */
export function disagreeWith(session: BoardWriter, cardId: CardId, reason: string): ActionOutcome<unknown> {
  return outcome(setMarkReason(session.doc, session.actor, cardId, reason), 'notice.editFailed');
}

/** [AC31] The actor suggests a replacement text for someone's card (empty withdraws it). */
export function suggestFor(session: BoardWriter, cardId: CardId, text: string): ActionOutcome<unknown> {
  return outcome(suggestChange(session.doc, session.actor, cardId, text), 'notice.editFailed');
}

/** [AC32][AC33] The author or staff accept (the text becomes it) or decline a suggestion. */
export function settleSuggestion(
  session: BoardWriter,
  cardId: CardId,
  suggesterId: ParticipantId,
  accept: boolean,
): ActionOutcome<unknown> {
  const staff = may(session.actor.role, 'AC33');
  const settle = accept ? acceptSuggestion : declineSuggestion;
  return outcome(settle(session.doc, session.actor, cardId, suggesterId, { staff }), 'notice.editFailed');
}

/** [AC10] The facilitator locks or unlocks the board (the shared document's `meta.locked`). */
export function lockBoard(session: BoardWriter, locked: boolean): ActionOutcome<unknown> {
  return outcome(setLocked(session.doc, session.actor, locked), 'notice.editFailed');
}
