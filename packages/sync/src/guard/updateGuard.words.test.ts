import {
  type Actor,
  addCard,
  asParticipantId,
  type CardId,
  editCardText,
  initBoard,
  readBoard,
  setMarkReason,
} from '@kinmap/model';
import { decodeRejected } from '@kinmap/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from '../memoryStore.js';
import { createRooms, DEFAULT_LIMITS } from '../room/rooms.js';
import { joinClient, memberAccess, settle } from '../testing/harness.js';
import type { SocketPair } from '../testing/socketPair.js';
import { createTestClient, type TestClient } from '../testing/testClient.js';

const sam: Actor = { participantId: asParticipantId('sam'), role: 'practitioner' };
const dad: Actor = { participantId: asParticipantId('dad'), role: 'family' };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup() {
  const store = createMemoryStore();
  const seed = new Y.Doc();
  initBoard(seed, { title: 'Review', createdAt: 1 });
  await store.append('b1', Y.encodeStateAsUpdate(seed));
  const rooms = createRooms({ store, limits: { ...DEFAULT_LIMITS, awarenessIntervalMs: 0 } });
  cleanups.push(() => rooms.shutdown());
  const pairs: SocketPair[] = [];
  const join = (actor: Actor): TestClient => {
    const client = createTestClient();
    const joined = joinClient(client, (socket) =>
      rooms.connect(
        'b1',
        socket,
        memberAccess(`${actor.participantId}-${pairs.length}`, actor.role, actor.participantId),
      ),
    );
    pairs.push(joined.pair);
    cleanups.push(() => client.destroy());
    return client;
  };
  return { store, join, step: () => settle(pairs) };
}

describe('whose words through a room', () => {
  it('[AC30] a father appending "NOT TRUE" to a practitioner’s danger statement is refused and never stored; his reason is', async () => {
    const { store, join, step } = await setup();
    const worker = join(sam);
    const father = join(dad);
    await step();
    let cardId = '' as CardId;
    const added = addCard(worker.doc, sam, { category: 'dangerStatement', text: 'We worry' });
    if (added.ok) cardId = added.value.cardId;
    await step();
    editCardText(father.doc, dad, cardId, { index: 8, deleteCount: 0, insert: ' NOT TRUE' });
    await step();
    expect(father.received.map(decodeRejected).filter(Boolean)).toMatchObject([{ rule: 'AC30' }]);
    expect(readBoard(worker.doc).cards[cardId]?.text).toBe('We worry');
    const stored = Buffer.concat((await store.load('b1')).updates);
    expect(stored.includes(Buffer.from('NOT TRUE'))).toBe(false);

    const again = join(dad);
    await step();
    setMarkReason(again.doc, dad, cardId, 'Not true: he was at work');
    await step();
    expect(readBoard(worker.doc).cards[cardId]).toMatchObject({
      text: 'We worry',
      marks: { dad: 'dispute' },
      reasons: { dad: 'Not true: he was at work' },
    });
  });
});
