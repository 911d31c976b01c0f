import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from '../memoryStore.js';
import type { DocStore } from '../roomContracts.js';
import { roomsFixture } from './rooms.fixture.js';
import { DEFAULT_LIMITS } from './rooms.js';

const setup = roomsFixture();

/** One stored update that sets the board's title, as a client's edit would leave it. */
function titleUpdate(title: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', title);
  return Y.encodeStateAsUpdate(doc);
}

describe('rooms.read', () => {
  it('loads a board nobody is connected to, answers from it, and unloads it when idle', async () => {
    const { store, rooms, pump } = setup();
    await store.append('board-7', titleUpdate('Stored title'));
    const read = rooms.read('board-7', (doc) => doc.getMap('meta').get('title'));
    await pump();
    expect(await read).toEqual({ ok: true, value: 'Stored title' });
    expect(rooms.isLoaded('board-7')).toBe(true);
    await pump(DEFAULT_LIMITS.unloadAfterMs);
    expect(rooms.isLoaded('board-7')).toBe(false);
  });

  it('runs after the updates queued before it, on the live board', async () => {
    const { rooms, join, pump } = setup();
    const alice = join();
    await pump();
    alice.client.doc.getMap('meta').set('title', 'From Alice');
    alice.pair.flush();
    const read = rooms.read('board-1', (doc) => doc.getMap('meta').get('title'));
    await pump();
    expect(await read).toEqual({ ok: true, value: 'From Alice' });
  });

  it('stores nothing and sends nothing', async () => {
    const { store, rooms, join, pump } = setup();
    const alice = join();
    await pump();
    alice.client.doc.getMap('meta').set('title', 'Only edit');
    await pump();
    const before = (await store.load('board-1')).updates.length;
    const framesBefore = alice.client.received.length;
    const read = rooms.read('board-1', (doc) => Y.encodeStateAsUpdate(doc).byteLength);
    await pump();
    const result = await read;
    expect(result.ok && result.value > 0).toBe(true);
    expect((await store.load('board-1')).updates).toHaveLength(before);
    expect(alice.client.received).toHaveLength(framesBefore);
  });

  it('answers change-failed when the reader throws, and the board keeps working', async () => {
    const { rooms, join, pump } = setup();
    join();
    await pump();
    const read = rooms.read('board-1', () => {
      throw new Error('bug in a reader');
    });
    await pump();
    expect(await read).toEqual({ ok: false, reason: 'change-failed' });
    const again = rooms.read('board-1', () => 'still readable');
    await pump();
    expect(await again).toEqual({ ok: true, value: 'still readable' });
  });

  it('answers unavailable for a board that cannot load, and once shutting down', async () => {
    const memory = createMemoryStore();
    const broken: DocStore = { ...memory, load: () => Promise.reject(new Error('disk unplugged')) };
    const { rooms, pump } = setup({ store: broken });
    const read = rooms.read('board-1', () => 1);
    await pump();
    expect(await read).toEqual({ ok: false, reason: 'unavailable' });
    await rooms.shutdown();
    expect(await rooms.read('board-1', () => 1)).toEqual({ ok: false, reason: 'unavailable' });
  });
});
