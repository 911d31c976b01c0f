import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from '../memoryStore.js';
import { CloseCode, type DocStore } from '../roomContracts.js';
import { roomsFixture } from './rooms.fixture.js';
import { DEFAULT_LIMITS } from './rooms.js';

const setup = roomsFixture();

async function storedState(store: DocStore, boardId = 'board-1'): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await store.load(boardId)).updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('createRooms', () => {
  it('loads a board once and shares it between its connections', async () => {
    const { rooms, join, pump } = setup();
    const alice = join();
    const bob = join();
    join('board-2');
    expect(rooms.isLoaded('board-1')).toBe(false);
    await pump();
    expect(rooms.isLoaded('board-1')).toBe(true);
    expect(rooms.stats()).toEqual({ rooms: 2, connections: 3 });
    alice.client.doc.getMap('meta').set('title', 'Shared');
    await pump();
    expect(bob.client.doc.getMap('meta').get('title')).toBe('Shared');
  });

  it('[D1] unloads a board unloadAfterMs after its last connection leaves, compacting it first', async () => {
    const { rooms, join, pump, store } = setup();
    const alice = join();
    await pump();
    alice.client.doc.getText('plan').insert(0, 'Gran collects the children on Fridays');
    await pump();
    alice.client.disconnect();
    await pump(DEFAULT_LIMITS.unloadAfterMs - 1);
    expect(rooms.isLoaded('board-1')).toBe(true);
    await pump(1);
    expect(rooms.isLoaded('board-1')).toBe(false);
    expect(rooms.stats()).toEqual({ rooms: 0, connections: 0 });
    expect(await store.pendingCount('board-1')).toBe(0);
    const bob = join();
    await pump();
    expect(bob.client.doc.getText('plan').toString()).toBe('Gran collects the children on Fridays');
  });

  it('keeps a board loaded when someone connects before the idle timer fires', async () => {
    const { rooms, join, pump } = setup();
    const alice = join();
    await pump();
    alice.client.disconnect();
    await pump(DEFAULT_LIMITS.unloadAfterMs / 2);
    join();
    await pump(DEFAULT_LIMITS.unloadAfterMs * 2);
    expect(rooms.isLoaded('board-1')).toBe(true);
  });

  it('lets a board reload only after its previous room has finished compacting', async () => {
    const memory = createMemoryStore();
    let releaseCompact = () => {};
    const store: DocStore = {
      ...memory,
      compact: async (...args) => {
        await new Promise<void>((resolve) => {
          releaseCompact = resolve;
        });
        return memory.compact(...args);
      },
    };
    const { rooms, join, pump } = setup({ store, limits: { unloadAfterMs: 0 } });
    const alice = join();
    await pump();
    alice.client.doc.getMap('meta').set('title', 'Before unload');
    await pump();
    alice.client.disconnect();
    await pump();
    const bob = join();
    await pump();
    expect(bob.client.synced).toBe(false);
    expect(rooms.isLoaded('board-1')).toBe(false);
    releaseCompact();
    await pump();
    expect(bob.client.doc.getMap('meta').get('title')).toBe('Before unload');
    expect(await memory.pendingCount('board-1')).toBe(0);
  });

  it('[D1] shuts down: closes sockets with 1001, waits for queued appends, compacts, forgets rooms', async () => {
    const memory = createMemoryStore();
    const held: Array<() => void> = [];
    const store: DocStore = {
      ...memory,
      append: (boardId, update) =>
        new Promise<void>((resolve) => held.push(resolve)).then(() => memory.append(boardId, update)),
    };
    const { rooms, join, pump } = setup({ store });
    const alice = join();
    await pump();
    alice.client.doc.getMap('meta').set('title', 'Last edit before shutdown');
    alice.pair.flush();
    await vi.advanceTimersByTimeAsync(0);
    let finished = false;
    const shutdown = rooms.shutdown().then(() => {
      finished = true;
    });
    alice.pair.flush();
    expect(alice.pair.client.closed).toEqual({ code: CloseCode.goingAway, reason: 'server shutting down' });
    await vi.advanceTimersByTimeAsync(0);
    expect(finished).toBe(false);
    for (const release of held) release();
    await shutdown;
    expect(rooms.stats()).toEqual({ rooms: 0, connections: 0 });
    expect(await memory.pendingCount('board-1')).toBe(0);
    expect((await storedState(memory)).getMap('meta').get('title')).toBe('Last edit before shutdown');
    const late = join();
    late.pair.flush();
    expect(late.pair.client.closed?.code).toBe(CloseCode.goingAway);
  });

  it('[S1] forgets a board that failed to load, so the next connection tries again', async () => {
    const memory = createMemoryStore();
    let failing = true;
    const store: DocStore = {
      ...memory,
      load: async (boardId) => (failing ? Promise.reject(new Error('disk unplugged')) : memory.load(boardId)),
    };
    const { rooms, join, pump, logger } = setup({ store });
    const first = join();
    await pump();
    expect(first.pair.client.closed?.code).toBe(CloseCode.storageFailure);
    expect(rooms.stats()).toEqual({ rooms: 0, connections: 0 });
    expect(logger.events.some((e) => e.event === 'room.load_failed' && e.level === 'error')).toBe(true);
    failing = false;
    const second = join();
    await pump();
    expect(second.client.synced).toBe(true);
    expect(rooms.isLoaded('board-1')).toBe(true);
  });
});

describe('rooms.change (server-side changes)', () => {
  it('[S7] stores a server change before applying it, then broadcasts it to every connection', async () => {
    const { rooms, join, pump, store } = setup();
    const alice = join();
    const bob = join();
    await pump();
    const change = rooms.change('board-1', (doc) => {
      doc.getMap('meta').set('title', 'Set by the server');
      return 'value from fn';
    });
    await pump();
    expect(await change).toEqual({ ok: true, value: 'value from fn' });
    expect(alice.client.doc.getMap('meta').get('title')).toBe('Set by the server');
    expect(bob.client.doc.getMap('meta').get('title')).toBe('Set by the server');
    expect((await storedState(store)).getMap('meta').get('title')).toBe('Set by the server');
  });

  it('[S7] runs after the updates queued before it, on a copy that already holds them', async () => {
    const { rooms, join, pump } = setup();
    const alice = join();
    await pump();
    alice.client.doc.getMap('meta').set('title', 'From Alice');
    alice.pair.flush();
    let seen: unknown;
    const change = rooms.change('board-1', (doc) => {
      seen = doc.getMap('meta').get('title');
    });
    await pump();
    expect((await change).ok).toBe(true);
    expect(seen).toBe('From Alice');
  });

  it('[S7] loads a board nobody is connected to, stores the change, and unloads it when idle', async () => {
    const { rooms, pump, store } = setup();
    const change = rooms.change('board-9', (doc) => doc.getMap('meta').set('title', 'Offline change'));
    await pump();
    expect((await change).ok).toBe(true);
    expect((await storedState(store, 'board-9')).getMap('meta').get('title')).toBe('Offline change');
    expect(rooms.isLoaded('board-9')).toBe(true);
    await pump(DEFAULT_LIMITS.unloadAfterMs);
    expect(rooms.isLoaded('board-9')).toBe(false);
  });

  it('[S7] a change that writes nothing stores nothing', async () => {
    const { rooms, pump, store } = setup();
    const change = rooms.change('board-1', () => 42);
    await pump();
    expect(await change).toEqual({ ok: true, value: 42 });
    expect((await store.load('board-1')).updates).toHaveLength(0);
  });

  it('[S7] a change the store refuses is neither applied nor broadcast', async () => {
    const memory = createMemoryStore();
    let refuse = false;
    const store: DocStore = {
      ...memory,
      append: (boardId, update) =>
        refuse ? Promise.reject(new Error('disk full')) : memory.append(boardId, update),
    };
    const { rooms, join, pump } = setup({ store });
    const alice = join();
    await pump();
    refuse = true;
    const change = rooms.change('board-1', (doc) => doc.getMap('meta').set('title', 'Lost'));
    await pump();
    expect(await change).toEqual({ ok: false, reason: 'storage-failure' });
    expect(alice.client.doc.getMap('meta').get('title')).toBeUndefined();
    refuse = false;
    const retry = rooms.change('board-1', (doc) => doc.getMap('meta').get('title'));
    await pump();
    expect(await retry).toEqual({ ok: true, value: undefined });
  });

  it('[S7] a change function that throws keeps nothing it wrote', async () => {
    const { rooms, join, pump } = setup();
    const alice = join();
    await pump();
    const change = rooms.change('board-1', (doc) => {
      doc.getMap('meta').set('title', 'Half done');
      throw new Error('bug');
    });
    await pump();
    expect(await change).toEqual({ ok: false, reason: 'change-failed' });
    expect(alice.client.doc.getMap('meta').get('title')).toBeUndefined();
  });

  it('[S7] refuses changes once shutting down', async () => {
    const { rooms } = setup();
    await rooms.shutdown();
    expect(await rooms.change('board-1', () => 1)).toEqual({ ok: false, reason: 'unavailable' });
  });
});
