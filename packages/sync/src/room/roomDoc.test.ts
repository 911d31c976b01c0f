import { originKind } from '@kinmap/model';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from '../memoryStore.js';
import { decodeDocUpdate } from '../protocol.js';
import type { DocStore } from '../roomContracts.js';
import { createRecordingLogger } from '../testing/harness.js';
import { createRoomDoc, type WriteHooks } from './roomDoc.js';

const remote = Object.freeze({ kind: 'remote' as const, connectionId: 'c1' });
const hooks = (overrides: Partial<WriteHooks> = {}): WriteHooks => ({
  skip: () => false,
  appendFailed: () => {},
  applyFailed: () => {},
  sender: { connectionId: 'c1', role: 'facilitator', canWriteDoc: true },
  rejected: () => {},
  ...overrides,
});

function setup(store: DocStore = createMemoryStore(), compactEvery = 500) {
  const logger = createRecordingLogger();
  // These tests write arbitrary Yjs content: the permission guard has its own tests.
  const roomDoc = createRoomDoc({ boardId: 'b', store, logger, compactEvery, checkPermissions: false });
  return { store, logger, roomDoc };
}

/** A client doc and a function returning each of its changes as a validated update. */
function clientEdits() {
  const client = new Y.Doc();
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  const next = (edit: (doc: Y.Doc) => void) => {
    edit(client);
    const update = updates.at(-1) as Uint8Array;
    const decoded = decodeDocUpdate(update);
    if (!decoded.ok) throw new Error(decoded.reason);
    return [update, decoded.value] as const;
  };
  return { client, next };
}

const readStep2 = (frame: Uint8Array): Uint8Array => {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
};

describe('createRoomDoc', () => {
  it('applies the stored history with a storage origin', async () => {
    const store = createMemoryStore();
    const source = new Y.Doc();
    source.getText('t').insert(0, 'stored');
    await store.append('b', Y.encodeStateAsUpdate(source));
    const { roomDoc } = setup(store);
    const origins: unknown[] = [];
    roomDoc.doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    expect(await roomDoc.load()).toBe(true);
    expect(roomDoc.doc.getText('t').toString()).toBe('stored');
    expect(origins.map(originKind)).toEqual(['storage']);
  });

  it('appends an update, then applies it with the given origin', async () => {
    const { roomDoc, store } = setup();
    await roomDoc.load();
    const seen: Array<{ origin: unknown; stored: number }> = [];
    roomDoc.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      void store.pendingCount('b').then((stored) => seen.push({ origin, stored }));
    });
    const { next } = clientEdits();
    roomDoc.write(...next((doc) => doc.getText('t').insert(0, 'hi')), remote, hooks(), false);
    expect(roomDoc.doc.getText('t').toString()).toBe('');
    await roomDoc.drained();
    expect(roomDoc.doc.getText('t').toString()).toBe('hi');
    expect(seen).toEqual([{ origin: remote, stored: 1 }]);
  });

  it('reports a refused append and neither applies it nor runs the sender’s skipped writes', async () => {
    const memory = createMemoryStore();
    const { roomDoc } = setup({ ...memory, append: async () => Promise.reject(new Error('disk full')) });
    await roomDoc.load();
    let failed = false;
    let skipsAsked = 0;
    const sender = hooks({
      skip: () => {
        skipsAsked++;
        return failed;
      },
      appendFailed: () => {
        failed = true;
      },
    });
    const { next } = clientEdits();
    roomDoc.write(...next((doc) => doc.getText('t').insert(0, 'a')), remote, sender, false);
    roomDoc.write(...next((doc) => doc.getText('t').insert(1, 'b')), remote, sender, false);
    await roomDoc.drained();
    expect(failed).toBe(true);
    expect(skipsAsked).toBe(2);
    expect(roomDoc.doc.getText('t').toString()).toBe('');
  });

  it('compacts after compactEvery appends, through the last applied sequence number', async () => {
    const { roomDoc, store, logger } = setup(createMemoryStore(), 2);
    await roomDoc.load();
    const { next } = clientEdits();
    for (const text of ['a', 'b', 'c'])
      roomDoc.write(...next((doc) => doc.getText('t').insert(0, text)), remote, hooks(), false);
    await roomDoc.drained();
    expect(logger.events.find((e) => e.event === 'room.compacted')?.fields.throughSeq).toBe(2);
    expect(await store.load('b')).toMatchObject({ lastSeq: 3 });
    expect(await store.pendingCount('b')).toBe(1);
    roomDoc.compact();
    await roomDoc.drained();
    expect(await store.pendingCount('b')).toBe(0);
    const replay = new Y.Doc();
    for (const update of (await store.load('b')).updates) Y.applyUpdate(replay, update);
    expect(replay.getText('t').toString()).toBe('cba');
  });

  it('compacts after a stored update that deletes text, not after inserts; the snapshot lacks the deleted words', async () => {
    const store = createMemoryStore();
    const logger = createRecordingLogger();
    const roomDoc = createRoomDoc({
      boardId: 'b',
      store,
      logger,
      compactEvery: 500,
      checkPermissions: false,
    });
    await roomDoc.load();
    const { next } = clientEdits();
    roomDoc.write(...next((doc) => doc.getText('t').insert(0, 'keep SECRET')), remote, hooks(), false);
    roomDoc.write(...next((doc) => doc.getText('t').insert(0, '> ')), remote, hooks(), false);
    await roomDoc.drained();
    expect(logger.events.filter((e) => e.event === 'room.compacted')).toHaveLength(0);
    expect(await store.pendingCount('b')).toBe(2);
    roomDoc.write(...next((doc) => doc.getText('t').delete(7, 6)), remote, hooks(), false);
    await roomDoc.drained();
    expect(logger.events.filter((e) => e.event === 'room.compacted')).toHaveLength(1);
    expect(await store.pendingCount('b')).toBe(0);
    const stored = (await store.load('b')).updates;
    const bytes = Buffer.concat(stored.map((update) => Buffer.from(update)));
    expect(bytes.includes(Buffer.from('SECRET'))).toBe(false);
    const replay = new Y.Doc();
    for (const update of stored) Y.applyUpdate(replay, update);
    expect(replay.getText('t').toString()).toBe('> keep ');
  });

  it('returns one cached full-state frame for empty state vectors until the doc changes', async () => {
    const { roomDoc } = setup();
    await roomDoc.load();
    roomDoc.doc.getText('t').insert(0, 'first');
    const empty = Y.encodeStateVector(new Y.Doc());
    const frame = roomDoc.encodeSyncStep2For(empty);
    expect(roomDoc.encodeSyncStep2For(empty)).toBe(frame);
    roomDoc.doc.getText('t').insert(5, ' second');
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, readStep2(roomDoc.encodeSyncStep2For(empty)));
    expect(fresh.getText('t').toString()).toBe('first second');
  });

  it('answers a known state vector with only what that client lacks', async () => {
    const { roomDoc } = setup();
    await roomDoc.load();
    roomDoc.doc.getText('t').insert(0, 'old');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(roomDoc.doc));
    roomDoc.doc.getText('t').insert(3, ' new');
    const diff = readStep2(roomDoc.encodeSyncStep2For(Y.encodeStateVector(client)));
    // 'old' holds clocks 0..2 of the room's client id: none of it is sent again.
    expect(Y.decodeUpdate(diff).structs.map((struct) => struct.id.clock)).toEqual([3]);
    Y.applyUpdate(client, diff);
    expect(client.getText('t').toString()).toBe('old new');
  });

  it('resolves load false when the store fails', async () => {
    const { roomDoc, logger } = setup({
      ...createMemoryStore(),
      load: async () => Promise.reject(new Error('x')),
    });
    expect(await roomDoc.load()).toBe(false);
    expect(logger.events.map((e) => e.event)).toEqual(['room.load_failed']);
  });
});

describe('RoomDoc.change', () => {
  it('[S7] appends the server change first, then applies it with a local origin, under one client id', async () => {
    const { roomDoc, store } = setup();
    await roomDoc.load();
    const origins: unknown[] = [];
    let storedWhenApplied = -1;
    roomDoc.doc.on('afterTransaction', (tr: Y.Transaction) => {
      origins.push(tr.origin);
      void store.pendingCount('b').then((n) => {
        storedWhenApplied = n;
      });
    });
    expect(await roomDoc.change((doc) => doc.getText('t').insert(0, 'one'))).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await roomDoc.change((doc) => doc.getText('t').insert(3, ' two'))).toMatchObject({ ok: true });
    expect(roomDoc.doc.getText('t').toString()).toBe('one two');
    expect(origins.map(originKind)).toEqual(['local', 'local']);
    expect(storedWhenApplied).toBe(2);
    expect(Y.decodeStateVector(Y.encodeStateVector(roomDoc.doc)).size).toBe(1);
  });

  it('[S7] refuses a change before the board is loaded', async () => {
    const { roomDoc } = setup();
    expect(await roomDoc.change(() => 1)).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('[S7] skips a conditional change the live board does not need, storing and running nothing', async () => {
    const { roomDoc, store } = setup();
    await roomDoc.load();
    const hasName = (doc: Y.Doc) => doc.getMap('m').get('name') === 'Alex';
    let ran = 0;
    const write = (doc: Y.Doc) => {
      ran += 1;
      doc.getMap('m').set('name', 'Alex');
      return 'written';
    };
    expect(await roomDoc.changeUnless(hasName, write)).toEqual({ ok: true, value: 'written' });
    const stored = await store.pendingCount('b');
    // Its turn comes after the first change: the live board already has the name.
    expect(await roomDoc.changeUnless(hasName, write)).toEqual({ ok: true, value: undefined });
    expect(ran).toBe(1);
    expect(await store.pendingCount('b')).toBe(stored);
  });
});
