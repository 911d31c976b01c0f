import type * as Y from 'yjs';
import { CARD_NOTE_FIELDS } from '../cards/changeKinds.js';
import { writeCopy } from '../cards/professionalsOnly.js';
import { storedQuote } from '../cards/quote.js';
import { readMeta } from '../doc/board.js';
import {
  type AnyMap,
  attachMap,
  attachText,
  childMap,
  childText,
  NETWORK_MEMBER_KEYS,
  PERSON_KEYS,
  readTopMap,
  replaceText,
  topMap,
  writeTextField,
} from '../doc/docMaps.js';
import { hasId, idRecord, ownValue } from '../doc/idRecord.js';
import { quoteOf } from '../doc/quoteValue.js';
import {
  readAll,
  readCard,
  readNetworkMember,
  readPair,
  readPerson,
  readPlanFrom,
  readRule,
  readScale,
} from '../doc/records.js';
import type {
  BoardState,
  CardState,
  NetworkMemberState,
  PairState,
  PersonState,
  PlanState,
  RuleState,
  ScaleRating,
  ScaleState,
} from '../doc/types.js';

/**
 * The writers behind restore.ts: each brings one part of a document to a target reading with
 * as few writes as it can (a field is set only when it differs, texts change by the smallest
 * splice), so a restore merges with concurrent edits like any other change and an unchanged
 * record costs nothing. Each returns how many records it touched. Call inside a transaction.
 */

function setIfDifferent(map: AnyMap, key: string, value: unknown): boolean {
  if (map.get(key) === value) return false;
  map.set(key, value);
  return true;
}

/**
 * Brings the child map `key` of `parent` to exactly `wanted`: extra keys are deleted, differing
 * values set. The child is attached only when there is something to put in it.
 */
function syncEntries<V>(
  parent: AnyMap,
  key: string,
  wanted: Readonly<Record<string, V>>,
  same: (stored: unknown, value: V) => boolean,
): boolean {
  let child = childMap(parent, key);
  if (child === null && Object.keys(wanted).length === 0) return false;
  child ??= attachMap(parent, key);
  let touched = false;
  for (const id of [...child.keys()]) {
    if (!Object.hasOwn(wanted, id)) {
      child.delete(id);
      touched = true;
    }
  }
  for (const [id, value] of Object.entries(wanted)) {
    if (!same(child.get(id), value)) {
      child.set(id, value);
      touched = true;
    }
  }
  return touched;
}

const sameScalar = (stored: unknown, value: unknown): boolean => stored === value;

function sameRating(stored: unknown, rating: ScaleRating): boolean {
  if (typeof stored !== 'object' || stored === null) return false;
  const { value, reason, at, recordedBy } = stored as Partial<ScaleRating>;
  return (
    value === rating.value && reason === rating.reason && at === rating.at && recordedBy === rating.recordedBy
  );
}

const trueFor = (ids: readonly string[]): Record<string, true> =>
  idRecord(ids.map((id) => [id, true] as const));

const CARD_SCALARS = [
  'id',
  'category',
  'order',
  'professionalsOnly',
  'pairId',
  'authorId',
  'authorRole',
  'createdAt',
] as const;

/**
 * Writes `card` where `stored` (the current reading of the same entry, null when it is missing
 * or unreadable) differs. A missing card is re-created with its original id, author and
 * creation time; `updatedAt` becomes `now` when the card's content changed (with `keepUpdatedAt`,
 * the target's `updatedAt` instead: an import keeps the dates it carries).
 */
export function writeCard(
  doc: Y.Doc,
  stored: CardState | null,
  card: CardState,
  now: number,
  keepUpdatedAt = false,
): boolean {
  const cards = topMap(doc, 'cards');
  const map = stored === null ? null : childMap(cards, card.id);
  const text = map === null ? null : childText(map, 'text');
  if (stored === null || map === null || text === null) {
    writeCopy(doc, card, card.professionalsOnly, keepUpdatedAt ? card.updatedAt : now);
    if (card.pairId !== null) childMap(cards, card.id)?.set('pairId', card.pairId);
    return true;
  }
  let content = false;
  // The stored values, not the reading: a repaired field (repairs.ts) reads like the target but is not.
  for (const field of CARD_SCALARS) {
    if (map.get(field) !== card[field]) {
      map.set(field, card[field]);
      content = true;
    }
  }
  if (replaceText(text, card.text)) content = true;
  if (content) map.set('updatedAt', keepUpdatedAt ? card.updatedAt : now);
  const marks = syncEntries(map, 'marks', card.marks, sameScalar);
  let notes = false;
  for (const field of CARD_NOTE_FIELDS) {
    if (syncEntries(map, field, card[field] ?? {}, sameScalar)) notes = true;
  }
  return content || marks || notes || writeQuote(map, card);
}

/** The card's quote of a child as `card` has it; a card without one keeps none (null). */
function writeQuote(map: AnyMap, card: CardState): boolean {
  const stored = quoteOf(map.get('quote'));
  const wanted = card.quote ?? null;
  const same =
    stored === wanted ||
    (stored !== null &&
      stored !== 'malformed' &&
      wanted !== null &&
      stored.personId === wanted.personId &&
      stored.toolId === wanted.toolId &&
      stored.area === wanted.area);
  // Nothing to clear on a card that never had the field.
  if (same || (wanted === null && map.get('quote') === undefined)) return false;
  map.set('quote', wanted === null ? null : storedQuote(wanted));
  return true;
}

/** Writes a pair record where it differs from `stored` (null: missing or unreadable). */
export function writePair(doc: Y.Doc, stored: PairState | null, pair: PairState): boolean {
  const pairs = topMap(doc, 'pairs');
  const map = (stored === null ? null : childMap(pairs, pair.id)) ?? attachMap(pairs, pair.id);
  let touched = false;
  for (const field of ['id', 'dangerStatementId', 'safetyGoalId', 'createdAt'] as const) {
    if (setIfDifferent(map, field, pair[field])) touched = true;
  }
  return touched;
}

/** Writes a scale (mode, ratings, who has scored) where it differs from `stored`. */
export function writeScale(doc: Y.Doc, stored: ScaleState | null, scale: ScaleState): boolean {
  const scales = topMap(doc, 'scales');
  let map = stored === null ? null : childMap(scales, scale.id);
  const created = map === null;
  if (map === null) {
    map = attachMap(scales, scale.id);
    attachMap(map, 'ratings');
  }
  const fields = [setIfDifferent(map, 'id', scale.id), setIfDifferent(map, 'mode', scale.mode)];
  const ratings = syncEntries(map, 'ratings', scale.ratings, sameRating);
  const scored = syncEntries(map, 'scored', trueFor(scale.scored), sameScalar);
  return created || fields.includes(true) || ratings || scored;
}

/** Deletes the readable records of `name` that `target` does not have; unreadable entries stay. */
function removeMissing<S>(
  doc: Y.Doc,
  name: 'cards' | 'pairs' | 'scales' | 'network' | 'people' | 'rules',
  current: Readonly<Record<string, S>>,
  target: Readonly<Record<string, unknown>>,
): number {
  let removed = 0;
  for (const id of Object.keys(current)) {
    if (!hasId(target, id)) {
      topMap(doc, name).delete(id);
      removed++;
    }
  }
  return removed;
}

function writeNetworkMember(
  doc: Y.Doc,
  stored: NetworkMemberState | null,
  member: NetworkMemberState,
): boolean {
  const network = topMap(doc, 'network');
  const map = (stored === null ? null : childMap(network, member.id)) ?? attachMap(network, member.id);
  let touched = false;
  for (const field of NETWORK_MEMBER_KEYS) if (setIfDifferent(map, field, member[field])) touched = true;
  return touched;
}

function writePerson(doc: Y.Doc, stored: PersonState | null, person: PersonState): boolean {
  const people = topMap(doc, 'people');
  const map = (stored === null ? null : childMap(people, person.id)) ?? attachMap(people, person.id);
  let touched = false;
  for (const field of PERSON_KEYS) if (setIfDifferent(map, field, person[field])) touched = true;
  return touched;
}

const RULE_TEXTS = ['text', 'redFlags', 'networkResponse', 'howChildWillKnow'] as const;

function writeRule(doc: Y.Doc, stored: RuleState | null, rule: RuleState): boolean {
  const rules = topMap(doc, 'rules');
  let map = stored === null ? null : childMap(rules, rule.id);
  if (map === null) {
    map = attachMap(rules, rule.id);
    map.set('id', rule.id);
    map.set('order', rule.order);
    attachMap(map, 'responsible');
    for (const key of RULE_TEXTS) attachText(map, key, rule[key]);
    syncEntries(map, 'responsible', trueFor(rule.responsibleMemberIds), sameScalar);
    return true;
  }
  const order = setIfDifferent(map, 'order', rule.order);
  const texts = RULE_TEXTS.map(
    (key) =>
      (childText(map, key) === null || stored?.[key] !== rule[key]) && writeTextField(map, key, rule[key]),
  );
  // The stored set, not the reading: a rule may still name a member removed concurrently.
  const responsible = syncEntries(map, 'responsible', trueFor(rule.responsibleMemberIds), sameScalar);
  return order || texts.includes(true) || responsible;
}

const PLAN_TEXTS = ['bottomLines', 'monitoringWho', 'monitoringHowOften'] as const;

/** The plan's fields that differ are written; an equal plan writes nothing (the restricted document has none). */
function writePlan(doc: Y.Doc, plan: PlanState): boolean {
  const current = readPlanFrom(readTopMap(doc, 'plan'));
  let touched = false;
  for (const key of PLAN_TEXTS) {
    if (current[key] !== plan[key] && writeTextField(topMap(doc, 'plan'), key, plan[key])) touched = true;
  }
  if (current.reviewDate !== plan.reviewDate) {
    topMap(doc, 'plan').set('reviewDate', plan.reviewDate);
    touched = true;
  }
  return touched;
}

/** Writes every record of `target` into the same kind of record in `doc` and removes the rest. */
function syncRecords<S>(
  doc: Y.Doc,
  name: 'cards' | 'pairs' | 'scales' | 'network' | 'people' | 'rules',
  read: (value: unknown, key: string) => S | null,
  target: Readonly<Record<string, S>>,
  write: (stored: S | null, record: S) => boolean,
): number {
  const current = readAll(doc, name, read);
  let changed = removeMissing(doc, name, current, target);
  for (const [id, record] of Object.entries(target))
    if (write(ownValue(current, id) ?? null, record)) changed++;
  return changed;
}

/**
 * Makes the board content of `doc` read as `target` (a state checked by `checkBoardState`):
 * title, cards, pairs, scales, network, people, rules and plan. Participants, `createdAt` and the schema
 * version are left alone. Returns the number of records written, added or removed.
 * `keepUpdatedAt` (an import) gives each card it writes the `updatedAt` from `target`.
 */
export function writeBoardState(
  doc: Y.Doc,
  target: BoardState,
  now: number,
  { keepUpdatedAt = false }: { keepUpdatedAt?: boolean } = {},
): number {
  let changed = 0;
  if (readMeta(doc).title !== target.meta.title) {
    topMap(doc, 'meta').set('title', target.meta.title);
    changed++;
  }
  changed += syncRecords(doc, 'cards', readCard, target.cards, (stored, card) =>
    writeCard(doc, stored, card, now, keepUpdatedAt),
  );
  changed += syncRecords(doc, 'pairs', readPair, target.pairs, (stored, pair) =>
    writePair(doc, stored, pair),
  );
  changed += syncRecords(doc, 'scales', readScale, target.scales, (stored, scale) =>
    writeScale(doc, stored, scale),
  );
  changed += syncRecords(doc, 'network', readNetworkMember, target.network, (stored, member) =>
    writeNetworkMember(doc, stored, member),
  );
  changed += syncRecords(doc, 'people', readPerson, target.people, (stored, person) =>
    writePerson(doc, stored, person),
  );
  changed += syncRecords(doc, 'rules', readRule, target.rules, (stored, rule) =>
    writeRule(doc, stored, rule),
  );
  if (writePlan(doc, target.plan)) changed++;
  return changed;
}
