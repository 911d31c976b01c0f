import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dropStash, type StashStorage, stashKey, stashUnsent, takeStash } from './unloadStash';

function memoryStorage(): StashStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe('unloadStash', () => {
  it('keeps the unsaved changes as one update and gives them back once', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const text = doc.getText('t');
    for (const letter of 'evening') text.insert(text.length, letter);
    const storage = memoryStorage();
    expect(stashUnsent(storage, 'kinmap:b:m', updates)).toBe(true);
    expect([...storage.items.keys()]).toEqual([stashKey('kinmap:b:m')]);

    const stashed = takeStash(storage, 'kinmap:b:m');
    if (stashed === null) throw new Error('nothing stashed');
    const next = new Y.Doc();
    Y.applyUpdate(next, stashed);
    expect(next.getText('t').toString()).toBe('evening');
    expect(takeStash(storage, 'kinmap:b:m')).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('writes nothing without changes, and reports a full storage instead of throwing', () => {
    const storage = memoryStorage();
    expect(stashUnsent(storage, 'n', [])).toBe(true);
    expect(storage.items.size).toBe(0);
    const full: StashStorage = {
      ...storage,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(stashUnsent(full, 'n', [Y.encodeStateAsUpdate(new Y.Doc())])).toBe(false);
    storage.setItem(stashKey('n'), '%%% not base64');
    expect(() => takeStash(storage, 'n')).not.toThrow();
  });

  it('drops a stash left behind, and only that copy’s', () => {
    const storage = memoryStorage();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x');
    const update = Y.encodeStateAsUpdate(doc);
    stashUnsent(storage, 'kinmap:b:m', [update]);
    stashUnsent(storage, 'kinmap:b:other', [update]);
    dropStash(storage, 'kinmap:b:m');
    expect([...storage.items.keys()]).toEqual([stashKey('kinmap:b:other')]);
  });
});
