import { type ChildAreaState, type ChildToolState, readArea, readChildTool } from '@kinmap/model';
import type * as Y from 'yjs';

/**
 * One child's tool document for React's `useSyncExternalStore`. Only the areas a change touched are
 * read again; every other area keeps its object, so its panel (memo) does not draw again while the
 * child writes or draws next door. As the board's store (board/boardStore.ts), subscribers are told
 * after the change, in a microtask, never from inside it.
 */
export interface ChildToolStore {
  readonly subscribe: (listener: () => void) => () => void;
  /** The tool now, or null before the server's meta arrived; the same object until a change. */
  readonly getSnapshot: () => ChildToolState | null;
  readonly destroy: () => void;
}

export const noTool = (): (() => void) => () => {};
export const NO_TOOL = (): ChildToolState | null => null;

export function createChildToolStore(
  doc: Y.Doc,
  schedule: (task: () => void) => void = queueMicrotask,
): ChildToolStore {
  const listeners = new Set<() => void>();
  const areas = doc.getMap<unknown>('areas');
  const meta = doc.getMap<unknown>('meta');
  let snapshot: ChildToolState | null = readChildTool(doc);
  /** Areas to read again; `all` when the meta or the list of areas changed. */
  let dirty: Set<string> | 'all' | null = null;
  let scheduled = false;
  let destroyed = false;

  const notify = () => {
    scheduled = false;
    if (destroyed) return;
    for (const listener of [...listeners]) listener();
  };
  const changed = (areasTouched: Iterable<string> | 'all') => {
    if (dirty !== 'all') {
      if (areasTouched === 'all') dirty = 'all';
      else {
        dirty ??= new Set();
        for (const area of areasTouched) dirty.add(area);
      }
    }
    if (scheduled || destroyed) return;
    scheduled = true;
    schedule(notify);
  };
  const onAreas = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const touched = new Set<string>();
    for (const event of events) {
      const first = event.path[0];
      // A change to the areas map itself (an area added or replaced): read all of it again.
      if (first === undefined) return changed('all');
      touched.add(String(first));
    }
    changed(touched);
  };
  const onMeta = () => changed('all');
  areas.observeDeep(onAreas);
  meta.observe(onMeta);

  const getSnapshot = (): ChildToolState | null => {
    if (dirty === null) return snapshot;
    const current = snapshot;
    if (dirty === 'all' || current === null) {
      snapshot = readChildTool(doc);
    } else {
      const next: Record<string, ChildAreaState> = { ...current.areas };
      for (const area of dirty) {
        if (!(area in current.areas)) continue;
        next[area] = readArea(doc, area) ?? { words: '', strokes: [], stickers: [] };
      }
      snapshot = { ...current, areas: next };
    }
    dirty = null;
    return snapshot;
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot,
    destroy() {
      destroyed = true;
      listeners.clear();
      areas.unobserveDeep(onAreas);
      meta.unobserve(onMeta);
    },
  };
}
