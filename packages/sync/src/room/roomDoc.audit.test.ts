import { addCard, asParticipantId, initBoard, Origins, registerParticipant } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from '../memoryStore.js';
import { decodeDocUpdate } from '../protocol.js';
import type { ConnectionActor, DocStore, UpdateAuthor } from '../roomContracts.js';
import { createRecordingLogger } from '../testing/harness.js';
import { createRoomDoc, type WriteHooks } from './roomDoc.js';

const family: ConnectionActor = {
  connectionId: 'c1',
  role: 'family',
  canWriteDoc: true,
  participantId: asParticipantId('alex'),
  sessionId: 'session-1',
};
const hooks = (sender: ConnectionActor): WriteHooks => ({
  skip: () => false,
  appendFailed: () => {},
  applyFailed: () => {},
  sender,
  rejected: () => {},
});

/** A memory store that notes the author handed with each append, as the SQLite store's audit would. */
function authorRecordingStore() {
  const store = createMemoryStore();
  const authored: Array<UpdateAuthor & { seq: number }> = [];
  const recording: DocStore = {
    ...store,
    async append(boardId, update, author) {
      const seq = await store.append(boardId, update);
      if (author) authored.push({ ...author, seq, changes: author.changes ?? [] });
      return seq;
    },
  };
  return { store: recording, authored };
}

async function boardRoom() {
  const { store, authored } = authorRecordingStore();
  const source = new Y.Doc();
  initBoard(source, { title: 'Audit', createdAt: 1 });
  await store.append('b', Y.encodeStateAsUpdate(source));
  const logger = createRecordingLogger();
  const roomDoc = createRoomDoc({ boardId: 'b', store, logger, compactEvery: 500, now: () => 4242 });
  await roomDoc.load();
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(roomDoc.doc));
  return { authored, roomDoc, client };
}

describe('RoomDoc audit records', () => {
  it('[AU16] stores each client update with its sender, session, time and the guard’s classification', async () => {
    const { authored, roomDoc, client } = await boardRoom();
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    addCard(
      client,
      { participantId: family.participantId as never, role: 'family' },
      {
        category: 'harm',
        text: 'A distinctive worry',
      },
    );
    const update = updates[0] as Uint8Array;
    const decoded = decodeDocUpdate(update);
    if (!decoded.ok) throw new Error(decoded.reason);
    roomDoc.write(update, decoded.value, { kind: 'remote' }, hooks(family), false);
    await roomDoc.drained();
    expect(authored).toEqual([
      {
        seq: 2,
        participantId: 'alex',
        role: 'family',
        sessionId: 'session-1',
        at: 4242,
        changes: [expect.objectContaining({ kind: 'card-added', category: 'harm', authorId: 'alex' })],
      },
    ]);
    expect(JSON.stringify(authored)).not.toContain('distinctive');
  });

  it('[AU16] stores a server change as the server’s, with what it wrote', async () => {
    const { authored, roomDoc } = await boardRoom();
    const result = await roomDoc.change((doc) =>
      registerParticipant(
        doc,
        { id: asParticipantId('alex'), displayName: 'Alex', role: 'family' },
        { origin: Origins.local },
      ),
    );
    expect(result.ok).toBe(true);
    expect(authored).toEqual([
      {
        seq: 2,
        participantId: null,
        role: null,
        sessionId: null,
        at: 4242,
        changes: [{ kind: 'participant-written', participantId: 'alex' }],
      },
    ]);
  });
});
