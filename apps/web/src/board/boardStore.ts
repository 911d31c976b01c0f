import { type BoardState, createBoardReader } from '@kinmap/model';
import type * as Y from 'yjs';

/**
 * One document's board for React's `useSyncExternalStore`: `getSnapshot` reads the board
 * incrementally (model `createBoardReader`: only the records a change touched are read again, every
 * other card keeps its object), and subscribers are told about changes afterwards, never from
 * inside the change.
 *
 * Why never synchronously: a document write can happen while React commits (an effect, a ref
 * callback), and a store that notified from inside it would make React render again inside that
 * commit; a chain of such commits is React's "maximum update depth" (#185). So every change only
 * schedules one notification (a microtask: after the current task, before the next paint, so a
 * keystroke is still drawn in the next frame), and a write made while subscribers are being told
 * schedules the next one rather than re-entering. Nothing is lost meanwhile: `getSnapshot` always
 * reads the document as it is, so a render that happens for another reason (adding a card also
 * selects it) already shows the change.
 */
/** For `useSyncExternalStore` while there is no store yet: nothing to follow, no board. */
export const noBoard = (): (() => void) => () => {};
export const NO_BOARD = (): BoardState | null => null;

export interface BoardStore {
  readonly subscribe: (listener: () => void) => () => void;
  /** The board now; the same object until the document changes. Null while held (see `hold`). */
  readonly getSnapshot: () => BoardState | null;
  /** Lets the document's own reading show (after `hold`), and tells subscribers. */
  readonly release: () => void;
  /** Stops following the document; the last snapshot stays. */
  readonly destroy: () => void;
}

export interface BoardStoreOptions {
  /**
   * What to show until `release` (or, with `releaseOnChange`, the first change): the board a
   * rebuilt session keeps showing until its fresh document has synced, or null for "not yet".
   * Without it, the document's reading shows at once.
   */
  readonly hold?: { readonly shown: BoardState | null; readonly releaseOnChange: boolean };
  /** How notifications are deferred (tests pass their own). */
  readonly schedule?: (task: () => void) => void;
}

export function createBoardStore(doc: Y.Doc, options: BoardStoreOptions = {}): BoardStore {
  const reader = createBoardReader(doc);
  const schedule = options.schedule ?? queueMicrotask;
  const listeners = new Set<() => void>();
  let held = options.hold ?? null;
  let destroyed = false;
  let last: BoardState | null = null;
  let scheduled = false;

  const notify = () => {
    scheduled = false;
    if (destroyed) return;
    for (const listener of [...listeners]) listener();
  };
  const changed = () => {
    if (scheduled || destroyed) return;
    scheduled = true;
    schedule(notify);
  };
  const onUpdate = () => {
    if (held?.releaseOnChange) held = null;
    changed();
  };
  doc.on('update', onUpdate);

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot() {
      if (held !== null) return held.shown;
      if (!destroyed) last = reader.read().state;
      return last;
    },
    release() {
      if (held === null) return;
      held = null;
      changed();
    },
    destroy() {
      destroyed = true;
      doc.off('update', onUpdate);
      reader.destroy();
      listeners.clear();
    },
  };
}
