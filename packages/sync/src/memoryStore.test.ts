import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from './memoryStore.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('createMemoryStore', () => {
  it('loads an unknown board as empty history', async () => {
    expect(await createMemoryStore().load('nothing-here')).toEqual({ updates: [], lastSeq: 0 });
  });

  it('numbers appended updates 1, 2, 3 per board and loads them in order', async () => {
    const store = createMemoryStore();
    expect(await store.append('a', bytes(1))).toBe(1);
    expect(await store.append('a', bytes(2))).toBe(2);
    expect(await store.append('b', bytes(9))).toBe(1);
    expect(await store.load('a')).toEqual({ updates: [bytes(1), bytes(2)], lastSeq: 2 });
    expect(await store.pendingCount('a')).toBe(2);
  });

  it('copies buffers in and out, so callers cannot rewrite stored history', async () => {
    const store = createMemoryStore();
    const update = bytes(1, 2, 3);
    await store.append('a', update);
    update[0] = 99;
    const loaded = await store.load('a');
    (loaded.updates[0] as Uint8Array)[1] = 99;
    expect((await store.load('a')).updates).toEqual([bytes(1, 2, 3)]);
  });

  it('compacts every update up to throughSeq into the snapshot and keeps the later ones', async () => {
    const store = createMemoryStore();
    for (const value of [1, 2, 3, 4]) await store.append('a', bytes(value));
    await store.compact('a', bytes(12), 2);
    expect(await store.load('a')).toEqual({ updates: [bytes(12), bytes(3), bytes(4)], lastSeq: 4 });
    expect(await store.pendingCount('a')).toBe(2);
    expect(await store.append('a', bytes(5))).toBe(5);
    await store.compact('a', bytes(15), 5);
    expect(await store.load('a')).toEqual({ updates: [bytes(15)], lastSeq: 5 });
    expect(await store.pendingCount('a')).toBe(0);
  });

  it('refuses a compaction through a sequence number it never issued', async () => {
    const store = createMemoryStore();
    await store.append('a', bytes(1));
    await expect(store.compact('a', bytes(1), 2)).rejects.toThrow(RangeError);
    expect(await store.load('a')).toEqual({ updates: [bytes(1)], lastSeq: 1 });
  });

  it('reloads a Yjs history to the same document before and after compaction', async () => {
    const store = createMemoryStore();
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => void store.append('a', update));
    doc.getText('t').insert(0, 'hello');
    doc.getText('t').insert(5, ' world');
    doc.getText('t').delete(0, 6);
    await Promise.resolve();
    const replay = async () => {
      const fresh = new Y.Doc();
      for (const update of (await store.load('a')).updates) Y.applyUpdate(fresh, update);
      return fresh.getText('t').toString();
    };
    expect(await replay()).toBe('world');
    await store.compact('a', Y.encodeStateAsUpdate(doc), 3);
    expect(await replay()).toBe('world');
  });

  it('rejects every call once closed', async () => {
    const store = createMemoryStore();
    await store.close();
    await expect(store.load('a')).rejects.toThrow(/closed/);
    await expect(store.append('a', bytes(1))).rejects.toThrow(/closed/);
  });
});
