import * as Y from 'yjs';
import { readTopMap } from '../doc/docMaps.js';
import type { AnyType } from '../doc/entries.js';
import { insertedTextProblem, type LayoutProblem, TouchedRecords } from '../doc/layoutCheck.js';
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
  /**
   * What the records the update touched break of the layout's value rules, as they stand after
   * it (docs/PROTOCOL.md "Value rules"); the guard refuses any ([AC19]), for every role.
   */
  readonly layoutProblems: readonly LayoutProblem[];
}

/** Layout problems as changes the permission check refuses ([AC19], for every role). */
export function layoutChanges(problems: readonly LayoutProblem[]): Change[] {
  return problems.map(({ path, reason }) => ({
    kind: 'unknown',
    path: [...path],
    reason: `against the layout's value rules: ${reason}`,
  }));
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

/** What the doc holds waiting for missing parts (structs, delete set): an update may not add to it. */
export function pendingOf(doc: Y.Doc): [Uint8Array | null, Uint8Array | null] {
  return [doc.store.pendingStructs?.update ?? null, doc.store.pendingDs];
}

export const sameBytes = (a: Uint8Array | null, b: Uint8Array | null): boolean =>
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
  // The value rules (docs/PROTOCOL.md): every record the update touched, checked once it is applied.
  const touched = new TouchedRecords();
  const problems: LayoutProblem[] = [];
  const listen = (tr: Y.Transaction) => {
    try {
      changes = changes.concat(classifyTransaction(tr));
      for (const [type, keys] of tr.changed) {
        const path = pathOf(tr.doc, type as AnyType);
        if (path !== null) touched.note(path, keys);
      }
      const inText = insertedTextProblem(tr);
      if (inText !== null) problems.push(inText);
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
    return {
      changes: [{ kind: 'unknown', path: [], reason: failure }],
      lockedBefore,
      intact: false,
      layoutProblems: [],
    };
  }
  problems.push(...touched.problems(doc));
  return { changes, lockedBefore, intact: true, layoutProblems: problems };
}
