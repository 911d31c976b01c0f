import { describe, expect, it } from 'vitest';
import { createLocalBoards, type IndexStorage, type LocalDatabases, localDocName } from './localBoards';
import { stashKey } from './unloadStash';

function fakeStorage(): IndexStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

function fakeDatabases(existing: string[]): LocalDatabases & { existing: Set<string> } {
  const set = new Set(existing);
  return {
    existing: set,
    delete: async (name) => void set.delete(name),
    names: async () => [...set],
  };
}

const alex = { boardId: 'b1', memberId: 'm-alex', role: 'family', name: 'Alex' } as const;
const sam = { boardId: 'b1', memberId: 'm-sam', role: 'facilitator', name: 'Sam' } as const;
const other = { boardId: 'b2', memberId: 'm-sam2', role: 'facilitator', name: 'Sam' } as const;

describe('local boards', () => {
  it('names each copy by board and member, the restricted document apart', () => {
    expect(localDocName('b1', 'm1', 'shared')).toBe('kinmap:b1:m1');
    expect(localDocName('b1', 'm1', 'restricted')).toBe('kinmap:b1:m1:restricted');
  });

  it('finds the most recently opened copy of a board', () => {
    const boards = createLocalBoards(fakeStorage(), null);
    boards.remember(alex, 1000);
    boards.remember(sam, 2000);
    boards.remember(other, 3000);
    expect(boards.find('b1')?.memberId).toBe('m-sam');
    boards.remember(alex, 4000);
    expect(boards.find('b1')?.memberId).toBe('m-alex');
    expect(boards.list()).toHaveLength(3);
    expect(boards.find('nope')).toBeNull();
  });

  it('remembers which documents of a board hold unsaved changes, across a new opening', () => {
    const boards = createLocalBoards(fakeStorage(), null);
    boards.remember(sam, 1000);
    boards.markUnsaved('b1', 'm-sam', 'restricted', true);
    boards.markUnsaved('b1', 'm-sam', 'shared', true);
    boards.markUnsaved('b1', 'm-sam', 'restricted', false);
    boards.markUnsaved('b1', 'm-nobody', 'shared', true);
    boards.remember(sam, 2000);
    expect(boards.find('b1')).toMatchObject({ openedAt: 2000, unsaved: ['shared'] });
    boards.markUnsaved('b1', 'm-sam', 'shared', false);
    expect(boards.find('b1')?.unsaved).toEqual([]);
    expect(boards.list()).toHaveLength(1);
  });

  it('wipes one board’s copies and index entries, keeping the other boards', async () => {
    const storage = fakeStorage();
    const dbs = fakeDatabases([
      'kinmap:b1:m-alex',
      'kinmap:b1:m-sam',
      'kinmap:b1:m-sam:restricted',
      'kinmap:b2:m-sam2',
      'kinmap:b10:m-x',
      'unrelated',
    ]);
    const boards = createLocalBoards(storage, dbs);
    boards.remember(alex);
    boards.remember(sam);
    boards.remember(other);
    const told: string[] = [];
    boards.onForget((id) => told.push(id));

    await boards.forgetBoard('b1', 'm-sam');
    expect([...dbs.existing].sort()).toEqual([
      'kinmap:b10:m-x',
      'kinmap:b1:m-alex',
      'kinmap:b2:m-sam2',
      'unrelated',
    ]);
    expect(
      boards
        .list()
        .map((e) => e.memberId)
        .sort(),
    ).toEqual(['m-alex', 'm-sam2']);

    await boards.forgetBoard('b1');
    expect([...dbs.existing].sort()).toEqual(['kinmap:b10:m-x', 'kinmap:b2:m-sam2', 'unrelated']);
    expect(boards.find('b1')).toBeNull();
    expect(told).toEqual(['b1', 'b1']);
  });

  it('wipes every copy on sign-out, even one the index lost', async () => {
    const storage = fakeStorage();
    const dbs = fakeDatabases(['kinmap:b1:m-alex', 'kinmap:b9:m-lost:restricted', 'unrelated']);
    const boards = createLocalBoards(storage, dbs);
    boards.remember(alex);
    // The last changes stashed as a page went (unloadStash.ts) go with the copy.
    storage.setItem(stashKey('kinmap:b1:m-alex'), 'AAA=');
    await boards.forgetAll();
    expect([...dbs.existing]).toEqual(['unrelated']);
    expect(boards.list()).toEqual([]);
    expect(storage.items.size).toBe(0);
  });

  it('wipes one document and keeps the board listed (a refused change starts afresh)', async () => {
    const dbs = fakeDatabases(['kinmap:b1:m-alex', 'kinmap:b1:m-alex:restricted']);
    const boards = createLocalBoards(fakeStorage(), dbs);
    boards.remember(alex);
    await boards.wipeDocument(localDocName('b1', 'm-alex', 'shared'));
    expect([...dbs.existing]).toEqual(['kinmap:b1:m-alex:restricted']);
    expect(boards.find('b1')?.memberId).toBe('m-alex');
  });

  it('ignores an index it cannot read, and entries that are not boards', () => {
    const storage = fakeStorage();
    const boards = createLocalBoards(storage, null);
    storage.setItem('kinmap:offline-boards', '{not json');
    expect(boards.list()).toEqual([]);
    storage.setItem(
      'kinmap:offline-boards',
      JSON.stringify([
        { boardId: 'a:b', memberId: 'm', role: 'family', name: 'x', openedAt: 1 },
        7,
        null,
        { ...alex },
      ]),
    );
    expect(boards.list()).toEqual([]);
    boards.remember({ ...alex, role: 'boss' as never });
    expect(boards.list()).toEqual([]);
  });

  it('works without storage at all (a browser that blocks it)', async () => {
    const boards = createLocalBoards(null, null);
    boards.remember(alex);
    expect(boards.find('b1')).toBeNull();
    await expect(boards.forgetAll()).resolves.toBeUndefined();
  });
});
