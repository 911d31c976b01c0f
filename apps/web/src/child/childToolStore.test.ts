import { addStroke, initChildTool, setChildScale, setChildWords } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createChildToolStore } from './childToolStore';

function manualSchedule() {
  const tasks: Array<() => void> = [];
  return {
    schedule: (task: () => void) => {
      tasks.push(task);
    },
    flush: () => {
      for (const task of tasks.splice(0)) task();
    },
  };
}

function toolDoc(): Y.Doc {
  const doc = new Y.Doc();
  initChildTool(doc, { kind: 'safety-house', toolId: 'tool1', personId: 'jo', createdAt: 1 });
  return doc;
}

describe('the child’s tool store', () => {
  it('is empty before the server’s meta, then shows the tool once it arrives from the server', () => {
    const server = toolDoc();
    const doc = new Y.Doc();
    const { schedule, flush } = manualSchedule();
    const store = createChildToolStore(doc, schedule);
    let told = 0;
    store.subscribe(() => told++);
    expect(store.getSnapshot()).toBeNull();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    expect(told).toBe(0);
    flush();
    expect(told).toBe(1);
    expect(store.getSnapshot()?.kind).toBe('safety-house');
    expect(Object.keys(store.getSnapshot()?.areas ?? {})).toEqual(['inside', 'path', 'outside', 'roof']);
  });

  it('reads again only the area a change touched: the others keep their objects', () => {
    const doc = toolDoc();
    const { schedule, flush } = manualSchedule();
    const store = createChildToolStore(doc, schedule);
    const before = store.getSnapshot();
    setChildWords(doc, 'roof', 'No hitting');
    addStroke(doc, 'inside', { colour: 'red', width: 0.01, points: [0.1, 0.1, 0.2, 0.2] });
    setChildScale(doc, 6);
    flush();
    const after = store.getSnapshot();
    expect(after).not.toBe(before);
    expect(after?.areas.roof?.words).toBe('No hitting');
    expect(after?.areas.inside?.strokes).toHaveLength(1);
    expect(after?.areas.path?.scale).toBe(6);
    expect(after?.areas.outside).toBe(before?.areas.outside);
    // Nothing changed since: the very same snapshot.
    expect(store.getSnapshot()).toBe(after);
    setChildWords(doc, 'outside', 'the man from the shop');
    const next = store.getSnapshot();
    expect(next?.areas.outside?.words).toBe('the man from the shop');
    expect(next?.areas.roof).toBe(after?.areas.roof);
  });

  it('tells its subscribers once per burst of changes, and nothing after it is destroyed', () => {
    const doc = toolDoc();
    const { schedule, flush } = manualSchedule();
    const store = createChildToolStore(doc, schedule);
    let told = 0;
    store.subscribe(() => told++);
    setChildWords(doc, 'roof', 'a');
    setChildWords(doc, 'roof', 'ab');
    flush();
    expect(told).toBe(1);
    store.destroy();
    setChildWords(doc, 'roof', 'abc');
    flush();
    expect(told).toBe(1);
  });
});
