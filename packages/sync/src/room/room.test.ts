import {
  type Actor,
  addCard,
  asParticipantId,
  initBoard,
  originKind,
  readBoard,
  setCardText,
} from '@kinmap/model';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from '../memoryStore.js';
import { encodeUpdate, MessageType } from '../protocol.js';
import {
  countFrames,
  createRecordingLogger,
  joinClient,
  settle,
  viewerAccess,
  writerAccess,
} from '../testing/harness.js';
import type { SocketPair } from '../testing/socketPair.js';
import { createTestClient, type TestClient } from '../testing/testClient.js';
import { type Access, CloseCode, type DocStore, type RoomLimits, type SocketLike } from '../types.js';
import { createRoom, type Room } from './room.js';
import { DEFAULT_LIMITS } from './rooms.js';

const parent: Actor = { participantId: asParticipantId('mum'), role: 'family' };
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(options: { store?: DocStore; limits?: Partial<RoomLimits>; now?: () => number } = {}) {
  const store = options.store ?? createMemoryStore();
  const logger = createRecordingLogger();
  const limits: RoomLimits = { ...DEFAULT_LIMITS, awarenessIntervalMs: 0, ...options.limits };
  // These tests write arbitrary Yjs content; the permission guard is tested in updateGuard.test.ts.
  const room = createRoom({
    boardId: 'board-1',
    store,
    limits,
    logger,
    now: options.now ?? (() => 0),
    checkPermissions: false,
  });
  const pairs: SocketPair[] = [];
  cleanups.push(() => void room.unload());
  function join(
    access: Access = writerAccess(`c${pairs.length + 1}`),
    client: TestClient = createTestClient(),
  ) {
    const joined = joinClient(client, (socket) => room.connect(socket, access));
    pairs.push(joined.pair);
    cleanups.push(() => client.destroy());
    return { client, ...joined };
  }
  return { store, logger, room, join, settle: () => settle(pairs, room.drained) };
}

/** A Y.Doc holding an initialised board with one card. */
function boardWithCard(text: string): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Review', createdAt: 1 });
  addCard(doc, parent, { category: 'existingStrength', text });
  return doc;
}

const frameOf = (type: number, ...bytes: number[]): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  for (const byte of bytes) encoding.writeUint8(encoder, byte);
  return encoding.toUint8Array(encoder);
};

describe('createRoom: sync', () => {
  it('syncs two clients through the room', async () => {
    const { join, settle, room } = setup();
    const alice = join();
    const bob = join();
    await settle();
    initBoard(alice.client.doc, { title: 'Review', createdAt: 1 });
    addCard(alice.client.doc, parent, { category: 'harm', text: 'Dad shouted' });
    addCard(bob.client.doc, parent, { category: 'existingSafety', text: 'Gran visits daily' });
    await settle();
    expect(readBoard(bob.client.doc)).toEqual(readBoard(alice.client.doc));
    expect(readBoard(room.doc)).toEqual(readBoard(alice.client.doc));
    expect(Object.keys(readBoard(room.doc).cards)).toHaveLength(2);
  });

  it('[S5] gives a late joiner everything, including edits of clients that already left', async () => {
    const { join, settle, room } = setup();
    const early = join();
    await settle();
    initBoard(early.client.doc, { title: 'Review', createdAt: 1 });
    addCard(early.client.doc, parent, { category: 'nextStep', text: 'Call school' });
    await settle();
    early.client.disconnect();
    await settle();
    const late = join();
    await settle();
    expect(late.client.synced).toBe(true);
    expect(readBoard(late.client.doc)).toEqual(readBoard(early.client.doc));
    expect(room.connectionCount()).toBe(1);
  });

  it('[S4] does not send a client its own update back', async () => {
    const { join, settle } = setup();
    const alice = join();
    const bob = join();
    await settle();
    const before = { alice: alice.client.received.length, bob: bob.client.received.length };
    alice.client.doc.getMap('meta').set('title', 'x');
    await settle();
    expect(countFrames(alice.client.received.slice(before.alice), 'update')).toBe(0);
    expect(countFrames(bob.client.received.slice(before.bob), 'update')).toBe(1);
  });

  it('[S4] encodes a broadcast once and sends the same buffer to every recipient', async () => {
    const { room, join, settle } = setup();
    const sent = new Map<string, Uint8Array[]>();
    const spy = (id: string): SocketLike => {
      sent.set(id, []);
      return { send: (data) => sent.get(id)?.push(data), close() {} };
    };
    room.connect(spy('s1'), writerAccess('s1'));
    room.connect(spy('s2'), writerAccess('s2'));
    const writer = join();
    await settle();
    writer.client.doc.getMap('meta').set('title', 'x');
    await settle();
    const [first] = sent.get('s1') ?? [];
    const [second] = sent.get('s2') ?? [];
    expect(first).toBeDefined();
    expect(first).toBe(second);
  });

  it('[S1] loads the stored history before it answers sync step 1, keeping early frames in order', async () => {
    const memory = createMemoryStore();
    await memory.append('board-1', Y.encodeStateAsUpdate(boardWithCard('Stored before the meeting')));
    let releaseLoad = () => {};
    const gate = new Promise<void>((resolve) => {
      releaseLoad = resolve;
    });
    const store: DocStore = {
      ...memory,
      load: async (boardId) => {
        await gate;
        return memory.load(boardId);
      },
    };
    const { join, room } = setup({ store });
    const { client, pair } = join();
    client.doc.getMap('meta').set('note', 'sent while loading');
    pair.flush();
    expect(room.state).toBe('loading');
    expect(client.received).toHaveLength(0);
    releaseLoad();
    await room.loaded;
    await settle([pair], room.drained);
    expect(client.synced).toBe(true);
    expect(Object.values(readBoard(client.doc).cards).map((card) => card.text)).toEqual([
      'Stored before the meeting',
    ]);
    expect(room.doc.getMap('meta').get('note')).toBe('sent while loading');
    const reloaded = new Y.Doc();
    for (const update of (await memory.load('board-1')).updates) Y.applyUpdate(reloaded, update);
    expect(reloaded.getMap('meta').get('note')).toBe('sent while loading');
  });

  it('labels applied updates as remote with the connection id, and stored history as storage', async () => {
    const store = createMemoryStore();
    await store.append('board-1', Y.encodeStateAsUpdate(boardWithCard('x')));
    const { room, join, settle } = setup({ store });
    const origins: unknown[] = [];
    room.doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    const alice = join(writerAccess('alice'));
    await settle();
    alice.client.doc.getMap('meta').set('title', 'y');
    await settle();
    expect(origins.map(originKind)).toEqual(['storage', 'remote']);
    expect(origins[1]).toMatchObject({ kind: 'remote', connectionId: 'alice' });
  });
});

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
    cleanups.push(() => client.destroy());
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

describe('createRoom: permissions and bad input', () => {
  it("[P1] drops a viewer's update and never stores it, while its awareness flows and step 1 is answered", async () => {
    const { join, settle, store, room } = setup();
    const writer = join(writerAccess('writer'));
    const viewer = join(viewerAccess('viewer'));
    viewer.client.awareness.setLocalStateField('name', 'Observer');
    await settle();
    expect(viewer.client.synced).toBe(true);
    viewer.client.doc.getMap('meta').set('title', 'vandalised');
    await settle();
    expect(room.doc.getMap('meta').get('title')).toBeUndefined();
    expect(writer.client.doc.getMap('meta').get('title')).toBeUndefined();
    expect(await store.pendingCount('board-1')).toBe(0);
    expect(viewer.pair.client.isOpen).toBe(true);
    expect(writer.client.awareness.getStates().get(viewer.client.doc.clientID)).toEqual({ name: 'Observer' });
  });

  it('[V1] closes with 4413 a message over maxMessageBytes, and the room is unharmed', async () => {
    const { join, settle, store, room } = setup({ limits: { maxMessageBytes: 1024 } });
    const alice = join();
    const bob = join();
    await settle();
    alice.client.doc.getText('t').insert(0, 'x'.repeat(2048));
    await settle();
    expect(alice.pair.client.closed).toEqual({ code: CloseCode.tooLarge, reason: 'message too large' });
    bob.client.doc.getMap('meta').set('title', 'still fine');
    await settle();
    expect(room.doc.getText('t').toString()).toBe('');
    expect(room.doc.getMap('meta').get('title')).toBe('still fine');
    expect(await store.pendingCount('board-1')).toBe(1);
  });

  it('[V2] closes with 4400 a malformed update; nothing is stored and other clients keep syncing', async () => {
    const { join, settle, store, room } = setup();
    const alice = join();
    const bob = join();
    const carol = join();
    await settle();
    alice.client.send(encodeUpdate(new Uint8Array([5, 200, 200, 200])));
    await settle();
    expect(alice.pair.client.closed?.code).toBe(CloseCode.badMessage);
    expect(alice.pair.client.closed?.reason).toBe('malformed document update');
    expect(await store.pendingCount('board-1')).toBe(0);
    bob.client.doc.getMap('meta').set('title', 'after the bad frame');
    await settle();
    expect(carol.client.doc.getMap('meta').get('title')).toBe('after the bad frame');
    expect(room.doc.getMap('meta').get('title')).toBe('after the bad frame');
  });

  it('[V2] closes with 4400 a truncated frame and a frame of an unknown message type', async () => {
    const { join, settle } = setup();
    const truncated = join();
    const unknown = join();
    const auth = join();
    await settle();
    truncated.client.send(new Uint8Array([MessageType.sync, 0, 40, 1]));
    unknown.client.send(frameOf(7));
    auth.client.send(frameOf(2, 0));
    await settle();
    expect(truncated.pair.client.closed).toEqual({ code: CloseCode.badMessage, reason: 'malformed message' });
    expect(unknown.pair.client.closed).toEqual({
      code: CloseCode.badMessage,
      reason: 'unknown message type 7',
    });
    expect(auth.pair.client.closed).toEqual({ code: CloseCode.badMessage, reason: 'unknown message type 2' });
  });

  it('[L1] closes with 4429 a connection that sends faster than its token bucket allows', async () => {
    let clock = 0;
    const { join, settle } = setup({ limits: { messagesPerSecond: 10, messageBurst: 5 }, now: () => clock });
    const steady = join();
    const flooding = join();
    await settle(); // each used 3 tokens: step 1, awareness, the step 2 reply
    for (let i = 0; i < 10; i++) {
      clock += 100; // one token back per 100 ms
      steady.client.doc.getMap('meta').set('steady', i);
      await settle();
    }
    for (let i = 0; i < 10; i++) flooding.client.doc.getMap('meta').set('flood', i);
    await settle();
    expect(steady.pair.client.isOpen).toBe(true);
    expect(flooding.pair.client.closed).toEqual({ code: CloseCode.rateLimited, reason: 'rate limited' });
  });

  it("[L1] charges the official client's awareness echoes a tenth of a message, but its own states in full", async () => {
    let clock = 0;
    const { join, settle } = setup({ limits: { messagesPerSecond: 1, messageBurst: 8 }, now: () => clock });
    const movers = [join(), join(), join()];
    const watcher = join(); // echoes every cursor it hears, as WebsocketProvider does
    await settle();
    for (let i = 0; i < 20; i++) {
      clock += 1000; // one token back per second, for everyone
      for (const mover of movers) {
        mover.client.awareness.setLocalStateField('cursor', { x: i, y: 0 });
        await settle();
      }
    }
    // The watcher echoed 3 frames a second: at a full token each it would have been closed.
    expect(watcher.pair.client.isOpen).toBe(true);
    for (const mover of movers) expect(mover.pair.client.isOpen).toBe(true);
    expect(watcher.client.awareness.getStates().get(movers[0]!.client.doc.clientID)).toEqual({
      cursor: { x: 19, y: 0 },
    });
    // Without refills, the same 3 cursors a second from one mover cost a full token each.
    const hasty = movers[1]!;
    for (let i = 0; i < 12; i++) {
      hasty.client.awareness.setLocalStateField('cursor', { x: 100 + i, y: 0 });
      await settle();
    }
    expect(hasty.pair.client.closed).toEqual({ code: CloseCode.rateLimited, reason: 'rate limited' });
  });

  it('[L2] closes a slow consumer whose unsent bytes exceed maxBufferedBytes', async () => {
    const { join, settle, room } = setup({ limits: { maxBufferedBytes: 100 } });
    const writer = join();
    await settle();
    let bufferedAmount = 0;
    let closed: { code?: number; reason?: string } = {};
    const slow: SocketLike = {
      get bufferedAmount() {
        return bufferedAmount;
      },
      send: (data) => {
        bufferedAmount += data.byteLength;
      },
      close: (code, reason) => {
        closed = { code, reason };
      },
    };
    room.connect(slow, writerAccess('slow'));
    writer.client.doc.getText('t').insert(0, 'y'.repeat(150));
    writer.client.doc.getText('t').insert(0, 'z');
    await settle();
    expect(closed).toEqual({ code: CloseCode.slowConsumer, reason: 'slow consumer' });
    expect(room.connectionCount()).toBe(1);
  });

  it('[G1] logs ids and sizes, never content', async () => {
    const { join, settle, logger } = setup({ limits: { maxMessageBytes: 200 } });
    const alice = join();
    await settle();
    addCard(alice.client.doc, parent, { category: 'harm', text: 'A very private sentence'.repeat(20) });
    await settle();
    const logged = JSON.stringify(logger.events);
    expect(logger.events.some((e) => e.event === 'message.too_large')).toBe(true);
    expect(logged).not.toMatch(/private/);
  });
});
