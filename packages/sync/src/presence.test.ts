import type { Role } from '@kinmap/model';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from './memoryStore.js';
import { decodeAwarenessUpdate } from './protocol.js';
import { createRoom } from './room/room.js';
import { DEFAULT_LIMITS } from './room/rooms.js';
import { createRecordingLogger, frameKind, joinClient, memberAccess, settle } from './testing/harness.js';
import type { SocketPair } from './testing/socketPair.js';
import { createTestClient, type TestClient } from './testing/testClient.js';

/**
 * Presence as the server relays it (SPEC [A5], [A6]): identity stamped from the connection, and no
 * professionals-only card named to a connection that may not open the restricted document.
 */

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const SHARED_CARD = 'cardShared01';
const SECRET_CARD = 'cardSecret9Zq';

async function setup() {
  const room = createRoom({
    boardId: 'b',
    store: createMemoryStore(),
    limits: { ...DEFAULT_LIMITS, awarenessIntervalMs: 0 },
    logger: createRecordingLogger(),
    now: () => Date.now(),
    checkPermissions: false,
  });
  cleanups.push(() => void room.unload());
  await room.change((doc) => doc.getMap('cards').set(SHARED_CARD, new Y.Map()));
  const pairs: SocketPair[] = [];
  function join(role: Role, memberId: string, displayName: string) {
    const client = createTestClient({ echoAwareness: true });
    const id = `c${pairs.length + 1}`;
    const joined = joinClient(client, (socket) =>
      room.connect(socket, { ...memberAccess(id, role, memberId), displayName }),
    );
    pairs.push(joined.pair);
    cleanups.push(() => client.destroy());
    return { client, ...joined };
  }
  return { room, join, settle: () => settle(pairs, room.drained) };
}

const stateOf = (viewer: TestClient, other: TestClient) =>
  viewer.awareness.getStates().get(other.doc.clientID) as Record<string, unknown> | undefined;

/** Every awareness state a client was sent, as the JSON text on the wire. */
function awarenessText(client: TestClient): string {
  return client.received
    .filter((frame) => frameKind(frame) === 'awareness')
    .map((frame) => {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      const entries = decodeAwarenessUpdate(decoding.readVarUint8Array(decoder));
      if (!entries.ok) throw new Error(entries.reason);
      return JSON.stringify(entries.value.map((e) => e.state));
    })
    .join('\n');
}

describe('presence identity [A5]', () => {
  it('[A5] a family member claiming to be the facilitator, and summoning, shows as themself and summons nobody', async () => {
    const { join, settle } = await setup();
    const family = join('family', 'mFamily', 'Alex');
    const facilitator = join('facilitator', 'mChair', 'Sam Chair');
    const wall = join('viewer', 'mWall', 'Wall');
    await settle();
    const view = { x: 100, y: 200, scale: 1 };
    family.client.awareness.setLocalState({
      participantId: 'mChair',
      name: 'Sam Chair',
      role: 'facilitator',
      viewport: view,
      summon: { at: 1, viewport: view },
      wall: { rect: { x: 0, y: 0, width: 1, height: 1 }, cards: [] },
    });
    facilitator.client.awareness.setLocalState({
      participantId: 'someoneElse',
      name: 'Not me',
      role: 'family',
      summon: { at: 2, viewport: view },
    });
    await settle();
    for (const watcher of [wall, facilitator]) {
      expect(stateOf(watcher.client, family.client)).toEqual({
        participantId: 'mFamily',
        name: 'Alex',
        role: 'family',
        viewport: view,
      });
    }
    // The facilitator's own summon stays; their identity is theirs whatever they sent.
    expect(stateOf(wall.client, facilitator.client)).toEqual({
      participantId: 'mChair',
      name: 'Sam Chair',
      role: 'facilitator',
      summon: { at: 2, viewport: view },
    });
  });

  it('[A5] without a name from the upgrade, the name is the board’s participant entry, never the client’s', async () => {
    const { room, join, settle } = await setup();
    await room.change((doc) => {
      const person = new Y.Map<unknown>();
      person.set('displayName', 'Pat from the board');
      doc.getMap('participants').set('mPat', person);
    });
    const pat = join('practitioner', 'mPat', 'x');
    const other = join('practitioner', 'mOther', 'y');
    const client = createTestClient({ echoAwareness: true });
    const { pair } = joinClient(client, (socket) =>
      room.connect(socket, memberAccess('c9', 'family', 'mPat')),
    );
    cleanups.push(() => client.destroy());
    await settle();
    client.awareness.setLocalState({ name: 'Forged', role: 'facilitator' });
    await settle();
    pair.flush();
    await settle();
    expect(stateOf(other.client, client)).toMatchObject({
      name: 'Pat from the board',
      role: 'family',
      participantId: 'mPat',
    });
    expect(pat.pair.client.isOpen).toBe(true);
  });
});

describe('presence never names a professionals-only card to the family side [A6]', () => {
  it('[A6] staff see a colleague’s restricted selection; family, network and viewers get null, live and on joining', async () => {
    const { join, settle } = await setup();
    const family = join('family', 'mFamily', 'Alex');
    const network = join('network', 'mNet', 'Sue');
    const wall = join('viewer', 'mWall', 'Wall');
    const colleague = join('facilitator', 'mChair', 'Sam Chair');
    const practitioner = join('practitioner', 'mPat', 'Pat');
    await settle();
    practitioner.client.awareness.setLocalState({
      selected: SECRET_CARD,
      editing: SECRET_CARD,
      focus: SECRET_CARD,
      hovered: [SECRET_CARD],
      cursor: { x: 1, y: 2 },
    });
    await settle();
    expect(stateOf(colleague.client, practitioner.client)).toMatchObject({
      selected: SECRET_CARD,
      editing: SECRET_CARD,
      focus: SECRET_CARD,
    });
    const late = join('family', 'mLate', 'Ria');
    await settle();
    for (const guest of [family, network, wall, late]) {
      expect(stateOf(guest.client, practitioner.client)).toMatchObject({
        selected: null,
        editing: null,
        focus: null,
        hovered: null,
        cursor: { x: 1, y: 2 },
        role: 'practitioner',
      });
      expect(awarenessText(guest.client)).not.toContain(SECRET_CARD);
    }
    // A shared card is named to everyone.
    practitioner.client.awareness.setLocalState({ selected: SHARED_CARD, editing: null });
    await settle();
    for (const guest of [family, network, wall, late]) {
      expect(stateOf(guest.client, practitioner.client)).toMatchObject({ selected: SHARED_CARD });
      expect(awarenessText(guest.client)).not.toContain(SECRET_CARD);
    }
  });
});

describe('frames (what a screen shows, as anchors) never name a professionals-only card either [A6]', () => {
  it('[A6] a frame’s card anchors reach the family side without restricted cards; staff get them as sent', async () => {
    const { join, settle } = await setup();
    const family = join('family', 'mFamily', 'Alex');
    const wall = join('viewer', 'mWall', 'Wall');
    const colleague = join('practitioner', 'mPat', 'Pat');
    const chair = join('facilitator', 'mChair', 'Sam Chair');
    await settle();
    const at = { x: 0, y: 0, width: 1, height: 1 };
    const frame = {
      rect: { x: 0, y: 0, width: 100, height: 100 },
      cards: [SHARED_CARD, SECRET_CARD],
      within: { kind: 'card', id: SECRET_CARD, at },
    };
    chair.client.awareness.setLocalState({
      frame,
      wall: frame,
      wallView: frame,
      summon: { at: 1, viewport: { x: 0, y: 0, scale: 1 }, frame },
    });
    await settle();
    expect(stateOf(colleague.client, chair.client)).toMatchObject({ frame, wall: frame });
    for (const guest of [family, wall]) {
      const seen = stateOf(guest.client, chair.client);
      for (const field of ['frame', 'wall', 'wallView'])
        expect(seen?.[field]).toMatchObject({ cards: [SHARED_CARD], within: null });
      expect((seen?.summon as { frame: unknown } | undefined)?.frame).toMatchObject({
        cards: [SHARED_CARD],
        within: null,
      });
      expect(awarenessText(guest.client)).not.toContain(SECRET_CARD);
    }
  });
});

describe('pointers (where someone points, as anchors) never name a professionals-only card either [A6]', () => {
  it('[A6] a pointer’s card anchor over a restricted card is removed for the family side; its section stays; staff get it as sent', async () => {
    const { join, settle } = await setup();
    const family = join('family', 'mFamily', 'Alex');
    const wall = join('viewer', 'mWall', 'Wall');
    const colleague = join('practitioner', 'mPat', 'Pat');
    const chair = join('facilitator', 'mChair', 'Sam Chair');
    await settle();
    const section = { kind: 'section', id: 'harm', at: { x: 0.5, y: 0.5 } };
    const overSecret = {
      x: 100,
      y: 200,
      board: { width: 1385, height: 2400 },
      on: [{ kind: 'card', id: SECRET_CARD, at: { x: 0.25, y: 0.5 } }, section],
    };
    chair.client.awareness.setLocalState({ cursor: overSecret });
    await settle();
    expect(stateOf(colleague.client, chair.client)).toMatchObject({ cursor: overSecret });
    for (const guest of [family, wall]) {
      expect(stateOf(guest.client, chair.client)?.cursor).toEqual({ ...overSecret, on: [section] });
      expect(awarenessText(guest.client)).not.toContain(SECRET_CARD);
    }

    // Over a shared card, everyone gets the card anchor.
    const overShared = {
      ...overSecret,
      on: [{ kind: 'card', id: SHARED_CARD, at: { x: 0.1, y: 0.9 } }, section],
    };
    chair.client.awareness.setLocalState({ cursor: overShared });
    await settle();
    for (const guest of [family, wall, colleague])
      expect(stateOf(guest.client, chair.client)?.cursor).toEqual(overShared);
  });

  it('[A6] an anchor of an unknown kind, or anchors that are not a list, never carry an id to the family side', async () => {
    const { join, settle } = await setup();
    const family = join('family', 'mFamily', 'Alex');
    const chair = join('facilitator', 'mChair', 'Sam Chair');
    await settle();
    const board = { width: 1385, height: 2400 };
    chair.client.awareness.setLocalState({
      cursor: {
        x: 1,
        y: 2,
        board,
        on: [
          { kind: 'note', id: SECRET_CARD },
          { kind: 'section', id: SECRET_CARD },
        ],
      },
    });
    await settle();
    expect(stateOf(family.client, chair.client)?.cursor).toEqual({ x: 1, y: 2, board, on: [] });
    chair.client.awareness.setLocalState({ cursor: { x: 1, y: 2, board, on: { card: SECRET_CARD } } });
    await settle();
    expect(stateOf(family.client, chair.client)?.cursor).toEqual({ x: 1, y: 2, board, on: [] });
    expect(awarenessText(family.client)).not.toContain(SECRET_CARD);
  });
});
