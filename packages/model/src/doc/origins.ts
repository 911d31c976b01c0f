/**
 * Every Yjs transaction carries one of these as its origin, so observers can tell a local
 * edit from one that came over the network, from storage, or from a schema migration.
 */
export const ORIGIN_KINDS = ['local', 'remote', 'storage', 'migration'] as const;
export type OriginKind = (typeof ORIGIN_KINDS)[number];

export interface Origin {
  readonly kind: OriginKind;
}

type OriginOf<K extends OriginKind> = Readonly<{ kind: K }>;

/** Frozen singletons; compare with `originKind(tr.origin) === 'remote'` or by identity. */
export const Origins: Readonly<{ [K in OriginKind]: OriginOf<K> }> = Object.freeze({
  local: Object.freeze({ kind: 'local' }),
  remote: Object.freeze({ kind: 'remote' }),
  storage: Object.freeze({ kind: 'storage' }),
  migration: Object.freeze({ kind: 'migration' }),
});

/**
 * True for any object whose `kind` is an origin kind. Checked by shape, not identity, so an
 * origin still matches when two copies of this package are loaded (source and dist).
 */
export function isOrigin(value: unknown): value is Origin {
  if (typeof value !== 'object' || value === null) return false;
  const kind: unknown = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && (ORIGIN_KINDS as readonly string[]).includes(kind);
}

/** The kind of a transaction origin, or null when it is not one of ours (e.g. a provider object). */
export function originKind(value: unknown): OriginKind | null {
  return isOrigin(value) ? value.kind : null;
}
