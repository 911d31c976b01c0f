import type * as Y from 'yjs';
import { may } from '../access/policy.js';
import { SCHEMA_VERSION } from '../doc/board.js';
import { attachMap, attachText, topMap } from '../doc/docMaps.js';
import type { Origin } from '../doc/origins.js';
import { findIn, readAll, readCard } from '../doc/records.js';
import { done, fail, ok } from '../doc/result.js';
import { cardIdSchema, categorySchema } from '../doc/schema.js';
import { commit, type OpOptions, prepare, resolveOptions } from '../doc/transact.js';
import type { Actor, CardId, CardState, Result } from '../doc/types.js';
import { z } from '../doc/zod.js';
import { insertCard, removePairRecords } from './cards.js';
import { CARD_NOTE_FIELDS } from './changeKinds.js';
import { intactPairOf } from './pairing.js';
import { storedQuote } from './quote.js';

/**
 * Professionals-only cards live in a second document per board, the restricted document, which
 * only facilitators and practitioners can sync (docs/ARCHITECTURE.md, "Professionals-only cards").
 * A Yjs document is shared whole, so a flag inside the shared document would still send the text
 * to every family device; moving the card between the two documents is what keeps it away.
 * The restricted document has the board layout but holds only `meta` and `cards` (every card
 * there is `professionalsOnly: true` and unpaired; pairs live in the shared document).
 */

/**
 * Writes the restricted document's `meta` (empty title, `createdAt`, schema version) unless it
 * has one. The server calls it (clients may not write `createdAt` or `schemaVersion`, [AC17]).
 * @example initRestricted(doc, { createdAt: Date.now() })
 */
export function initRestricted(
  doc: Y.Doc,
  fields: { createdAt: number },
  opts?: { origin?: Origin },
): Result<{ created: boolean }> {
  if (!Number.isSafeInteger(fields.createdAt) || fields.createdAt < 0) {
    return fail('invalid-input', 'createdAt: not a time');
  }
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  if (topMap(doc, 'meta').has('schemaVersion')) return ok({ created: false });
  commit(doc, options.value.origin, () => {
    const meta = topMap(doc, 'meta');
    meta.set('title', '');
    meta.set('createdAt', fields.createdAt);
    meta.set('schemaVersion', SCHEMA_VERSION);
  });
  return ok({ created: true });
}

/**
 * Writes `card` into `doc` with the same id, author, text, order and marks, unpaired; call inside a
 * transaction. Also how restore.ts brings back a deleted card.
 */
export function writeCopy(doc: Y.Doc, card: CardState, professionalsOnly: boolean, now: number): void {
  const map = attachMap(topMap(doc, 'cards'), card.id);
  map.set('id', card.id);
  map.set('category', card.category);
  map.set('authorId', card.authorId);
  map.set('authorRole', card.authorRole);
  map.set('createdAt', card.createdAt);
  map.set('updatedAt', now);
  // The same order keeps the card where it stood when the two documents are shown merged.
  map.set('order', card.order);
  map.set('professionalsOnly', professionalsOnly);
  map.set('pairId', null);
  const marks = attachMap(map, 'marks');
  for (const [participantId, mark] of Object.entries(card.marks)) marks.set(participantId, mark);
  for (const field of CARD_NOTE_FIELDS) {
    const notes = attachMap(map, field);
    for (const [participantId, value] of Object.entries(card[field] ?? {})) notes.set(participantId, value);
  }
  // The child's words stay the child's on either side ([AC52]).
  if (card.quote !== undefined) map.set('quote', storedQuote(card.quote));
  attachText(map, 'text', card.text);
}

/**
 * Adds an empty professionals-only card straight into the restricted document, so its text is
 * never in the shared one (a card made professionals-only after it was typed has already been
 * seen by every family device that was online). `after` is the highest `order` of the category's
 * cards in the shared document, so the new card goes last in the merged view as well.
 * @example addProfessionalsOnlyCard(restricted, practitioner, { category: 'harm', after: 3 })
 */
export function addProfessionalsOnlyCard(
  restricted: Y.Doc,
  actor: Actor,
  card: { readonly category: CardState['category']; readonly after?: number | undefined },
  opts?: OpOptions,
): Result<{ cardId: CardId }> {
  const input = z.object({ category: categorySchema, after: z.optional(z.number()) });
  const op = prepare(input, actor, card, opts);
  if (!op.ok) return op;
  if (!may(op.value.actor.role, 'AC6')) {
    return fail('professionals-only', `${op.value.actor.role} may not add professionals-only cards`);
  }
  const { input: valid, now, origin } = op.value;
  const cardId = commit(restricted, origin, () => {
    const id = insertCard(
      restricted,
      op.value.actor,
      { category: valid.category, professionalsOnly: true },
      now,
    );
    const map = topMap(restricted, 'cards').get(id) as Y.Map<unknown>;
    const own = map.get('order') as number;
    if (valid.after !== undefined && own <= valid.after) map.set('order', Math.floor(valid.after) + 1);
    return id;
  });
  return ok({ cardId });
}

type Direction = 'toRestricted' | 'toShared';

function moveBetween(
  from: Y.Doc,
  to: Y.Doc,
  direction: Direction,
  actor: Actor,
  cardId: CardId,
  opts: OpOptions | undefined,
): Result<void> {
  const op = prepare(z.object({ cardId: cardIdSchema }), actor, { cardId }, opts);
  if (!op.ok) return op;
  const { input, now, origin } = op.value;
  if (!may(op.value.actor.role, 'AC6')) {
    return fail('professionals-only', `${op.value.actor.role} may not move professionals-only cards`);
  }
  const found = findIn(from, 'cards', input.cardId, readCard);
  if (found === null) return fail('not-found', `card ${input.cardId}`);
  if (direction === 'toRestricted' && intactPairOf(from, found.record) !== null) {
    return fail('paired-card', `card ${input.cardId}: unpair it first`);
  }
  if (findIn(to, 'cards', input.cardId, readCard) !== null) {
    return fail('invalid-input', `card ${input.cardId} is already in the other document`);
  }
  // Copy first, delete second: an interruption between the two leaves the card in both
  // documents (visible to professionals twice), never in neither.
  commit(to, origin, () => writeCopy(to, found.record, direction === 'toRestricted', now));
  commit(from, origin, () => topMap(from, 'cards').delete(input.cardId));
  return done;
}

/**
 * Makes a shared card professionals-only: copies it (same id, author, text, order, marks) into
 * the restricted document, then deletes it from the shared one, each in one labelled transaction.
 * A card in an intact pair is refused (`paired-card`): pairs live in the shared document.
 * Family devices that were online while the card was shared have already seen its text.
 * @example moveToRestricted(shared, restricted, practitioner, cardId)
 */
export function moveToRestricted(
  shared: Y.Doc,
  restricted: Y.Doc,
  actor: Actor,
  cardId: CardId,
  opts?: OpOptions,
): Result<void> {
  return moveBetween(shared, restricted, 'toRestricted', actor, cardId, opts);
}

/** Shows a professionals-only card to everyone again: the reverse of `moveToRestricted`. */
export function moveToShared(
  shared: Y.Doc,
  restricted: Y.Doc,
  actor: Actor,
  cardId: CardId,
  opts?: OpOptions,
): Result<void> {
  return moveBetween(restricted, shared, 'toShared', actor, cardId, opts);
}

/**
 * Boards written before the restricted document kept professionals-only cards in the shared one,
 * flagged. The server moves them out when such a board loads: these are the cards to move.
 */
export function flaggedSharedCards(shared: Y.Doc): CardState[] {
  return Object.values(readAll(shared, 'cards', readCard)).filter((card) => card.professionalsOnly);
}

/**
 * The server's half of moving `cards` (read from the shared document) into the restricted one:
 * copies each card not already there, in one transaction. Returns how many it copied.
 */
export function copyIntoRestricted(
  restricted: Y.Doc,
  cards: readonly CardState[],
  opts?: OpOptions,
): Result<{ copied: number }> {
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  const missing = cards.filter((card) => findIn(restricted, 'cards', card.id, readCard) === null);
  if (missing.length === 0) return ok({ copied: 0 });
  commit(restricted, options.value.origin, () => {
    for (const card of missing) writeCopy(restricted, card, true, options.value.now);
  });
  return ok({ copied: missing.length });
}

/**
 * The other half: deletes the moved cards from the shared document (a paired one takes its pair
 * and the pair's scale with it, as deleteCard does), in one transaction.
 */
export function removeFromShared(
  shared: Y.Doc,
  cardIds: readonly CardId[],
  opts?: OpOptions,
): Result<{ removed: number }> {
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  const present = cardIds
    .map((id) => findIn(shared, 'cards', id, readCard)?.record ?? null)
    .filter((card): card is CardState => card !== null);
  if (present.length === 0) return ok({ removed: 0 });
  commit(shared, options.value.origin, () => {
    for (const card of present) {
      if (card.pairId !== null) removePairRecords(shared, card.pairId, card.id);
      topMap(shared, 'cards').delete(card.id);
    }
  });
  return ok({ removed: present.length });
}
