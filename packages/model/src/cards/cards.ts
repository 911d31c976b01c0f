import type * as Y from 'yjs';
import {
  applyRenumber,
  attachMap,
  attachText,
  childMap,
  childText,
  replaceText,
  topMap,
} from '../doc/docMaps.js';
import { asCardId, newId } from '../doc/ids.js';
import { compareOrdered, type Ordered, planOrder } from '../doc/order.js';
import { type Found, findIn, readAll, readCard } from '../doc/records.js';
import { done, fail, ok } from '../doc/result.js';
import {
  addCardInput,
  cardIdSchema,
  editCardTextInput,
  LIMITS,
  markSchema,
  moveCardInput,
  textOf,
} from '../doc/schema.js';
import { splitsSurrogatePair, type TextEdit } from '../doc/text.js';
import { commit, type OpOptions, prepare } from '../doc/transact.js';
import type { Actor, CardId, CardQuote, CardState, Category, Mark, Result } from '../doc/types.js';
import { z } from '../doc/zod.js';
import { CARD_NOTE_FIELDS } from './changeKinds.js';
import { intactPairOf } from './pairing.js';
import { quotePersonProblem, storedQuote } from './quote.js';
import { recordEditor } from './words.js';

/** The cards of `category` in board order, leaving out `except` (the card being moved). */
function siblingsOf(doc: Y.Doc, category: Category, except?: CardId): Ordered[] {
  return Object.values(readAll(doc, 'cards', readCard))
    .filter((card) => card.category === category && card.id !== except)
    .sort(compareOrdered);
}

export interface NewCard {
  readonly category: Category;
  readonly text?: string | undefined;
  readonly professionalsOnly?: boolean | undefined;
  readonly index?: number | undefined;
  /** The child's own words ([AC52]): whose, and where from. */
  readonly quote?: CardQuote | null | undefined;
}

/** Writes a validated new card; call inside a transaction. Shared by addCard and addPair. */
export function insertCard(doc: Y.Doc, actor: Actor, card: NewCard, now: number): CardId {
  const id = asCardId(newId());
  const plan = planOrder(siblingsOf(doc, card.category), card.index ?? Number.MAX_SAFE_INTEGER);
  applyRenumber(topMap(doc, 'cards'), plan);
  const map = attachMap(topMap(doc, 'cards'), id);
  map.set('id', id);
  map.set('category', card.category);
  map.set('authorId', actor.participantId);
  map.set('authorRole', actor.role);
  map.set('createdAt', now);
  map.set('updatedAt', now);
  map.set('order', plan.order);
  map.set('professionalsOnly', card.professionalsOnly ?? false);
  map.set('pairId', null);
  attachMap(map, 'marks');
  for (const field of CARD_NOTE_FIELDS) attachMap(map, field);
  if (card.quote != null) map.set('quote', storedQuote(card.quote));
  attachText(map, 'text', card.text ?? '');
  return id;
}

/**
 * Adds a card to a category, by default at the end; `index` places it among the category's
 * cards (past the end means the end). Authorship comes from `actor`.
 * @example addCard(doc, actor, { category: 'existingStrength', text: 'Gran collects him from school' })
 */
export function addCard(
  doc: Y.Doc,
  actor: Actor,
  card: NewCard,
  opts?: OpOptions,
): Result<{ cardId: CardId }> {
  const op = prepare(addCardInput, actor, card, opts);
  if (!op.ok) return op;
  const { input, now, origin } = op.value;
  if (input.quote != null) {
    const problem = quotePersonProblem(doc, input.quote, input.professionalsOnly === true);
    if (problem !== null) return fail('invalid-input', problem);
  }
  const cardId = commit(doc, origin, () => insertCard(doc, op.value.actor, input, now));
  return ok({ cardId });
}

function findCard(doc: Y.Doc, cardId: CardId): Result<Found<CardState>> {
  const card = findIn(doc, 'cards', cardId, readCard);
  return card === null ? fail('not-found', `card ${cardId}`) : ok(card);
}

/** Splices a card's text (UTF-16 indices, as in the editor); a splice inside an emoji is refused. */
export function editCardText(
  doc: Y.Doc,
  actor: Actor,
  cardId: CardId,
  edit: TextEdit,
  opts?: OpOptions,
): Result<void> {
  const op = prepare(
    z.object({ cardId: cardIdSchema, edit: editCardTextInput }),
    actor,
    { cardId, edit },
    opts,
  );
  if (!op.ok) return op;
  const { input, now, origin } = op.value;
  const card = findCard(doc, input.cardId);
  if (!card.ok) return card;
  const text = childText(card.value.map, 'text');
  const current = card.value.record.text;
  const { index, deleteCount, insert } = input.edit;
  const end = index + deleteCount;
  if (text === null || end > current.length) return fail('invalid-input', 'edit: outside the text');
  if (splitsSurrogatePair(current, index) || splitsSurrogatePair(current, end)) {
    return fail('invalid-input', 'edit: splits a character');
  }
  if (current.length - deleteCount + insert.length > LIMITS.cardText) {
    return fail('invalid-input', `edit: text would exceed ${LIMITS.cardText} characters`);
  }
  if (deleteCount === 0 && insert.length === 0) return done;
  commit(doc, origin, () => {
    if (deleteCount > 0) text.delete(index, deleteCount);
    if (insert.length > 0) text.insert(index, insert);
    card.value.map.set('updatedAt', now);
    recordEditor(card.value.map, card.value.record, op.value.actor, now);
  });
  return done;
}

/** Replaces a card's text through the smallest splice, so concurrent edits elsewhere survive. */
export function setCardText(
  doc: Y.Doc,
  actor: Actor,
  cardId: CardId,
  text: string,
  opts?: OpOptions,
): Result<void> {
  const schema = z.object({ cardId: cardIdSchema, text: textOf(LIMITS.cardText) });
  const op = prepare(schema, actor, { cardId, text }, opts);
  if (!op.ok) return op;
  const { input, now, origin } = op.value;
  const card = findCard(doc, input.cardId);
  if (!card.ok) return card;
  const target = childText(card.value.map, 'text');
  if (target === null || card.value.record.text === input.text) return done;
  commit(doc, origin, () => {
    if (!replaceText(target, input.text)) return;
    card.value.map.set('updatedAt', now);
    recordEditor(card.value.map, card.value.record, op.value.actor, now);
  });
  return done;
}

/**
 * Moves a card to `index` among the OTHER cards of `category` (sorted by order, then id).
 * A card in an intact pair cannot leave its category (`paired-card`): unpair it first.
 */
export function moveCard(
  doc: Y.Doc,
  actor: Actor,
  cardId: CardId,
  to: { category: Category; index: number },
  opts?: OpOptions,
): Result<void> {
  const op = prepare(z.object({ cardId: cardIdSchema, to: moveCardInput }), actor, { cardId, to }, opts);
  if (!op.ok) return op;
  const { input, now, origin } = op.value;
  const card = findCard(doc, input.cardId);
  if (!card.ok) return card;
  const { map, record } = card.value;
  const pair = intactPairOf(doc, record);
  if (pair !== null && input.to.category !== record.category) return fail('paired-card', `card ${record.id}`);
  const plan = planOrder(siblingsOf(doc, input.to.category, record.id), input.to.index);
  commit(doc, origin, () => {
    applyRenumber(topMap(doc, 'cards'), plan);
    map.set('category', input.to.category);
    map.set('order', plan.order);
    map.set('updatedAt', now);
    // A leftover pairId from a pair a merge broke must not revive that pair if the card
    // later returns to the category it was paired in.
    if (pair === null && record.pairId !== null) map.set('pairId', null);
  });
  return done;
}

/** Deletes a card; if it is paired, its pair and the pair's scale go too and the partner is unpaired. */
export function deleteCard(doc: Y.Doc, actor: Actor, cardId: CardId, opts?: OpOptions): Result<void> {
  const op = prepare(z.object({ cardId: cardIdSchema }), actor, { cardId }, opts);
  if (!op.ok) return op;
  const card = findCard(doc, op.value.input.cardId);
  if (!card.ok) return card;
  const { record } = card.value;
  commit(doc, op.value.origin, () => {
    if (record.pairId !== null) removePairRecords(doc, record.pairId, record.id);
    topMap(doc, 'cards').delete(record.id);
  });
  return done;
}

/**
 * Removes pair `pairId` and its scale if the pair names `cardId`, and clears `pairId` on both
 * of its cards where they still point at it. Call inside a transaction.
 */
export function removePairRecords(doc: Y.Doc, pairId: string, cardId?: CardId): void {
  const pairs = topMap(doc, 'pairs');
  const pair = childMap(pairs, pairId);
  if (pair === null) return;
  const members = [pair.get('dangerStatementId'), pair.get('safetyGoalId')];
  if (cardId !== undefined && !members.includes(cardId)) return;
  const cards = topMap(doc, 'cards');
  for (const member of members) {
    if (typeof member !== 'string') continue;
    const memberCard = childMap(cards, member);
    if (memberCard?.get('pairId') === pairId) memberCard.set('pairId', null);
  }
  pairs.delete(pairId);
  topMap(doc, 'scales').delete(pairId);
}

/** Records whether the actor agrees with or disputes a card; null withdraws their mark. */
export function setMark(
  doc: Y.Doc,
  actor: Actor,
  cardId: CardId,
  mark: Mark | null,
  opts?: OpOptions,
): Result<void> {
  const schema = z.object({ cardId: cardIdSchema, mark: z.nullable(markSchema) });
  const op = prepare(schema, actor, { cardId, mark }, opts);
  if (!op.ok) return op;
  const card = findCard(doc, op.value.input.cardId);
  if (!card.ok) return card;
  const { actor: who, input, origin } = op.value;
  commit(doc, origin, () => {
    const marks = childMap(card.value.map, 'marks') ?? attachMap(card.value.map, 'marks');
    if (input.mark === null) marks.delete(who.participantId);
    else marks.set(who.participantId, input.mark);
    // A reason explains a dispute; agreeing or withdrawing the mark withdraws it.
    const reasons = childMap(card.value.map, 'reasons');
    if (input.mark !== 'dispute' && reasons?.has(who.participantId)) reasons.delete(who.participantId);
  });
  return done;
}
