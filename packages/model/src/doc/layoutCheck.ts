import * as Y from 'yjs';
import type { CARD_FIELDS } from '../cards/changeKinds.js';
import { MEETING_TOOL_LIMITS, WALL_SCREENS } from '../meeting/meetingTypes.js';
import type { NETWORK_MEMBER_KEYS, PERSON_KEYS } from './docMaps.js';
import { ID_PATTERN, OVERALL_SCALE_ID } from './ids.js';
import { quoteProblem } from './quoteValue.js';
import { LIMITS } from './schema.js';
import { isWellFormedText } from './text.js';
import { CATEGORIES, PERSON_KINDS, ROLES } from './types.js';

/**
 * The value rules of the board layout (docs/PROTOCOL.md, "Value rules"), checked against the
 * records one update touched, as they stand after it: types, ranges, lengths, ids, no unknown
 * fields, no embedded types or formatting in texts. The update guard refuses any problem found
 * here for every role ([AC19]). The checks never recurse into a value they do not expect, so a
 * record nested thousands of maps deep costs one type test; a text costs its `length`, and the
 * scan for embeds looks only at the items the update itself inserted.
 */

/** Ids that would break a reader indexing a plain object; refused as keys anywhere in the layout. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** An id the layout accepts as a key or a reference: the id pattern, and not a reserved name. */
export function isLayoutId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value) && !RESERVED_IDS.has(value);
}

export interface LayoutProblem {
  readonly path: readonly string[];
  readonly reason: string;
}

type Problem = string | null;
/** Checks one field's value; `key` is the record's key (an `id` field must equal it). */
type FieldCheck = (value: unknown, key: string) => Problem;
interface FieldRule {
  readonly check: FieldCheck;
  readonly required: boolean;
}
type RecordRules = Readonly<Record<string, FieldRule>>;

const req = (check: FieldCheck): FieldRule => ({ check, required: true });
const opt = (check: FieldCheck): FieldRule => ({ check, required: false });

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Y.AbstractType) &&
  !(value instanceof Uint8Array) &&
  Object.getPrototypeOf(value) === Object.prototype;

const finite: FieldCheck = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'not a number');
const boolean: FieldCheck = (v) => (typeof v === 'boolean' ? null : 'not a boolean');
const oneOf =
  (values: readonly unknown[]): FieldCheck =>
  (v) =>
    values.includes(v) ? null : 'not one of the allowed values';
const string =
  (max: number): FieldCheck =>
  (v) =>
    typeof v !== 'string' ? 'not a string' : v.length > max ? `longer than ${max}` : null;
const anId: FieldCheck = (v) => (isLayoutId(v) ? null : 'not an id');
const ownId: FieldCheck = (v, key) => (v === key ? null : 'does not equal its key');

/** A plain Y.Text (no attributes) of at most `max` characters; embeds are caught by `insertedTextProblem`. */
const text =
  (max: number): FieldCheck =>
  (v) => {
    if (!(v instanceof Y.Text) || v instanceof Y.XmlText) return 'not a Y.Text';
    if (v.length > max) return `longer than ${max}`;
    for (const item of v._map.values()) if (!item.deleted) return 'formatting attributes';
    return null;
  };

/** A Y.Map whose keys are ids and whose values pass `entry`. */
const mapOf =
  (entry: FieldCheck): FieldCheck =>
  (v) => {
    if (!(v instanceof Y.Map)) return 'not a map';
    for (const [key, value] of v.entries()) {
      if (!isLayoutId(key)) return 'a key that is not an id';
      const problem = entry(value, key);
      if (problem !== null) return `${key}: ${problem}`;
    }
    return null;
  };

const RATING_FIELDS = new Set(['value', 'reason', 'at', 'recordedBy']);
const rating: FieldCheck = (v) => {
  if (!isPlainObject(v)) return 'a rating must be { value, reason, at }';
  for (const key of Object.keys(v)) if (!RATING_FIELDS.has(key)) return 'unknown field';
  const { value, reason, at, recordedBy } = v;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10)
    return 'value must be a whole number 0–10';
  // Who recorded a score for a person without a device ([AC47]); absent on one's own score.
  if (recordedBy !== undefined && !isLayoutId(recordedBy)) return 'recordedBy must be an id';
  return string(LIMITS.reason)(reason, '') ?? finite(at, '');
};

const plainDate: FieldCheck = (v) => {
  if (v === null) return null;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'not a date';
  return new Date(`${v}T00:00:00Z`).toISOString().startsWith(v) ? null : 'not a date';
};

const CARD_RULES: Readonly<Record<(typeof CARD_FIELDS)[number], FieldRule>> = {
  id: req(ownId),
  category: req(oneOf(CATEGORIES)),
  text: req(text(LIMITS.cardText)),
  authorId: req(anId),
  authorRole: req(oneOf(ROLES)),
  createdAt: req(finite),
  updatedAt: req(finite),
  order: req(finite),
  professionalsOnly: req(boolean),
  marks: opt(mapOf(oneOf(['agree', 'dispute']))),
  pairId: req((v) => (v === null || (isLayoutId(v) && v !== OVERALL_SCALE_ID) ? null : 'not a pair id')),
  // Whose words ([AC30]–[AC34]): per person, a reason beside a dispute, a suggested text, and when
  // someone changed the card or had their suggestion taken in. Optional: older cards lack them.
  reasons: opt(mapOf(string(LIMITS.reason))),
  suggestions: opt(mapOf(string(LIMITS.cardText))),
  editedBy: opt(mapOf(finite)),
  suggestedBy: opt(mapOf(finite)),
  // The child's own words ([AC52]): who said them and where from. Optional: most cards quote nobody.
  quote: opt((v) => quoteProblem(v, isLayoutId)),
};

const PAIR_RULES: RecordRules = {
  id: req(ownId),
  dangerStatementId: req(anId),
  safetyGoalId: req(anId),
  createdAt: req(finite),
};

const SCALE_RULES: RecordRules = {
  id: req(ownId),
  mode: req(oneOf(['private', 'revealed'])),
  ratings: opt(mapOf(rating)),
  scored: opt(mapOf((v) => (v === true ? null : 'must be true'))),
};

const NETWORK_RULES: Readonly<Record<(typeof NETWORK_MEMBER_KEYS)[number], FieldRule>> = {
  id: req(ownId),
  name: req(string(LIMITS.field)),
  relationship: req(string(LIMITS.field)),
  contact: req(string(LIMITS.field)),
  agreedTo: req(string(LIMITS.field)),
  toldAboutWorries: req(boolean),
  order: req(finite),
};

const RULE_RULES: RecordRules = {
  id: req(ownId),
  text: req(text(LIMITS.planText)),
  redFlags: req(text(LIMITS.planText)),
  networkResponse: req(text(LIMITS.planText)),
  howChildWillKnow: req(text(LIMITS.planText)),
  responsible: opt(mapOf((v) => (v === true ? null : 'must be true'))),
  order: req(finite),
};

const PARTICIPANT_RULES: RecordRules = {
  id: req(ownId),
  displayName: req(string(LIMITS.field)),
  role: req(oneOf(ROLES)),
  joinedAt: req(finite),
};

/** `meta` and `plan` hold their fields directly; each entry is checked on its own. */
const META_RULES: RecordRules = {
  title: req(string(LIMITS.title)),
  createdAt: req(finite),
  schemaVersion: req((v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : 'not a version')),
  locked: opt(boolean),
};
const PLAN_RULES: RecordRules = {
  bottomLines: req(text(LIMITS.planText)),
  monitoringWho: req(text(LIMITS.planText)),
  monitoringHowOften: req(text(LIMITS.planText)),
  reviewDate: req(plainDate),
};

// Meeting tools (docs/PROTOCOL.md "Meeting tools"). Their texts are plain strings, checked whole.
const wellFormedString =
  (max: number): FieldCheck =>
  (v) => {
    const problem = string(max)(v, '');
    if (problem !== null) return problem;
    return isWellFormedText(v as string) ? null : 'an unpaired surrogate';
  };
const wholeIn =
  (min: number, max: number): FieldCheck =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? null
      : `not a whole number ${min}–${max}`;

// A person of the case (issue 14). Names are plain strings, checked whole.
const PERSON_RULES: Readonly<Record<(typeof PERSON_KEYS)[number], FieldRule>> = {
  id: req(ownId),
  name: req(wellFormedString(LIMITS.personName)),
  kind: req(oneOf(PERSON_KINDS)),
  age: req((v) => (v === null ? null : wholeIn(0, LIMITS.age)(v, ''))),
  order: req(finite),
  // The participant they joined as ([AC48]); absent on people written before it existed.
  participantId: opt((v) => (v === null || isLayoutId(v) ? null : 'not a participant id')),
};

const AGENDA_RULES: RecordRules = {
  id: req(ownId),
  title: req(wellFormedString(MEETING_TOOL_LIMITS.agendaTitle)),
  minutes: req(wholeIn(1, MEETING_TOOL_LIMITS.agendaMinutes)),
  order: req(finite),
  done: req(boolean),
};
const PARKING_RULES: RecordRules = {
  id: req(ownId),
  text: req(wellFormedString(MEETING_TOOL_LIMITS.parkingText)),
  authorId: req(anId),
  authorRole: req(oneOf(ROLES)),
  createdAt: req(finite),
  resolved: req(boolean),
};
const FACILITATION_RULES: RecordRules = {
  currentItemId: req((v) => (v === null || isLayoutId(v) ? null : 'not an agenda item id')),
  runningSince: req((v) =>
    v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0) ? null : 'not a time',
  ),
  elapsedMs: req(wholeIn(0, MEETING_TOOL_LIMITS.elapsedMs)),
  wall: req(oneOf(WALL_SCREENS)),
};
/** How many records a top-level map may hold ([AC19]), checked whenever an update touches it. */
const MAX_RECORDS: Readonly<Record<string, number>> = {
  agenda: MEETING_TOOL_LIMITS.agendaItems,
  parkingLot: MEETING_TOOL_LIMITS.parkingItems,
  people: LIMITS.people,
};

/** `meta`, `plan` and `facilitation` hold their fields directly. */
const DIRECT_RULES: Readonly<Record<string, RecordRules>> = {
  meta: META_RULES,
  plan: PLAN_RULES,
  facilitation: FACILITATION_RULES,
};

interface RecordKind {
  readonly rules: RecordRules;
  /** Participants are plain objects; every other record is a Y.Map. */
  readonly plain?: boolean;
  readonly key?: (key: string) => Problem;
}

const RECORDS: Readonly<Record<string, RecordKind>> = {
  cards: { rules: CARD_RULES },
  pairs: { rules: PAIR_RULES, key: (k) => (k === OVERALL_SCALE_ID ? 'the id `overall` is reserved' : null) },
  scales: { rules: SCALE_RULES },
  network: { rules: NETWORK_RULES },
  people: { rules: PERSON_RULES },
  rules: { rules: RULE_RULES },
  participants: { rules: PARTICIPANT_RULES, plain: true },
  agenda: { rules: AGENDA_RULES },
  parkingLot: { rules: PARKING_RULES },
};

function fieldsOf(value: unknown, plain: boolean): Map<string, unknown> | null {
  if (plain) return isPlainObject(value) ? new Map(Object.entries(value)) : null;
  return value instanceof Y.Map ? new Map((value as Y.Map<unknown>).entries()) : null;
}

function checkField(rules: RecordRules, fields: Map<string, unknown>, field: string, key: string): Problem {
  const rule = Object.hasOwn(rules, field) ? rules[field] : undefined;
  const value = fields.get(field);
  if (rule === undefined) return value === undefined ? null : 'a field the layout does not have';
  if (value === undefined) return rule.required ? 'missing' : null;
  return rule.check(value, key);
}

/** Problems of record `key` under `root` as it stands; `fields` null: check the whole record. */
function recordProblem(
  root: string,
  key: string,
  value: unknown,
  fields: ReadonlySet<string> | null,
): LayoutProblem | null {
  const at = (reason: string, field?: string): LayoutProblem => ({
    path: field === undefined ? [root, key] : [root, key, field],
    reason,
  });
  const direct = Object.hasOwn(DIRECT_RULES, root) ? DIRECT_RULES[root] : undefined;
  if (direct !== undefined) {
    const rules = direct;
    const problem = checkField(rules, new Map([[key, value]]), key, key);
    return problem === null ? null : at(problem);
  }
  const kind = RECORDS[root];
  if (kind === undefined) return null; // outside the layout: the classifier reports it
  const keyProblem = !isLayoutId(key) ? 'a key that is not an id' : (kind.key?.(key) ?? null);
  if (keyProblem !== null) return at(keyProblem);
  const record = fieldsOf(value, kind.plain === true);
  if (record === null) return at(kind.plain === true ? 'not a plain object' : 'not a map');
  const names = fields ?? new Set([...Object.keys(kind.rules), ...record.keys()]);
  for (const field of names) {
    const problem = checkField(kind.rules, record, field, key);
    if (problem !== null) return at(problem, field);
  }
  return null;
}

/**
 * The records an update touched: `whole` when the record itself was written (added, replaced,
 * removed), otherwise the fields written inside it. Fed from `Transaction.changed` paths.
 */
export class TouchedRecords {
  private readonly records = new Map<string, Map<string, Set<string> | null>>();

  /** `path` leads from the root to a changed type, `keys` are its changed entries (null: text or list). */
  note(path: readonly string[], keys: Iterable<string | null>): void {
    const [root, key, field] = path;
    if (root === undefined) return;
    let byKey = this.records.get(root);
    if (byKey === undefined) {
      byKey = new Map();
      this.records.set(root, byKey);
    }
    if (key === undefined) {
      for (const entry of keys) if (entry !== null) byKey.set(entry, null);
      return;
    }
    if (byKey.get(key) === null && byKey.has(key)) return;
    const fields = byKey.get(key) ?? new Set<string>();
    if (field !== undefined) fields.add(field);
    else for (const entry of keys) if (entry !== null) fields.add(entry);
    byKey.set(key, Object.hasOwn(DIRECT_RULES, root) ? null : fields);
  }

  /** Checks every touched record as it now stands in `doc`; records no longer there are fine. */
  problems(doc: Y.Doc): LayoutProblem[] {
    const out: LayoutProblem[] = [];
    for (const [root, byKey] of this.records) {
      if (!doc.share.has(root)) continue;
      let top: Y.Map<unknown>;
      try {
        top = doc.getMap<unknown>(root); // a root decoded from an update is untyped until asked for
      } catch {
        continue; // another type under this name: the classifier reports it
      }
      for (const [key, fields] of byKey) {
        const value: unknown = top.get(key);
        if (value === undefined) continue;
        const problem = recordProblem(root, key, value, fields);
        if (problem !== null) out.push(problem);
      }
      const max = Object.hasOwn(MAX_RECORDS, root) ? MAX_RECORDS[root] : undefined;
      if (max !== undefined && top.size > max) out.push({ path: [root], reason: `more than ${max} records` });
    }
    return out;
  }
}

/**
 * Texts hold characters only: an item this transaction inserted into a Y.Text that is an embed,
 * a shared type, a formatting mark or an attribute is a problem. Looks at the new items only.
 */
export function insertedTextProblem(tr: Y.Transaction): LayoutProblem | null {
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = tr.doc.store.clients.get(client);
    if (structs === undefined) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      if (!(struct.parent instanceof Y.Text)) continue;
      if (struct.parentSub !== null || !(struct.content instanceof Y.ContentString)) {
        return { path: [], reason: 'a text may hold characters only (no embeds, types or formatting)' };
      }
    }
  }
  return null;
}
