import * as Y from 'yjs';
import { type AnyMap, childMap, readTopMap, type TopLevelName } from './docMaps.js';
import { idRecord } from './idRecord.js';
import { isId } from './ids.js';
import { quoteOf } from './quoteValue.js';
import { fieldReader, fieldSource, ignoreRepairs, type RepairAction, type RepairSink } from './repairs.js';
import { LIMITS, storedReviewDate } from './schema.js';
import {
  type BoardMeta,
  CATEGORIES,
  CATEGORY_COLUMN,
  type CardId,
  type CardState,
  type Category,
  COLUMNS,
  isCategory,
  type Mark,
  type NetworkMemberId,
  type NetworkMemberState,
  type PairId,
  type PairState,
  type ParticipantId,
  type ParticipantState,
  PERSON_KINDS,
  type PersonId,
  type PersonState,
  type PlanState,
  ROLES,
  type RuleId,
  type RuleState,
  type ScaleId,
  type ScaleRating,
  type ScaleState,
} from './types.js';

/**
 * Reading stored records, shared by readBoard and by the ops' existence checks so both agree
 * on what exists. A reader never throws and never drops a record because one field is
 * malformed: the field reads as a safe default (repairs.ts) and the repair goes to `sink`.
 * Only an entry that cannot be a record at all (not a map, a key that is not an id, a pair
 * without its two card ids) is left out, and that is reported too.
 */

/** A record found in the doc: its Y.Map (for writing) and its validated reading. */
export interface Found<S> {
  readonly map: AnyMap;
  readonly record: S;
}

/** Where a card whose `order` is unreadable goes: after every other card of its category. */
export const REPAIRED_ORDER = Number.MAX_SAFE_INTEGER;
/** The author of a card whose `authorId` is unreadable: nobody's id, so nobody is credited. */
export const UNKNOWN_AUTHOR = 'unknown' as ParticipantId;
/** Where a card with an unknown category is shown (a column name keeps its column). */
const FALLBACK_CATEGORY: Category = 'nextStep';

type Reader<S> = (value: unknown, key: string, sink?: RepairSink) => S | null;

function guarded<T>(part: TopLevelName, key: string, sink: RepairSink, read: () => T | null): T | null {
  let record: T | null = null;
  try {
    record = read();
  } catch {
    record = null;
  }
  if (record === null) sink({ part, id: isId(key) ? key : null, field: 'record', action: 'dropped' });
  return record;
}

function categoryOf(value: unknown, report: (field: string) => void): Category {
  if (isCategory(value)) return value;
  report('category');
  const column = COLUMNS.find((name) => name === value);
  return CATEGORIES.find((category) => CATEGORY_COLUMN[category] === column) ?? FALLBACK_CATEGORY;
}

function marksOf(map: AnyMap, report: (field: string, action: RepairAction) => void): Record<string, Mark> {
  const marks = idRecord<Mark>();
  const stored = map.get('marks');
  if (stored === undefined) return marks;
  if (!(stored instanceof Y.Map)) {
    report('marks', 'defaulted');
    return marks;
  }
  for (const [participant, mark] of (stored as AnyMap).entries()) {
    if (isId(participant) && (mark === 'agree' || mark === 'dispute')) marks[participant] = mark;
    else report('marks', 'dropped');
  }
  return marks;
}

/** One of a card's per-person notes (`reasons`, `suggestions`, `editedBy`, `suggestedBy`): valid entries only. */
function noteEntries<T>(
  map: AnyMap,
  field: string,
  read: (value: unknown) => T | null,
  report: (field: string, action: RepairAction) => void,
): Record<string, T> {
  const entries = idRecord<T>();
  const stored = map.get(field);
  if (stored === undefined) return entries;
  if (!(stored instanceof Y.Map)) {
    report(field, 'defaulted');
    return entries;
  }
  for (const [participant, value] of (stored as AnyMap).entries()) {
    const entry = isId(participant) ? read(value) : null;
    if (entry !== null) entries[participant] = entry;
    else report(field, 'dropped');
  }
  return entries;
}

/** The notes present on a card, each only when not empty, so a card without them reads (and hashes) as before. */
function notesOf(
  map: AnyMap,
  report: (field: string, action: RepairAction) => void,
): Pick<CardState, 'reasons' | 'suggestions' | 'editedBy' | 'suggestedBy'> {
  const text = (max: number) => (value: unknown) =>
    typeof value === 'string' && value.length <= max ? value : null;
  const time = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  const notes = {
    reasons: noteEntries(map, 'reasons', text(LIMITS.reason), report),
    suggestions: noteEntries(map, 'suggestions', text(LIMITS.cardText), report),
    editedBy: noteEntries(map, 'editedBy', time, report),
    suggestedBy: noteEntries(map, 'suggestedBy', time, report),
  };
  const present: Partial<typeof notes> = {};
  for (const [name, entries] of Object.entries(notes) as [keyof typeof notes, Record<string, never>][]) {
    if (Object.keys(entries).length > 0) present[name] = entries;
  }
  return present;
}

/** A card's quote of a child ([AC52]), only when it has one; a malformed quote is dropped and reported. */
function quoteField(
  value: unknown,
  report: (field: string, action: RepairAction) => void,
): Pick<CardState, 'quote'> {
  const quote = quoteOf(value);
  if (quote === 'malformed') {
    report('quote', 'dropped');
    return {};
  }
  return quote === null ? {} : { quote };
}

/** A card's `pairId` that is not an id: the pair record that names the card, if there is one. */
function pairNaming(map: AnyMap, cardId: string): PairId | null {
  const pairs = map.doc === null ? null : readTopMap(map.doc, 'pairs');
  const naming: string[] = [];
  for (const [pairId, pair] of pairs?.entries() ?? []) {
    const get = fieldSource(pair);
    if (
      get !== null &&
      isId(pairId) &&
      (get('dangerStatementId') === cardId || get('safetyGoalId') === cardId)
    ) {
      naming.push(pairId);
    }
  }
  return (naming.sort()[0] as PairId | undefined) ?? null;
}

function pairIdOf(map: AnyMap, cardId: string, report: (field: string) => void): PairId | null {
  const value = map.get('pairId');
  if (value === null || isId(value)) return value as PairId | null;
  report('pairId');
  return pairNaming(map, cardId);
}

export function readCard(value: unknown, key: string, sink: RepairSink = ignoreRepairs): CardState | null {
  return guarded('cards', key, sink, () => {
    const get = fieldSource(value);
    if (get === null) return null;
    const f = fieldReader(get, 'cards', key, sink);
    const map = value instanceof Y.Map ? (value as AnyMap) : null;
    const createdAt = f.number('createdAt', 0);
    return {
      id: f.ownId<CardId>(key),
      category: categoryOf(get('category'), f.report),
      text: f.text('text', LIMITS.cardText, { yText: true }),
      authorId: f.id('authorId', UNKNOWN_AUTHOR),
      authorRole: f.oneOf('authorRole', ROLES, 'viewer'),
      createdAt,
      updatedAt: f.number('updatedAt', createdAt),
      order: f.number('order', REPAIRED_ORDER),
      // Unreadable: treated as professionals-only, so no family-side reading shows it by mistake.
      professionalsOnly: f.boolean('professionalsOnly', true),
      marks: map === null ? idRecord<Mark>() : marksOf(map, f.report),
      pairId: map === null ? null : pairIdOf(map, key, f.report),
      ...(map === null ? {} : notesOf(map, f.report)),
      ...quoteField(get('quote'), f.report),
    };
  });
}

export function readPair(value: unknown, key: string, sink: RepairSink = ignoreRepairs): PairState | null {
  return guarded('pairs', key, sink, () => {
    const get = fieldSource(value);
    const dangerStatementId = get?.('dangerStatementId');
    const safetyGoalId = get?.('safetyGoalId');
    // Without its two cards a pair can never be intact: there is nothing to repair it to.
    if (get === null || !isId(dangerStatementId) || !isId(safetyGoalId)) return null;
    const f = fieldReader(get, 'pairs', key, sink);
    return {
      id: f.ownId<PairId>(key),
      dangerStatementId: dangerStatementId as CardId,
      safetyGoalId: safetyGoalId as CardId,
      createdAt: f.number('createdAt', 0),
    };
  });
}

function readRating(
  value: unknown,
  report: (field: string, action?: RepairAction) => void,
): ScaleRating | null {
  const get = fieldSource(value);
  const stored = get?.('value');
  if (get === null || typeof stored !== 'number' || !Number.isFinite(stored)) {
    report('ratings', 'dropped');
    return null;
  }
  const rating = Math.min(10, Math.max(0, Math.round(stored)));
  if (rating !== stored) report('ratings.value');
  const f = fieldReader(get, 'scales', null, ({ field, action }) => report(`ratings.${field}`, action));
  const read: ScaleRating = { value: rating, reason: f.text('reason', LIMITS.reason), at: f.number('at', 0) };
  const recordedBy = get('recordedBy');
  if (recordedBy === undefined) return read;
  // Who recorded a score for a person without a device: a malformed one is dropped, the score kept.
  if (!isId(recordedBy)) {
    report('ratings.recordedBy', 'dropped');
    return read;
  }
  return { ...read, recordedBy: recordedBy as ParticipantId };
}

export function readScale(value: unknown, key: string, sink: RepairSink = ignoreRepairs): ScaleState | null {
  return guarded('scales', key, sink, () => {
    const get = fieldSource(value);
    if (get === null) return null;
    const f = fieldReader(get, 'scales', key, sink);
    const ratings = idRecord<ScaleRating>();
    const scored: string[] = [];
    const map = value instanceof Y.Map ? (value as AnyMap) : null;
    for (const [participant, stored] of (map === null ? null : childMap(map, 'ratings'))?.entries() ?? []) {
      const rating = isId(participant) ? readRating(stored, f.report) : null;
      if (rating !== null) ratings[participant] = rating;
      else if (!isId(participant)) f.report('ratings', 'dropped');
    }
    for (const [participant, flag] of (map === null ? null : childMap(map, 'scored'))?.entries() ?? []) {
      if (isId(participant) && flag === true) scored.push(participant);
      else f.report('scored', 'dropped');
    }
    return {
      id: f.ownId<ScaleId>(key),
      // Ratings in the document are revealed ones; reading them as revealed hides nothing private.
      mode: f.oneOf('mode', ['private', 'revealed'] as const, 'revealed'),
      ratings,
      scored: scored.sort(),
    };
  });
}

export function readParticipant(
  value: unknown,
  key: string,
  sink: RepairSink = ignoreRepairs,
): ParticipantState | null {
  return guarded('participants', key, sink, () => {
    const get = fieldSource(value);
    if (get === null) return null;
    const f = fieldReader(get, 'participants', key, sink);
    return {
      id: f.ownId<ParticipantId>(key),
      displayName: f.text('displayName', LIMITS.field),
      role: f.oneOf('role', ROLES, 'viewer'),
      joinedAt: f.number('joinedAt', 0),
    };
  });
}

export function readNetworkMember(
  value: unknown,
  key: string,
  sink: RepairSink = ignoreRepairs,
): NetworkMemberState | null {
  return guarded('network', key, sink, () => {
    const get = fieldSource(value);
    if (get === null) return null;
    const f = fieldReader(get, 'network', key, sink);
    return {
      id: f.ownId<NetworkMemberId>(key),
      name: f.text('name', LIMITS.field),
      relationship: f.text('relationship', LIMITS.field),
      contact: f.text('contact', LIMITS.field),
      agreedTo: f.text('agreedTo', LIMITS.field),
      toldAboutWorries: f.boolean('toldAboutWorries', false),
      order: f.number('order', REPAIRED_ORDER),
    };
  });
}

/** The participant a person joined as: absent or null is none; anything else is dropped and reported. */
function linkedParticipant(value: unknown, report: (field: string) => void): ParticipantId | null {
  if (value === undefined || value === null) return null;
  if (isId(value)) return value as ParticipantId;
  report('participantId');
  return null;
}

/** A person of the case (issue 14); an age that is not a whole number 0–120 reads as none. */
export function readPerson(
  value: unknown,
  key: string,
  sink: RepairSink = ignoreRepairs,
): PersonState | null {
  return guarded('people', key, sink, () => {
    const get = fieldSource(value);
    if (get === null) return null;
    const f = fieldReader(get, 'people', key, sink);
    const age = get('age');
    const wholeAge = typeof age === 'number' && Number.isInteger(age) && age >= 0 && age <= LIMITS.age;
    if (age !== null && !wholeAge) f.report('age');
    return {
      id: f.ownId<PersonId>(key),
      name: f.text('name', LIMITS.personName),
      kind: f.oneOf('kind', PERSON_KINDS, 'adult'),
      age: wholeAge ? age : null,
      order: f.number('order', REPAIRED_ORDER),
      participantId: linkedParticipant(get('participantId'), f.report),
    };
  });
}

const RULE_TEXTS = ['text', 'redFlags', 'networkResponse', 'howChildWillKnow'] as const;

/** A rule as stored: `responsibleMemberIds` may name members removed concurrently. */
export function readRule(value: unknown, key: string, sink: RepairSink = ignoreRepairs): RuleState | null {
  return guarded('rules', key, sink, () => {
    const get = fieldSource(value);
    if (get === null) return null;
    const f = fieldReader(get, 'rules', key, sink);
    const [text, redFlags, networkResponse, howChildWillKnow] = RULE_TEXTS.map((field) =>
      f.text(field, LIMITS.planText, { yText: true }),
    ) as [string, string, string, string];
    const responsible = get('responsible');
    const responsibleMemberIds: NetworkMemberId[] = [];
    if (responsible instanceof Y.Map) {
      for (const [memberId, flag] of (responsible as AnyMap).entries()) {
        if (flag === true && isId(memberId)) responsibleMemberIds.push(memberId as NetworkMemberId);
        else if (flag !== false) f.report('responsible', 'dropped');
      }
    } else if (responsible !== undefined) {
      f.report('responsible');
    }
    return {
      id: f.ownId<RuleId>(key),
      text,
      redFlags,
      networkResponse,
      howChildWillKnow,
      order: f.number('order', REPAIRED_ORDER),
      responsibleMemberIds,
    };
  });
}

const PLAN_TEXTS = ['bottomLines', 'monitoringWho', 'monitoringHowOften'] as const;

/** The plan; a missing field reads as empty, a damaged one as empty or cut to its limit. */
export function readPlanFrom(map: AnyMap | null, sink: RepairSink = ignoreRepairs): PlanState {
  const f = fieldReader((key) => map?.get(key), 'plan', null, sink);
  const [bottomLines, monitoringWho, monitoringHowOften] = PLAN_TEXTS.map((key) =>
    f.text(key, LIMITS.planText, { yText: true, optional: true }),
  ) as [string, string, string];
  const stored = map?.get('reviewDate') ?? null;
  const reviewDate = storedReviewDate.safeParse(stored);
  if (!reviewDate.success) f.report('reviewDate');
  return {
    bottomLines,
    monitoringWho,
    monitoringHowOften,
    reviewDate: reviewDate.success ? reviewDate.data : null,
  };
}

/** The board's meta; missing or damaged fields read as '' / 0 (0 = no schema yet). */
export function readMetaFrom(map: AnyMap | null, sink: RepairSink = ignoreRepairs): BoardMeta {
  const f = fieldReader((key) => map?.get(key), 'meta', null, sink);
  const createdAt = map?.get('createdAt');
  const schemaVersion = map?.get('schemaVersion');
  return {
    title: f.text('title', LIMITS.title, { optional: true }),
    createdAt: createdAt === undefined ? 0 : f.number('createdAt', 0),
    schemaVersion: Number.isSafeInteger(schemaVersion) ? (schemaVersion as number) : 0,
    // Only while locked, so an unlocked board reads (and hashes) as before.
    ...(map?.get('locked') === true ? { locked: true as const } : {}),
  };
}

/** Finds a valid record, stored as a Y.Map, by id in a top-level map. */
export function findIn<S>(doc: Y.Doc, name: TopLevelName, id: string, read: Reader<S>): Found<S> | null {
  const top = readTopMap(doc, name);
  const value = top?.get(id);
  const record = value === undefined ? null : read(value, id);
  const map = top === null ? null : childMap(top, id);
  return record === null || map === null ? null : { map, record };
}

/** All readable records of a top-level map, keyed by id (no prototype: any id is a key). */
export function readAll<S>(
  doc: Y.Doc,
  name: TopLevelName,
  read: Reader<S>,
  sink: RepairSink = ignoreRepairs,
): Record<string, S> {
  const out = idRecord<S>();
  const top = readTopMap(doc, name);
  if (top === null) return out;
  for (const [key, value] of top.entries()) {
    if (!isId(key)) {
      sink({ part: name, id: null, field: 'key', action: 'dropped' });
      continue;
    }
    const record = read(value, key, sink);
    if (record !== null) out[key] = record;
  }
  return out;
}
