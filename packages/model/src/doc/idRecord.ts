/**
 * Records keyed by ids. Ids are any URL-safe word, so `__proto__`, `constructor` and `toString`
 * are ids like any other: a plain `{}` would hide them (its prototype answers `constructor`, and
 * assigning `__proto__` replaces the prototype). Every reader that keys by id builds its records
 * here, with no prototype, and looks ids up with `ownValue`.
 */

/** A record with no prototype, optionally filled from `entries`. */
export function idRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [id, value] of entries) out[id] = value;
  return out;
}

/** The record's own entry for `id` (never something inherited), or undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** Does the record have its own entry for `id`? */
export function hasId(record: Readonly<Record<string, unknown>>, id: string): boolean {
  return Object.hasOwn(record, id);
}

/** A copy of `record` without a prototype, keeping only the entries `keep` accepts. */
export function filterRecord<T>(
  record: Readonly<Record<string, T>>,
  keep: (value: T, id: string) => boolean,
): Record<string, T> {
  return idRecord(Object.entries(record).filter(([id, value]) => keep(value, id)));
}
