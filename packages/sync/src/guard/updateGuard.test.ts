import {
  type Actor,
  addCard,
  asParticipantId,
  type CardId,
  deleteCard,
  initBoard,
  OVERALL_SCALE_ID,
  type Role,
  readBoard,
  registerParticipant,
  setCardText,
  setScaleMode,
} from '@kinmap/model';
import { decodeRejected } from '@kinmap/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from '../memoryStore.js';
import { createRoom } from '../room/room.js';
import { DEFAULT_LIMITS } from '../room/rooms.js';
import { CloseCode, type ConnectionActor, type DocStore } from '../roomContracts.js';
import {
  countFrames,
  createRecordingLogger,
  joinClient,
  memberAccess,
  settle,
  viewerAccess,
} from '../testing/harness.js';
import type { SocketPair } from '../testing/socketPair.js';
import { createTestClient } from '../testing/testClient.js';
import { createUpdateGuard } from './updateGuard.js';

const sam: Actor = { participantId: asParticipantId('sam'), role: 'practitioner' };
const mum: Actor = { participantId: asParticipantId('mum'), role: 'family' };
const neil: Actor = { participantId: asParticipantId('neil'), role: 'network' };
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A stored board with one card by Sam and one by Mum, served by a room that checks permissions. */
async function setup(options: { appendFails?: () => boolean } = {}) {
  const seed = new Y.Doc();
  initBoard(seed, { title: 'Review', createdAt: 1 });
  const samCard = (
    addCard(seed, sam, { category: 'harm', text: 'Sam saw bruises' }) as { value: { cardId: CardId } }
  ).value.cardId;
  const mumCard = (
    addCard(seed, mum, { category: 'existingStrength', text: 'Gran helps' }) as { value: { cardId: CardId } }
  ).value.cardId;
  const memory = createMemoryStore();
  await memory.append('board-1', Y.encodeStateAsUpdate(seed));
  const store: DocStore = {
    ...memory,
    append: async (boardId, update) => {
      if (options.appendFails?.()) throw new Error('disk full');
      return memory.append(boardId, update);
    },
  };
  const logger = createRecordingLogger();
  const room = createRoom({
    boardId: 'board-1',
    store,
    limits: { ...DEFAULT_LIMITS, awarenessIntervalMs: 0 },
    logger,
    now: () => 0,
  });
  cleanups.push(() => void room.unload());
  const pairs: SocketPair[] = [];
  function join(access: ConnectionActor) {
    const client = createTestClient();
    const joined = joinClient(client, (socket) => room.connect(socket, access));
    pairs.push(joined.pair);
    cleanups.push(() => client.destroy());
    return client;
  }
  const as = (role: Role, id: string) => join(memberAccess(`c${pairs.length + 1}`, role, id));
  const closedWith = (index: number) => pairs[index]?.client.closed ?? null;
  return {
    store,
    logger,
    room,
    join,
    as,
    closedWith,
    samCard,
    mumCard,
    settle: () => settle(pairs, room.drained),
  };
}

/** The board as the store holds it (what a restart would load). */
async function stored(store: DocStore): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await store.load('board-1')).updates) Y.applyUpdate(doc, update);
  return doc;
}

const rejections = (received: readonly Uint8Array[]) =>
  received.map(decodeRejected).filter((rejection) => rejection !== null);

describe('the update guard in a room', () => {
  it("[AC5] refuses a family member deleting another person's card: not stored, not broadcast, sender told", async () => {
    const { as, store, room, samCard, logger, settle } = await setup();
    const family = as('family', 'mum');
    const other = as('practitioner', 'sam');
    await settle();
    const storedBefore = (await store.load('board-1')).updates.length;
    const otherFrames = other.received.length;
    deleteCard(family.doc, mum, samCard);
    await settle();
    expect(rejections(family.received)).toEqual([
      { rule: 'AC5', reason: "family may not delete another person's card" },
    ]);
    expect((await store.load('board-1')).updates).toHaveLength(storedBefore);
    expect(readBoard(await stored(store)).cards[samCard]).toBeDefined();
    expect(readBoard(room.doc).cards[samCard]).toBeDefined();
    expect(readBoard(other.doc).cards[samCard]).toBeDefined();
    expect(countFrames(other.received.slice(otherFrames), 'update')).toBe(0);
    expect(logger.events).toContainEqual({
      level: 'warn',
      event: 'update.refused',
      fields: expect.objectContaining({ rule: 'AC5', connectionId: 'c1' }),
    });
  });

  it('ends a connection after refusing its update, and drops what it sent after, unchecked', async () => {
    const { as, store, closedWith, mumCard, samCard, logger, settle } = await setup();
    const family = as('family', 'mum');
    await settle();
    const storedBefore = (await store.load('board-1')).updates.length;
    // Sent back to back: the second is queued behind the refused first one.
    deleteCard(family.doc, mum, samCard);
    setCardText(family.doc, mum, mumCard, 'Gran helps every day');
    await settle();
    expect(closedWith(0)).toMatchObject({ code: CloseCode.refused });
    expect(rejections(family.received)).toHaveLength(1);
    expect((await store.load('board-1')).updates).toHaveLength(storedBefore);
    const refusals = logger.events.filter((entry) => entry.event === 'update.refused');
    expect(refusals).toHaveLength(1);
  });

  it('[AC4] accepts the same family member deleting their own card, and the others see it', async () => {
    const { as, store, mumCard, settle } = await setup();
    const family = as('family', 'mum');
    const other = as('practitioner', 'sam');
    await settle();
    deleteCard(family.doc, mum, mumCard);
    await settle();
    expect(rejections(family.received)).toEqual([]);
    expect(readBoard(other.doc).cards[mumCard]).toBeUndefined();
    expect(readBoard(await stored(store)).cards[mumCard]).toBeUndefined();
  });

  it("[AC9] refuses a practitioner's scale mode change and accepts a facilitator's", async () => {
    const { as, room, settle } = await setup();
    const practitioner = as('practitioner', 'sam');
    const facilitator = as('facilitator', 'fay');
    await settle();
    setScaleMode(practitioner.doc, sam, OVERALL_SCALE_ID, 'private');
    await settle();
    expect(rejections(practitioner.received)).toMatchObject([{ rule: 'AC9' }]);
    expect(readBoard(room.doc).scales[OVERALL_SCALE_ID]?.mode).toBe('revealed');
    setScaleMode(
      facilitator.doc,
      { participantId: asParticipantId('fay'), role: 'facilitator' },
      OVERALL_SCALE_ID,
      'private',
    );
    await settle();
    expect(rejections(facilitator.received)).toEqual([]);
    expect(readBoard(room.doc).scales[OVERALL_SCALE_ID]?.mode).toBe('private');
  });

  it.each(['facilitator', 'practitioner', 'family', 'network'] as const)(
    '[AC17] refuses a %s writing the participants map',
    async (role) => {
      const { as, room, store, settle } = await setup();
      const client = as(role, 'someone');
      await settle();
      registerParticipant(client.doc, {
        id: asParticipantId('someone'),
        displayName: 'Me',
        role: 'facilitator',
      });
      await settle();
      expect(rejections(client.received)).toMatchObject([{ rule: 'AC17' }]);
      expect(readBoard(room.doc).participants).toEqual({});
      expect(readBoard(await stored(store)).participants).toEqual({});
    },
  );

  it('judges the next update against the board without the refused one', async () => {
    const { as, room, settle } = await setup();
    const family = as('family', 'mum');
    const other = as('network', 'neil');
    await settle();
    family.doc.getMap('meta').set('locked', true);
    await settle();
    expect(rejections(family.received)).toMatchObject([{ rule: 'AC10' }]);
    // Refused as AC11 if the guard still believed the refused lock.
    addCard(other.doc, neil, { category: 'nextStep', text: 'Call' });
    await settle();
    expect(rejections(other.received)).toEqual([]);
    expect(Object.keys(readBoard(room.doc).cards)).toHaveLength(3);
  });

  it('forgets an accepted update the store then refused, so the next one is judged without it', async () => {
    let failNext = false;
    const { as, room, settle } = await setup({ appendFails: () => failNext });
    const facilitator = as('facilitator', 'fay');
    const other = as('practitioner', 'sam');
    await settle();
    failNext = true;
    facilitator.doc.getMap('meta').set('locked', true);
    await settle();
    failNext = false;
    // Refused as AC11 if the guard still believed the lock that was never stored.
    addCard(other.doc, sam, { category: 'nextStep', text: 'Call' });
    await settle();
    expect(rejections(other.received)).toEqual([]);
    expect(Object.keys(readBoard(room.doc).cards)).toHaveLength(3);
  });

  it('follows changes the server makes itself, so clients can build on them', async () => {
    const { as, room, settle } = await setup();
    const other = as('network', 'neil');
    await settle();
    addCard(other.doc, neil, { category: 'nextStep', text: 'Call' }); // the guard now holds a copy
    await settle();
    const changed = await room.change((doc) => addCard(doc, neil, { category: 'nextStep', text: 'Visit' }));
    const cardId = changed.ok && changed.value.ok ? changed.value.value.cardId : ('' as CardId);
    await settle();
    // Refused as incomplete (AC19) if the guard's copy lacked the server's card.
    setCardText(other.doc, neil, cardId, 'Visit on Monday');
    await settle();
    expect(rejections(other.received)).toEqual([]);
    expect(readBoard(room.doc).cards[cardId]?.text).toBe('Visit on Monday');
  });

  it('[P1] still drops a viewer’s update silently, without a rejected frame', async () => {
    const { join, room, samCard, settle } = await setup();
    const viewer = join(viewerAccess('v1'));
    await settle();
    deleteCard(viewer.doc, mum, samCard);
    await settle();
    expect(rejections(viewer.received)).toEqual([]);
    expect(readBoard(room.doc).cards[samCard]).toBeDefined();
  });

  it('skips only the own-id checks for a legacy connection without a participant id', async () => {
    const { join, room, samCard, settle } = await setup();
    const legacy = join({ connectionId: 'legacy', role: 'family', canWriteDoc: true });
    await settle();
    deleteCard(legacy.doc, mum, samCard);
    setScaleMode(legacy.doc, mum, OVERALL_SCALE_ID, 'private');
    await settle();
    expect(readBoard(room.doc).cards[samCard]).toBeUndefined();
    expect(rejections(legacy.received)).toMatchObject([{ rule: 'AC9' }]);
  });
});

describe('createUpdateGuard', () => {
  it('[AC19] refuses an update with missing parts, and judges the next one from a fresh copy', () => {
    const board = new Y.Doc();
    initBoard(board, { title: 'Review', createdAt: 1 });
    const guard = createUpdateGuard(board);
    const access = memberAccess('c1', 'family', 'mum');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(board));
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    addCard(client, mum, { category: 'harm' });
    setScaleMode(client, mum, OVERALL_SCALE_ID, 'private');
    const [card, mode] = updates as [Uint8Array, Uint8Array];
    expect(guard.check(mode, access)).toMatchObject({ ok: false, rule: 'AC19' });
    // Had the refused update stayed in the shadow, it would integrate now and be charged to this one.
    expect(guard.check(card, access)).toEqual({ ok: true });
  });
});
