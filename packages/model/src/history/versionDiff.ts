import { hasId, idRecord, ownValue } from '../doc/idRecord.js';
import type {
  BoardState,
  CardState,
  Mark,
  NetworkMemberState,
  PersonState,
  PlanState,
  RuleState,
  ScaleRating,
  ScaleState,
} from '../doc/types.js';
import type {
  BoardDiff,
  CardChange,
  CardDiffField,
  RatingChange,
  RecordChange,
  TextPart,
} from './versionTypes.js';

/**
 * What changed between two readings of a board: a pure function of two states, so the server,
 * the compare view and the tests all agree. Ignores what is not the family's plan: `updatedAt`,
 * `participants` and `meta.createdAt/schemaVersion`.
 */

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Records only in `after` (added) and only in `before` (removed), each sorted by id. */
function addedRemoved<T extends { id: string }>(
  before: Readonly<Record<string, T>>,
  after: Readonly<Record<string, T>>,
): { added: T[]; removed: T[] } {
  const added = Object.values(after).filter((record) => !hasId(before, record.id));
  const removed = Object.values(before).filter((record) => !hasId(after, record.id));
  return { added: added.sort(byId), removed: removed.sort(byId) };
}

/** The ids in both, sorted. */
function common(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  return Object.keys(after)
    .filter((id) => hasId(before, id))
    .sort();
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    // Sets of ids (who is responsible for a rule): the order they are listed in is not a change.
    const left = [...a].sort();
    const right = [...b].sort();
    return left.length === right.length && left.every((item, i) => item === right[i]);
  }
  return a === b;
}

function changedFields<T extends { id: string }>(before: T, after: T): (keyof T & string)[] {
  return (Object.keys(after) as (keyof T & string)[]).filter(
    (field) => field !== 'id' && !sameValue(before[field], after[field]),
  );
}

function recordDiff<T extends { id: string }>(
  before: Readonly<Record<string, T>>,
  after: Readonly<Record<string, T>>,
): { added: T[]; removed: T[]; changed: RecordChange<T>[] } {
  const changed: RecordChange<T>[] = [];
  for (const id of common(before, after)) {
    const a = ownValue(before, id) as T;
    const b = ownValue(after, id) as T;
    const fields = changedFields(a, b);
    if (fields.length > 0) changed.push({ id, before: a, after: b, fields });
  }
  return { ...addedRemoved(before, after), changed };
}

const CARD_FIELDS: readonly CardDiffField[] = ['text', 'category', 'order', 'professionalsOnly', 'pairId'];

function markChanges(
  before: CardState,
  after: CardState,
): Record<string, readonly [Mark | null, Mark | null]> {
  const out = idRecord<readonly [Mark | null, Mark | null]>();
  const people = new Set([...Object.keys(before.marks), ...Object.keys(after.marks)]);
  for (const id of [...people].sort()) {
    const a = ownValue(before.marks, id) ?? null;
    const b = ownValue(after.marks, id) ?? null;
    if (a !== b) out[id] = [a, b];
  }
  return out;
}

const sameQuote = ({ quote: a }: CardState, { quote: b }: CardState): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.personId === b.personId &&
    a.toolId === b.toolId &&
    a.area === b.area);

function cardChange(before: CardState, after: CardState): CardChange | null {
  const marks = markChanges(before, after);
  const fields: CardDiffField[] = CARD_FIELDS.filter((field) => before[field] !== after[field]);
  if (Object.keys(marks).length > 0) fields.push('marks');
  if (!sameQuote(before, after)) fields.push('quote');
  if (fields.length === 0) return null;
  const text = before.text === after.text ? null : textParts(before.text, after.text);
  return { id: after.id, before, after, fields, text, marks };
}

const sameRating = (a: ScaleRating | null, b: ScaleRating | null): boolean =>
  a === b || (a !== null && b !== null && a.value === b.value && a.reason === b.reason && a.at === b.at);

function scaleDiff(
  before: Readonly<Record<string, ScaleState>>,
  after: Readonly<Record<string, ScaleState>>,
): Pick<BoardDiff, 'scaleModes' | 'ratings'> {
  const scaleModes: BoardDiff['scaleModes'][number][] = [];
  const ratings: RatingChange[] = [];
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const scaleId of ids) {
    const a = ownValue(before, scaleId);
    const b = ownValue(after, scaleId);
    if (a?.mode !== b?.mode) scaleModes.push({ scaleId, before: a?.mode ?? null, after: b?.mode ?? null });
    const people = new Set([...Object.keys(a?.ratings ?? {}), ...Object.keys(b?.ratings ?? {})]);
    for (const participantId of [...people].sort()) {
      const ratingBefore = (a && ownValue(a.ratings, participantId)) ?? null;
      const ratingAfter = (b && ownValue(b.ratings, participantId)) ?? null;
      if (!sameRating(ratingBefore, ratingAfter)) {
        ratings.push({ scaleId, participantId, before: ratingBefore, after: ratingAfter });
      }
    }
  }
  return { scaleModes, ratings };
}

const PLAN_FIELDS: readonly (keyof PlanState)[] = [
  'bottomLines',
  'monitoringWho',
  'monitoringHowOften',
  'reviewDate',
];

/**
 * The difference from `before` to `after`. A pair whose cards changed under the same id is
 * listed as removed and added. A scale that appears or goes (with its pair) shows as a mode
 * change from or to null.
 * @example diffBoards(readBoard(doc), version.shared).cards.changed[0]?.text // word-level parts
 */
export function diffBoards(before: BoardState, after: BoardState): BoardDiff {
  const changed: CardChange[] = [];
  for (const id of common(before.cards, after.cards)) {
    const change = cardChange(
      ownValue(before.cards, id) as CardState,
      ownValue(after.cards, id) as CardState,
    );
    if (change !== null) changed.push(change);
  }
  const pairs = recordDiff(before.pairs, after.pairs);
  for (const pair of pairs.changed) {
    pairs.removed.push(pair.before);
    pairs.added.push(pair.after);
  }
  return {
    title:
      before.meta.title === after.meta.title ? null : { before: before.meta.title, after: after.meta.title },
    cards: { ...addedRemoved(before.cards, after.cards), changed },
    pairs: { added: pairs.added.sort(byId), removed: pairs.removed.sort(byId) },
    ...scaleDiff(before.scales, after.scales),
    network: recordDiff<NetworkMemberState>(before.network, after.network),
    people: recordDiff<PersonState>(before.people, after.people),
    rules: recordDiff<RuleState>(before.rules, after.rules),
    plan: PLAN_FIELDS.filter((field) => before.plan[field] !== after.plan[field]),
  };
}

/** True when nothing the diff looks at changed. */
export function isEmptyDiff(diff: BoardDiff): boolean {
  return (
    diff.title === null &&
    diff.cards.added.length === 0 &&
    diff.cards.removed.length === 0 &&
    diff.cards.changed.length === 0 &&
    diff.pairs.added.length === 0 &&
    diff.pairs.removed.length === 0 &&
    diff.scaleModes.length === 0 &&
    diff.ratings.length === 0 &&
    diff.network.added.length === 0 &&
    diff.network.removed.length === 0 &&
    diff.network.changed.length === 0 &&
    diff.people.added.length === 0 &&
    diff.people.removed.length === 0 &&
    diff.people.changed.length === 0 &&
    diff.rules.added.length === 0 &&
    diff.rules.removed.length === 0 &&
    diff.rules.changed.length === 0 &&
    diff.plan.length === 0
  );
}

// Words (letters, marks and digits of any script), runs of white space, or one other character
// (punctuation, an emoji); the `u` flag keeps astral characters whole.
const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;

/** Above this many cells the LCS table is too big: the middle shows as removed then added. */
export const MAX_LCS_CELLS = 4_000_000;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Appends a part, merging it into the previous one of the same kind. */
function push(parts: TextPart[], kind: TextPart['kind'], text: string): void {
  if (text.length === 0) return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) parts[parts.length - 1] = { kind, text: last.text + text };
  else parts.push({ kind, text });
}

/** Longest common subsequence of two token lists, walked from the front. */
function lcsParts(a: readonly string[], b: readonly string[], parts: TextPart[]): void {
  const width = b.length + 1;
  // table[i * width + j] = LCS length of a[i..] and b[j..]. Within MAX_LCS_CELLS the shorter
  // list has at most 2,000 tokens, so 16 bits hold any length.
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] as number) + 1
          : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i++] as string);
      j++;
    } else if ((table[(i + 1) * width + j] as number) >= (table[i * width + j + 1] as number)) {
      push(parts, 'removed', a[i++] as string);
    } else {
      push(parts, 'added', b[j++] as string);
    }
  }
  while (i < a.length) push(parts, 'removed', a[i++] as string);
  while (j < b.length) push(parts, 'added', b[j++] as string);
}

/**
 * A word-level difference: the parts, in order, that read as `before` when the added ones are
 * skipped and as `after` when the removed ones are. Adjacent parts of one kind are merged.
 * @example textParts('Dad drinks', 'Dad no longer drinks')
 * // [{ kind: 'same', text: 'Dad ' }, { kind: 'added', text: 'no longer ' }, { kind: 'same', text: 'drinks' }]
 */
export function textParts(before: string, after: string): TextPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  ) {
    end++;
  }
  const parts: TextPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const middleA = a.slice(start, a.length - end);
  const middleB = b.slice(start, b.length - end);
  if ((middleA.length + 1) * (middleB.length + 1) > MAX_LCS_CELLS) {
    push(parts, 'removed', middleA.join(''));
    push(parts, 'added', middleB.join(''));
  } else {
    lcsParts(middleA, middleB, parts);
  }
  push(parts, 'same', a.slice(a.length - end).join(''));
  return parts;
}
