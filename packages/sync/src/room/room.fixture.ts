import { type Actor, addCard, asParticipantId, initBoard } from '@kinmap/model';
import * as encoding from 'lib0/encoding';
import { afterEach } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from '../memoryStore.js';
import type { ConnectionActor, DocStore, RoomLimits } from '../roomContracts.js';
import { createRecordingLogger, joinClient, settle, writerAccess } from '../testing/harness.js';
import type { SocketPair } from '../testing/socketPair.js';
import { createTestClient, type TestClient } from '../testing/testClient.js';
import { createRoom } from './room.js';
import { DEFAULT_LIMITS } from './rooms.js';

/** Test-only: one room over a memory store, joined by test clients; shared by the room.*.test.ts files. */
export const parent: Actor = { participantId: asParticipantId('mum'), role: 'family' };
const cleanups: Array<() => void> = [];
/** Runs after the current test (with the room and clients `setup` made). */
export function afterThisTest(cleanup: () => void): void {
  cleanups.push(cleanup);
}

/** Call once at the top of a test file: unloads rooms and destroys clients after each test. */
export function cleanUpAfterEach(): void {
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
}

export function setup(options: { store?: DocStore; limits?: Partial<RoomLimits>; now?: () => number } = {}) {
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
    access: ConnectionActor = writerAccess(`c${pairs.length + 1}`),
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
export function boardWithCard(text: string): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Review', createdAt: 1 });
  addCard(doc, parent, { category: 'existingStrength', text });
  return doc;
}

export const frameOf = (type: number, ...bytes: number[]): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  for (const byte of bytes) encoding.writeUint8(encoder, byte);
  return encoding.toUint8Array(encoder);
};
