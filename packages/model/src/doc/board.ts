import type * as Y from 'yjs';
import { attachMap, attachText, childMap, childText, isEmptyDoc, readTopMap, topMap } from './docMaps.js';
import { OVERALL_SCALE_ID } from './ids.js';
import { type Origin, Origins } from './origins.js';
import { readMetaFrom } from './records.js';
import { done, fail, ok, parseWith } from './result.js';
import { initBoardInput, titleInput } from './schema.js';
import { commit, type OpOptions, prepare, resolveOptions } from './transact.js';
import type { Actor, BoardMeta, Result } from './types.js';
import { z } from './zod.js';

/** The document layout version this code writes. Bump it together with a new migration. */
export const SCHEMA_VERSION = 1;

/** Upgrades a document from version `v` to `v + 1`; runs inside the migration transaction. */
export type Migration = (doc: Y.Doc) => void;

/**
 * Migrations keyed by the version they upgrade FROM. Version 0 is a board with content but
 * no `schemaVersion` (written before versioning): it gets the structure initBoard creates.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = Object.freeze({
  0: (doc: Y.Doc) => {
    const meta = topMap(doc, 'meta');
    if (typeof meta.get('title') !== 'string') meta.set('title', '');
    if (typeof meta.get('createdAt') !== 'number') meta.set('createdAt', 0);
    ensureStructure(doc);
  },
});

const PLAN_TEXTS = ['bottomLines', 'monitoringWho', 'monitoringHowOften'] as const;

/** Creates what every board has: the overall scale and the plan's texts. Idempotent; call inside a transaction. */
export function ensureStructure(doc: Y.Doc): void {
  const scales = topMap(doc, 'scales');
  if (childMap(scales, OVERALL_SCALE_ID) === null) {
    const overall = attachMap(scales, OVERALL_SCALE_ID);
    overall.set('id', OVERALL_SCALE_ID);
    overall.set('mode', 'revealed');
    attachMap(overall, 'ratings');
  }
  const plan = topMap(doc, 'plan');
  for (const key of PLAN_TEXTS) {
    if (childText(plan, key) === null) attachText(plan, key, '');
  }
  if (!plan.has('reviewDate')) plan.set('reviewDate', null);
}

/**
 * Writes a new board's meta and structure. A doc that already has a schema version is left
 * alone (`created: false`), so calling it twice, or on a loaded board, is harmless.
 * @example initBoard(doc, { title: 'Family meeting', createdAt: Date.now() })
 */
export function initBoard(
  doc: Y.Doc,
  fields: { title: string; createdAt: number },
  opts?: { origin?: Origin },
): Result<{ created: boolean }> {
  const input = parseWith(initBoardInput, fields);
  if (!input.ok) return input;
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  if (topMap(doc, 'meta').has('schemaVersion')) return ok({ created: false });
  commit(doc, options.value.origin, () => {
    const meta = topMap(doc, 'meta');
    meta.set('title', input.value.title);
    meta.set('createdAt', input.value.createdAt);
    meta.set('schemaVersion', SCHEMA_VERSION);
    ensureStructure(doc);
  });
  return ok({ created: true });
}

/**
 * Brings a loaded board up to SCHEMA_VERSION, one registered step at a time, in one
 * transaction labelled `Origins.migration`. Never downgrades: a board written by newer code
 * is refused with `unsupported-schema`. An empty doc is left alone (`{ from: 0, to: 0 }`):
 * it is a board not yet initialised or a client that has not synced yet.
 */
export function migrate(doc: Y.Doc, opts?: { origin?: Origin }): Result<{ from: number; to: number }> {
  return runMigrations(doc, MIGRATIONS, SCHEMA_VERSION, opts?.origin ?? Origins.migration);
}

/** The migration engine, parameterised so tests can drive a longer chain than production has. */
export function runMigrations(
  doc: Y.Doc,
  registry: Readonly<Record<number, Migration>>,
  target: number,
  origin: Origin = Origins.migration,
): Result<{ from: number; to: number }> {
  if (isEmptyDoc(doc)) return ok({ from: 0, to: 0 });
  const stored = readTopMap(doc, 'meta')?.get('schemaVersion');
  const from = stored === undefined ? 0 : stored;
  if (!Number.isSafeInteger(from) || (from as number) < 0) {
    return fail('unsupported-schema', 'schemaVersion is not a whole number');
  }
  const version = from as number;
  if (version > target) {
    return fail('unsupported-schema', `board has schema ${version}; this code supports ${target}`);
  }
  for (let v = version; v < target; v++) {
    if (registry[v] === undefined) return fail('unsupported-schema', `no migration from schema ${v}`);
  }
  if (version === target) return ok({ from: version, to: target });
  commit(doc, origin, () => {
    const meta = topMap(doc, 'meta');
    for (let v = version; v < target; v++) {
      registry[v]?.(doc);
      meta.set('schemaVersion', v + 1);
    }
  });
  return ok({ from: version, to: target });
}

/** The board's title, creation time and schema version (defaults when missing: '', 0, 0). */
export function readMeta(doc: Y.Doc): BoardMeta {
  return readMetaFrom(readTopMap(doc, 'meta'));
}

export function setTitle(doc: Y.Doc, actor: Actor, title: string, opts?: OpOptions): Result<void> {
  const op = prepare(titleInput, actor, title, opts);
  if (!op.ok) return op;
  commit(doc, op.value.origin, () => topMap(doc, 'meta').set('title', op.value.input));
  return done;
}

/**
 * Locks or unlocks the board (`meta.locked`, facilitators only, [AC10]): while locked only staff
 * write ([AC11]); the restricted document follows the shared one's lock.
 * @example setLocked(doc, facilitator, true)
 */
export function setLocked(doc: Y.Doc, actor: Actor, locked: boolean, opts?: OpOptions): Result<void> {
  const op = prepare(z.boolean(), actor, locked, opts);
  if (!op.ok) return op;
  const meta = topMap(doc, 'meta');
  if ((meta.get('locked') === true) === op.value.input) return done;
  commit(doc, op.value.origin, () => meta.set('locked', op.value.input));
  return done;
}
