import * as Y from 'yjs';
import type { Change } from '../cards/changeKinds.js';

/**
 * Reading map entries across a transaction, from yjs internals (`_map`, `Item.left`,
 * `Transaction.beforeState`/`deleteSet`); used by the change classifier only.
 */

export type AnyType = Y.AbstractType<unknown>;

/** The last value ever written under `key` (deleted or not); undefined once garbage-collected. */
export function latestValue(item: Y.Item | null | undefined): unknown {
  if (item === null || item === undefined) return undefined;
  const content = item.content.getContent();
  return content[content.length - 1];
}

/**
 * One map entry across a transaction. `before` is the item that was visible before it (null:
 * the key was absent), `after` the one visible now. Relies on yjs keeping the previous values
 * of a key as the `left` chain of its current item, and on `afterTransaction` running before
 * deleted content is garbage-collected (yjs 13.6 `cleanupTransactions`).
 */
export interface EntryChange {
  readonly before: Y.Item | null;
  readonly after: Y.Item | null;
}

export function entryChange(tr: Y.Transaction, type: AnyType, key: string): EntryChange {
  const current = type._map.get(key) ?? null;
  const isNew = (item: Y.Item) => item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
  let old: Y.Item | null = current;
  while (old !== null && isNew(old)) old = old.left;
  const visibleBefore = old !== null && (!old.deleted || Y.isDeleted(tr.deleteSet, old.id));
  return {
    before: visibleBefore ? old : null,
    after: current !== null && !current.deleted ? current : null,
  };
}

/** A field of a record map as it was before the transaction (or as written by it, for a new record). */
export function fieldBefore(tr: Y.Transaction, record: AnyType | null, key: string): unknown {
  if (record === null) return undefined;
  const entry = entryChange(tr, record, key);
  return latestValue(entry.before ?? entry.after ?? record._map.get(key));
}

/** The record (a Y type) an entry item holds, or null for a plain value. */
export function recordOf(item: Y.Item | null): AnyType | null {
  return item !== null && item.content instanceof Y.ContentType ? (item.content.type as AnyType) : null;
}

export const unknownAt = (
  path: readonly string[],
  key: string | null,
  reason = 'outside the board layout',
): Change => ({
  kind: 'unknown',
  path: key === null ? [...path] : [...path, key],
  reason,
});

/** Changes report plain values only (a hostile writer may store a Y type or a bigint anywhere). */
export function scalar(value: unknown): unknown {
  const type = typeof value;
  return value === null || type === 'string' || type === 'number' || type === 'boolean' ? value : undefined;
}

/** The current value of a record's field (undefined when absent or deleted). */
export function rawField(record: AnyType | null, key: string): unknown {
  const item = record?._map.get(key);
  return item === undefined || item.deleted ? undefined : latestValue(item);
}

export const currentField = (record: AnyType | null, key: string): unknown => scalar(rawField(record, key));
export const scalarBefore = (tr: Y.Transaction, record: AnyType | null, key: string): unknown =>
  scalar(fieldBefore(tr, record, key));

/**
 * An entry of a top-level map that holds records: reports a removal of what was there and an
 * addition of what is there now (both for a replacement). A plain value where a record belongs
 * is `unknown`.
 */
export function recordEntry(
  tr: Y.Transaction,
  type: AnyType,
  path: readonly string[],
  key: string,
  describe: {
    /** The new record's change, and (in order) the changes its entries make when written one by one. */
    added: (record: AnyType) => Change | readonly Change[];
    removed: (record: AnyType | null, tr: Y.Transaction) => Change;
  },
): Change[] {
  const { before, after } = entryChange(tr, type, key);
  if (before === after) return [];
  const out: Change[] = [];
  if (before !== null) out.push(describe.removed(recordOf(before), tr));
  if (after !== null) {
    const record = recordOf(after);
    if (record === null) out.push(unknownAt(path, key, 'a plain value where a record belongs'));
    else out.push(...[describe.added(record)].flat());
  }
  return out;
}

/**
 * A child map (marks, ratings, scored) written under `key`: attached where there was none (the
 * ops repair a damaged record this way), its entries are reported one by one, as if written into
 * an existing map; replacing or removing an existing one is `replaced`.
 */
/** The visible entries of a child map, as `entry` describes each (a new record's ratings, marks…). */
export function childEntries(child: unknown, entry: (id: string, item: Y.Item) => Change): Change[] {
  if (!(child instanceof Y.AbstractType)) return [];
  return [...(child as AnyType)._map.entries()]
    .filter(([, item]) => !item.deleted)
    .map(([id, item]) => entry(id, item));
}

export function attachedChild(
  tr: Y.Transaction,
  parent: AnyType,
  key: string,
  replaced: Change,
  entry: (id: string, item: Y.Item) => Change,
): Change[] {
  const { before, after } = entryChange(tr, parent, key);
  if (before === after) return [];
  const child = recordOf(after);
  if (before !== null || child === null) return [replaced];
  return childEntries(child, entry);
}
