import * as Y from 'yjs';
import type { TopLevelName } from './docMaps.js';
import { isId } from './ids.js';
import { toWellFormed, truncateText } from './text.js';

/**
 * How readers treat a malformed field (docs/PROTOCOL.md, "How readers repair"): a record is
 * never dropped because one of its fields is wrong. The field is read as a safe default (or
 * truncated to its limit) and the repair is reported by record id and field name, never by
 * content, so the server can log it.
 */
export type RepairAction =
  /** The field was missing, of the wrong type or out of range, and reads as its default. */
  | 'defaulted'
  /** The text was longer than its limit and reads cut to it. */
  | 'truncated'
  /** An entry (a mark, a rating, a responsible person) or a whole unreadable entry was left out. */
  | 'dropped';

export interface Repair {
  /** The top-level part of the document: 'cards', 'scales', 'meta', 'plan'… */
  readonly part: TopLevelName;
  /** The record's id; null for meta and plan, and for a key that is not an id. */
  readonly id: string | null;
  /** The field's name, e.g. `order`, `text`, `marks`, `ratings.value`. */
  readonly field: string;
  readonly action: RepairAction;
}

export type RepairSink = (repair: Repair) => void;

/** Where repairs go when nobody asked for them (existence checks in the ops). */
export const ignoreRepairs: RepairSink = () => {};

/** A field getter over a Y.Map or a plain object, reading own properties only. */
export type FieldSource = (key: string) => unknown;

export function fieldSource(value: unknown): FieldSource | null {
  if (value instanceof Y.Map) return (key) => (value as Y.Map<unknown>).get(key);
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    value instanceof Y.AbstractType
  ) {
    return null;
  }
  // A plain value decoded by Yjs: its own keys only (a stored `__proto__` key must not be followed).
  return (key) => (Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined);
}

/**
 * Reads the fields of one record, each with its default, reporting every repair. `text` reads a
 * Y.Text (or a plain string, where an old or foreign writer put one) cut to its limit.
 */
export function fieldReader(get: FieldSource, part: TopLevelName, id: string | null, sink: RepairSink) {
  const report = (field: string, action: RepairAction = 'defaulted') => sink({ part, id, field, action });
  return {
    report,
    /** `yText`: the layout stores a Y.Text here, so a plain string is read but reported. */
    text(key: string, max: number, { optional = false, yText = false } = {}): string {
      const value = get(key);
      let text: string;
      if (value instanceof Y.Text) {
        text = value.toString();
        // Embedded content (a Y.Map, an object) counts in the length but is not text.
        if (value.length !== text.length) report(key);
      } else if (typeof value === 'string') {
        text = value;
        if (yText) report(key);
      } else {
        if (!(optional && value === undefined)) report(key);
        return '';
      }
      const wellFormed = toWellFormed(text);
      if (wellFormed !== text) report(key);
      const cut = truncateText(wellFormed, max);
      if (cut !== wellFormed) report(key, 'truncated');
      return cut;
    },
    number(key: string, fallback: number): number {
      const value = get(key);
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      report(key);
      return fallback;
    },
    boolean(key: string, fallback: boolean): boolean {
      const value = get(key);
      if (typeof value === 'boolean') return value;
      report(key);
      return fallback;
    },
    oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
      const value = get(key);
      if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
      report(key);
      return fallback;
    },
    id<T extends string>(key: string, fallback: T): T {
      const value = get(key);
      if (isId(value)) return value as T;
      report(key);
      return fallback;
    },
    /** The record's own `id` field must be its key; a record naming another id reads under its key. */
    ownId<T extends string>(key: string): T {
      if (get('id') !== key) report('id');
      return key as T;
    },
  };
}
