import type * as Y from 'yjs';
import { attachMap, childMap, childText, replaceText } from '../doc/docMaps.js';
import { type Found, findIn, readCard } from '../doc/records.js';
import { done, fail, ok } from '../doc/result.js';
import { cardIdSchema, LIMITS, participantIdSchema, textOf } from '../doc/schema.js';
import { commit, type OpOptions, prepare } from '../doc/transact.js';
import type { Actor, CardId, CardState, ParticipantId, Result } from '../doc/types.js';
import { z } from '../doc/zod.js';
import type { CardNoteField } from './changeKinds.js';

/**
 * Whose words (docs/SPEC.md [AC30]–[AC34]): people's words stay theirs. One edits one's own card;
 * on another person's card one disagrees with a reason or suggests a change, which the author or
 * staff accept (the text is replaced, the suggester recorded) or decline. A change by anyone but
 * the author records them in `editedBy`, shown as "changed by …".
 */

type AnyMap = Y.Map<unknown>;

function findCard(doc: Y.Doc, cardId: CardId): Result<Found<CardState>> {
  const card = findIn(doc, 'cards', cardId, readCard);
  return card === null ? fail('not-found', `card ${cardId}`) : ok(card);
}

/** The card's note map `field`, attached when an older card lacks it; call inside a transaction. */
export function noteMap(card: AnyMap, field: CardNoteField | 'marks'): AnyMap {
  return childMap(card, field) ?? attachMap(card, field);
}

/**
 * Records `actor` as having changed the text of `card` when they are not its author ([AC30]);
 * call inside the transaction that changes the text.
 */
export function recordEditor(card: AnyMap, record: CardState, actor: Actor, now: number): void {
  if (record.authorId !== actor.participantId) noteMap(card, 'editedBy').set(actor.participantId, now);
}

/**
 * The actor's reason for disputing a card (null withdraws it); giving one also sets their mark
 * to `dispute`. Reasons ≤ 2,000 characters.
 * @example setMarkReason(doc, dad, cardId, 'He was never left alone')
 */
export function setMarkReason(
  doc: Y.Doc,
  actor: Actor,
  cardId: CardId,
  reason: string | null,
  opts?: OpOptions,
): Result<void> {
  const schema = z.object({ cardId: cardIdSchema, reason: z.nullable(textOf(LIMITS.reason)) });
  const op = prepare(schema, actor, { cardId, reason }, opts);
  if (!op.ok) return op;
  const card = findCard(doc, op.value.input.cardId);
  if (!card.ok) return card;
  const { actor: who, input, origin } = op.value;
  const trimmed = input.reason?.trim() ?? '';
  commit(doc, origin, () => {
    const reasons = noteMap(card.value.map, 'reasons');
    if (trimmed === '') {
      if (reasons.has(who.participantId)) reasons.delete(who.participantId);
      return;
    }
    reasons.set(who.participantId, trimmed);
    noteMap(card.value.map, 'marks').set(who.participantId, 'dispute');
  });
  return done;
}

/**
 * The actor's suggested replacement for a card's text (null or the current text withdraws it).
 * @example suggestChange(doc, dad, cardId, 'Mum and Dad worry that …')
 */
export function suggestChange(
  doc: Y.Doc,
  actor: Actor,
  cardId: CardId,
  text: string | null,
  opts?: OpOptions,
): Result<void> {
  const schema = z.object({ cardId: cardIdSchema, text: z.nullable(textOf(LIMITS.cardText)) });
  const op = prepare(schema, actor, { cardId, text }, opts);
  if (!op.ok) return op;
  const card = findCard(doc, op.value.input.cardId);
  if (!card.ok) return card;
  const { actor: who, input, origin } = op.value;
  const withdraw = input.text === null || input.text.trim() === '' || input.text === card.value.record.text;
  commit(doc, origin, () => {
    const suggestions = noteMap(card.value.map, 'suggestions');
    if (withdraw) {
      if (suggestions.has(who.participantId)) suggestions.delete(who.participantId);
    } else suggestions.set(who.participantId, input.text);
  });
  return done;
}

/** Who may settle suggestions on `record`: its author, or staff (docs/SPEC.md [AC32], [AC33]). */
function settles(actor: Actor, record: CardState, mayStaff: boolean): boolean {
  return record.authorId === actor.participantId || mayStaff;
}

function settle(
  doc: Y.Doc,
  actor: Actor,
  cardId: CardId,
  suggesterId: ParticipantId,
  accept: boolean,
  opts: (OpOptions & { staff?: boolean }) | undefined,
): Result<void> {
  const schema = z.object({ cardId: cardIdSchema, suggesterId: participantIdSchema });
  const op = prepare(schema, actor, { cardId, suggesterId }, opts);
  if (!op.ok) return op;
  const card = findCard(doc, op.value.input.cardId);
  if (!card.ok) return card;
  const { map, record } = card.value;
  const { actor: who, input, now, origin } = op.value;
  const suggestion = record.suggestions?.[input.suggesterId];
  if (suggestion === undefined) return fail('not-found', `suggestion by ${input.suggesterId}`);
  if (!settles(who, record, opts?.staff === true)) return fail('invalid-input', 'not the card’s author');
  const text = childText(map, 'text');
  if (accept && text === null) return fail('not-found', `card ${record.id} text`);
  commit(doc, origin, () => {
    noteMap(map, 'suggestions').delete(input.suggesterId);
    if (!accept || text === null) return;
    if (replaceText(text, suggestion)) {
      map.set('updatedAt', now);
      recordEditor(map, record, who, now);
    }
    noteMap(map, 'suggestedBy').set(input.suggesterId, now);
  });
  return done;
}

/**
 * Accepts someone's suggestion: the card's text becomes it, the suggestion is removed and the
 * suggester recorded in `suggestedBy` (staff accepting on another's card are recorded in
 * `editedBy` too). Only the author, or staff (`staff: true`, from `may(role, 'AC33')`).
 */
export function acceptSuggestion(
  doc: Y.Doc,
  actor: Actor,
  cardId: CardId,
  suggesterId: ParticipantId,
  opts?: OpOptions & { staff?: boolean },
): Result<void> {
  return settle(doc, actor, cardId, suggesterId, true, opts);
}

/** Declines someone's suggestion: it is removed, the text stays. Only the author, or staff. */
export function declineSuggestion(
  doc: Y.Doc,
  actor: Actor,
  cardId: CardId,
  suggesterId: ParticipantId,
  opts?: OpOptions & { staff?: boolean },
): Result<void> {
  return settle(doc, actor, cardId, suggesterId, false, opts);
}
