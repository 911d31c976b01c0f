import { type Actor, addCard, asParticipantId, editCardText, initBoard, readBoard } from '@kinmap/model';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from '../memoryStore.js';
import type { RoomLimits } from '../roomContracts.js';
import { createRecordingLogger, joinClient, memberAccess, settle } from '../testing/harness.js';
import { createTestClient } from '../testing/testClient.js';
import { createRoom } from './room.js';
import { DEFAULT_LIMITS } from './rooms.js';

const mum: Actor = { participantId: asParticipantId('mum'), role: 'family' };
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A room that checks permissions, holding a board the family member has synced once and left. */
async function offlineMember(limits: Partial<RoomLimits> = {}) {
  const store = createMemoryStore();
  const board = new Y.Doc();
  initBoard(board, { title: 'Review', createdAt: 1 });
  await store.append('board-1', Y.encodeStateAsUpdate(board));
  const logger = createRecordingLogger();
  const room = createRoom({
    boardId: 'board-1',
    store,
    limits: { ...DEFAULT_LIMITS, awarenessIntervalMs: 0, ...limits },
    logger,
    now: () => 0,
  });
  cleanups.push(() => void room.unload());
  const client = createTestClient();
  cleanups.push(() => client.destroy());
  const first = joinClient(client, (socket) => room.connect(socket, memberAccess('first', 'family', 'mum')));
  await settle([first.pair], room.drained);
  client.disconnect();
  await settle([first.pair], room.drained);
  return { store, room, client, logger };
}

/**
 * Reconnects: our step 1 reaches the room and is answered, but before the room's step 1 reaches
 * the client, it sends a new edit (the race a reconnecting official client runs).
 */
async function reconnectAndEditEarly(setup: Awaited<ReturnType<typeof offlineMember>>, edit: () => void) {
  const { room, client } = setup;
  const again = joinClient(client, (socket) => room.connect(socket, memberAccess('again', 'family', 'mum')));
  again.pair.flushFrom('client');
  await room.drained();
  edit();
  again.pair.flushFrom('client');
  await settle([again.pair], room.drained);
  return again;
}

describe('createRoom: a reconnect that carries offline edits', () => {
  it('[S8] holds an edit sent before the client’s step 2 until it arrives, so the offline edit it builds on is not refused', async () => {
    const setup = await offlineMember();
    const added = addCard(setup.client.doc, mum, { category: 'existingStrength', text: 'Gran' });
    if (!added.ok) throw new Error(added.reason);
    const { cardId } = added.value;
    const again = await reconnectAndEditEarly(setup, () => {
      editCardText(setup.client.doc, mum, cardId, { index: 4, deleteCount: 0, insert: ' visits daily' });
    });
    expect(again.pair.client.closed).toBeNull();
    expect(readBoard(setup.room.doc).cards[cardId]?.text).toBe('Gran visits daily');
    expect(setup.logger.events.filter((e) => e.event === 'update.refused')).toEqual([]);
    expect(await setup.store.pendingCount('board-1')).toBe(3);
  });

  it('[S8] stops holding past maxMessageBytes and handles the held edits in order at once', async () => {
    const setup = await offlineMember({ maxMessageBytes: 2_000 });
    const added = addCard(setup.client.doc, mum, { category: 'existingStrength', text: 'Gran' });
    if (!added.ok) throw new Error(added.reason);
    const { cardId } = added.value;
    const { room, client } = setup;
    const again = joinClient(client, (socket) =>
      room.connect(socket, memberAccess('again', 'family', 'mum')),
    );
    again.pair.flushFrom('client');
    await room.drained();
    const edit = (insert: string) =>
      editCardText(client.doc, mum, cardId, { index: 4, deleteCount: 0, insert });
    edit(` ${'a'.repeat(700)}`);
    edit(` ${'b'.repeat(700)}`);
    again.pair.flushFrom('client');
    await room.drained();
    // Held: nothing checked yet, although the step 2 has not come.
    expect(setup.logger.events.filter((e) => e.event === 'update.refused')).toEqual([]);
    edit(` ${'c'.repeat(700)}`);
    again.pair.flushFrom('client');
    await room.drained();
    // Past the bound: handled at once, in order; the first builds on the offline card and is refused.
    const refused = setup.logger.events.filter((e) => e.event === 'update.refused');
    expect(refused.map((e) => e.fields.rule)).toEqual(['AC19']);
  });
});
