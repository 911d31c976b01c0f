import { addCard, initBoard, originKind, readBoard } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from '../memoryStore.js';
import type { DocStore, SocketLike } from '../roomContracts.js';
import { countFrames, settle, writerAccess } from '../testing/harness.js';
import { boardWithCard, cleanUpAfterEach, parent, setup } from './room.fixture.js';

cleanUpAfterEach();

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
