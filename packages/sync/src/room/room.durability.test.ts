import { addCard, initBoard, readBoard, setCardText } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from '../memoryStore.js';
import { CloseCode, type DocStore } from '../roomContracts.js';
import { countFrames, createRecordingLogger, joinClient, settle, writerAccess } from '../testing/harness.js';
import { createTestClient, type TestClient } from '../testing/testClient.js';
import { afterThisTest, boardWithCard, cleanUpAfterEach, parent, setup } from './room.fixture.js';
import { createRoom, type Room } from './room.js';
import { DEFAULT_LIMITS } from './rooms.js';

cleanUpAfterEach();

describe('createRoom: durability', () => {
  it('[S2] stores an update before it applies or broadcasts it', async () => {
    const memory = createMemoryStore();
    const held: Array<() => void> = [];
    const store: DocStore = {
      ...memory,
      append: (boardId, update) =>
        new Promise<void>((resolve) => held.push(resolve)).then(() => memory.append(boardId, update)),
    };
    const { join, room } = setup({ store });
    const alice = join();
    const bob = join();
    await settle([alice.pair, bob.pair], async () => {});
    alice.client.doc.getMap('meta').set('title', 'Safety plan review');
    alice.pair.flush();
    await new Promise((resolve) => setImmediate(resolve));
    expect(held).toHaveLength(1);
    bob.pair.flush();
    expect(bob.client.doc.getMap('meta').get('title')).toBeUndefined();
    expect(room.doc.getMap('meta').get('title')).toBeUndefined();
    held[0]?.();
    await room.drained();
    bob.pair.flush();
    expect(bob.client.doc.getMap('meta').get('title')).toBe('Safety plan review');
    expect(await memory.pendingCount('board-1')).toBe(1);
  });

  it('[S2] closes with 4500 when the store refuses an update, and neither applies nor broadcasts it', async () => {
    const memory = createMemoryStore();
    const store: DocStore = { ...memory, append: async () => Promise.reject(new Error('disk full')) };
    const { join, settle, room, logger } = setup({ store });
    const alice = join();
    const bob = join();
    await settle();
    alice.client.doc.getMap('meta').set('title', 'lost');
    alice.client.doc.getMap('meta').set('title', 'lost again');
    await settle();
    expect(alice.pair.client.closed).toEqual({
      code: CloseCode.storageFailure,
      reason: 'storage failure: the change was not saved',
    });
    expect(room.doc.getMap('meta').get('title')).toBeUndefined();
    expect(bob.client.doc.getMap('meta').get('title')).toBeUndefined();
    expect(countFrames(bob.client.received, 'update')).toBe(0);
    expect(logger.events.filter((e) => e.event === 'update.append_failed')).toHaveLength(1);
  });

  it('[S2] keeps refusing while the store fails; once it accepts again, the sender’s next sync stores its change', async () => {
    const memory = createMemoryStore();
    let full = true;
    const store: DocStore = {
      ...memory,
      append: (boardId, update, author) =>
        full ? Promise.reject(new Error('SQLITE_FULL')) : memory.append(boardId, update, author),
    };
    const { join, settle, room } = setup({ store });
    const alice = join();
    const bob = join();
    await settle();
    alice.client.doc.getMap('meta').set('title', 'typed while the disk was full');
    await settle();
    expect(alice.pair.client.closed?.code).toBe(CloseCode.storageFailure);
    // The room stays open for reading: a newcomer syncs, and the refused change reaches nobody.
    const carol = join();
    await settle();
    expect(carol.client.synced).toBe(true);
    alice.client.disconnect();
    const again = join(writerAccess('alice-again'), alice.client);
    await settle();
    expect(again.pair.client.closed?.code).toBe(CloseCode.storageFailure);
    expect(room.doc.getMap('meta').get('title')).toBeUndefined();
    expect(bob.client.doc.getMap('meta').get('title')).toBeUndefined();
    full = false;
    alice.client.disconnect();
    join(writerAccess('alice-third'), alice.client);
    await settle();
    expect(await memory.pendingCount('board-1')).toBe(1);
    expect(bob.client.doc.getMap('meta').get('title')).toBe('typed while the disk was full');
    expect(carol.client.doc.getMap('meta').get('title')).toBe('typed while the disk was full');
  });

  it('[S3] does not store an update that carries nothing new, such as a reconnecting client’s step 2', async () => {
    const { join, settle, store } = setup();
    const alice = join();
    await settle();
    const text = alice.client.doc.getText('t');
    text.insert(0, 'hello world');
    text.delete(0, 6);
    await settle();
    expect(await store.pendingCount('board-1')).toBe(2);
    alice.client.disconnect();
    await settle();
    join(writerAccess('again'), alice.client);
    await settle();
    expect(await store.pendingCount('board-1')).toBe(2);
  });

  it('[S6] compacts after compactEvery updates and keeps the state identical', async () => {
    const { join, settle, store, room, logger } = setup({ limits: { compactEvery: 3 } });
    const alice = join();
    await settle();
    initBoard(alice.client.doc, { title: 'Review', createdAt: 1 });
    const added = addCard(alice.client.doc, parent, { category: 'harm', text: 'first' });
    if (!added.ok) throw new Error(added.reason);
    await settle();
    for (const text of ['second', 'third', 'fourth', 'fifth', 'sixth']) {
      setCardText(alice.client.doc, parent, added.value.cardId, text);
      await settle();
    }
    expect(logger.events.filter((e) => e.event === 'room.compacted')).toHaveLength(2);
    expect(await store.pendingCount('board-1')).toBe(1);
    const reloaded = new Y.Doc();
    for (const update of (await store.load('board-1')).updates) Y.applyUpdate(reloaded, update);
    expect(readBoard(reloaded)).toEqual(readBoard(room.doc));
    expect(readBoard(reloaded).cards[added.value.cardId]?.text).toBe('sixth');
  });

  it('[S6] compacts right after loading a stored tail longer than compactEvery', async () => {
    const store = createMemoryStore();
    const source = boardWithCard('Dad shouted');
    source.on('update', (update: Uint8Array) => void store.append('board-1', update));
    for (let i = 0; i < 4; i++) source.getMap('meta').set('title', `Review ${i}`);
    await store.append('board-1', Y.encodeStateAsUpdate(source));
    const { join, settle, logger } = setup({ store, limits: { compactEvery: 3 } });
    join();
    await settle();
    expect(logger.events.filter((e) => e.event === 'room.compacted')).toHaveLength(1);
    expect(await store.pendingCount('board-1')).toBe(0);
    const reloaded = new Y.Doc();
    for (const update of (await store.load('board-1')).updates) Y.applyUpdate(reloaded, update);
    expect(readBoard(reloaded)).toEqual(readBoard(source));
  });

  it('[S1] closes every connection with 4500 when the board cannot be loaded', async () => {
    const store: DocStore = {
      ...createMemoryStore(),
      load: async () => Promise.reject(new Error('corrupt')),
    };
    let broken = 0;
    const room: Room = createRoom({
      boardId: 'board-1',
      store,
      limits: DEFAULT_LIMITS,
      logger: createRecordingLogger(),
      now: () => 0,
      onBroken: () => broken++,
    });
    const { join } = {
      join: (client: TestClient) => joinClient(client, (s) => room.connect(s, writerAccess('a'))),
    };
    const client = createTestClient();
    afterThisTest(() => client.destroy());
    const { pair } = join(client);
    pair.flush();
    expect(await room.loaded).toBe(false);
    pair.flush();
    expect(pair.client.closed?.code).toBe(CloseCode.storageFailure);
    expect(pair.client.closed?.reason).toMatch(/storage failure/);
    expect(broken).toBe(1);
    expect(room.state).toBe('broken');
  });
});
