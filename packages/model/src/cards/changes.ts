import * as Y from 'yjs';
import { readTopMap } from '../doc/docMaps.js';
import type { AnyType } from '../doc/entries.js';
import type { Change } from './changeKinds.js';
import { changeAt } from './layoutChanges.js';

/** What the update did, plus what the guard needs to know about the board before it. */
export interface Classification {
  readonly changes: readonly Change[];
  /** `meta.locked` before the update. */
  readonly lockedBefore: boolean;
  /**
   * False when the update could not be applied cleanly (it threw, or left content waiting for
   * parts the board does not have): `doc` may now differ from the board and must be rebuilt.
   */
  readonly intact: boolean;
}

/** Keys from the root to `type`, e.g. ['cards', id, 'text']; null when it is not under map keys. */
function pathOf(doc: Y.Doc, type: AnyType): string[] | null {
  const keys: string[] = [];
  let current: AnyType = type;
  while (current._item !== null) {
    const { parentSub, parent } = current._item;
    if (parentSub === null || !(parent instanceof Y.AbstractType)) return null;
    keys.unshift(parentSub);
    current = parent as AnyType;
  }
  for (const [name, root] of doc.share) if (root === current) return [name, ...keys];
  return null;
}

/** Classifies a finished transaction (call from `afterTransaction`, before cleanup frees content). */
export function classifyTransaction(tr: Y.Transaction): Change[] {
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const [type, keys] of tr.changed) {
    const path = pathOf(tr.doc, type as AnyType);
    for (const key of keys) {
      const found: readonly Change[] =
        path === null
          ? [{ kind: 'unknown', path: [], reason: 'content outside the board layout' }]
          : changeAt(tr, type as AnyType, path, key);
      for (const change of found) {
        const id = JSON.stringify(change);
        if (!seen.has(id)) {
          seen.add(id);
          changes.push(change);
        }
      }
    }
  }
  return changes;
}

/** `meta.locked` (missing or not `true` reads as unlocked). */
export function readLocked(doc: Y.Doc): boolean {
  return readTopMap(doc, 'meta')?.get('locked') === true;
}

function pendingOf(doc: Y.Doc): [Uint8Array | null, Uint8Array | null] {
  return [doc.store.pendingStructs?.update ?? null, doc.store.pendingDs];
}

const sameBytes = (a: Uint8Array | null, b: Uint8Array | null): boolean =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((byte, i) => byte === b[i]));

/**
 * Applies `update` to `doc` (the board as it stands) and reports what it did. Never throws:
 * an update that cannot be applied, or that leaves content waiting for parts the board lacks
 * (which would later surface inside someone else's update), classifies as `unknown`.
 * Costs one `applyUpdate` plus a walk of the types it touched, not a read of the board.
 * @example const { changes } = applyAndClassify(shadow, update); // [{ kind: 'card-added', … }]
 */
export function applyAndClassify(doc: Y.Doc, update: Uint8Array, origin?: unknown): Classification {
  const lockedBefore = readLocked(doc);
  const [structsBefore, dsBefore] = pendingOf(doc);
  let changes: Change[] = [];
  let failure: string | null = null;
  const listen = (tr: Y.Transaction) => {
    try {
      changes = changes.concat(classifyTransaction(tr));
    } catch {
      failure = 'the update could not be classified';
    }
  };
  doc.on('afterTransaction', listen);
  try {
    Y.applyUpdate(doc, update, origin);
  } catch {
    failure = 'the update could not be applied';
  } finally {
    doc.off('afterTransaction', listen);
  }
  const [structsAfter, dsAfter] = pendingOf(doc);
  const newlyPending =
    (structsAfter !== null && !sameBytes(structsBefore, structsAfter)) ||
    (dsAfter !== null && !sameBytes(dsBefore, dsAfter));
  if (failure === null && newlyPending) {
    failure = 'the update depends on content the board does not have';
  }
  if (failure !== null) {
    return { changes: [{ kind: 'unknown', path: [], reason: failure }], lockedBefore, intact: false };
  }
  return { changes, lockedBefore, intact: true };
}
