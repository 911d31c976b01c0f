import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createMemoryStore } from './memoryStore.js';
import { decodeAwarenessUpdate, encodeAwarenessMessage, encodeQueryAwareness } from './protocol.js';
import { createRoom } from './room/room.js';
import { DEFAULT_LIMITS } from './room/rooms.js';
import {
  countFrames,
  createRecordingLogger,
  frameKind,
  joinClient,
  settle,
  viewerAccess,
  writerAccess,
} from './testing/harness.js';
import type { SocketPair } from './testing/socketPair.js';
import { createTestClient, type TestClient } from './testing/testClient.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.useRealTimers();
});

function setup(awarenessIntervalMs = 0) {
  const limits = { ...DEFAULT_LIMITS, awarenessIntervalMs };
  const room = createRoom({
    boardId: 'b',
    store: createMemoryStore(),
    limits,
    logger: createRecordingLogger(),
    now: () => Date.now(),
  });
  const pairs: SocketPair[] = [];
  cleanups.push(() => void room.unload());
  function join(options: { echo?: boolean; viewer?: boolean } = {}, existing?: TestClient) {
    const client = existing ?? createTestClient({ echoAwareness: options.echo ?? true });
    const id = `c${pairs.length + 1}`;
    const joined = joinClient(client, (socket) =>
      room.connect(socket, options.viewer ? viewerAccess(id) : writerAccess(id)),
    );
    pairs.push(joined.pair);
    cleanups.push(() => client.destroy());
    return { client, ...joined };
  }
  return { room, join, pairs, settle: () => settle(pairs, room.drained) };
}

/** The awareness entries in every awareness frame a client received since `from`. */
function awarenessReceived(client: TestClient, from = 0) {
  return client.received
    .slice(from)
    .filter((frame) => frameKind(frame) === 'awareness')
    .map((frame) => {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      const entries = decodeAwarenessUpdate(decoding.readVarUint8Array(decoder));
      if (!entries.ok) throw new Error(entries.reason);
      return entries.value;
    });
}

const stateOf = (viewer: TestClient, other: TestClient) =>
  viewer.awareness.getStates().get(other.doc.clientID);

describe('createAwarenessRelay', () => {
  // y-protocols applies an entry only when its clock is newer than the known one (0 for a
  // stranger), so a client's default `{}` at clock 0 is never shown: tests set a state first.
  it('[A3] sends a new connection the current states right after its sync step 1 reply', async () => {
    const { join, settle } = setup();
    const alice = join();
    alice.client.awareness.setLocalStateField('status', 'Alice');
    await settle();
    const bob = join();
    await settle();
    expect(bob.client.received.slice(0, 3).map(frameKind)).toEqual(['step2', 'step1', 'awareness']);
    expect(stateOf(bob.client, alice.client)).toMatchObject({ status: 'Alice' });
  });

  it('relays a change to the others but not back to the client it came from', async () => {
    const { join, settle } = setup();
    const alice = join();
    const bob = join();
    await settle();
    const marks = { alice: alice.client.received.length, bob: bob.client.received.length };
    alice.client.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    await settle();
    expect(stateOf(bob.client, alice.client)).toMatchObject({ cursor: { x: 1, y: 2 } });
    expect(countFrames(alice.client.received.slice(marks.alice), 'awareness')).toBe(0);
    expect(countFrames(bob.client.received.slice(marks.bob), 'awareness')).toBe(1);
  });

  it('[A3] removes a client’s state for everyone when its connection closes', async () => {
    const { join, settle, room } = setup();
    const alice = join();
    const bob = join();
    for (const { client } of [alice, bob]) client.awareness.setLocalStateField('status', 'someone');
    await settle();
    expect(stateOf(bob.client, alice.client)).toMatchObject({ status: 'someone' });
    alice.pair.client.close(1006, 'network gone'); // no goodbye message: the room must notice
    await settle();
    expect(stateOf(bob.client, alice.client)).toBeUndefined();
    expect([...room.awareness.states().keys()]).toEqual([bob.client.doc.clientID]);
  });

  it("[A1] drops an entry that tries to set another client's state", async () => {
    const { join, settle } = setup();
    const alice = join();
    const mallory = join();
    const bob = join();
    alice.client.awareness.setLocalStateField('status', 'Alice');
    await settle();
    const forged = new awarenessProtocol.Awareness(new Y.Doc());
    forged.clientID = alice.client.doc.clientID;
    for (let i = 0; i < 10; i++) forged.setLocalState({ name: `Mallory pretending, clock ${i}` });
    mallory.client.send(
      encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(forged, [alice.client.doc.clientID])),
    );
    await settle();
    forged.destroy();
    expect(stateOf(bob.client, alice.client)).toMatchObject({ status: 'Alice' });
    expect(mallory.pair.client.isOpen).toBe(true);
  });

  it("[A1] does not rebroadcast the official client's re-sending of every state it received", async () => {
    const { join, settle } = setup();
    const clients = [join(), join(), join(), join()];
    await settle();
    const marks = clients.map(({ client }) => client.received.length);
    clients[0]?.client.awareness.setLocalStateField('cursor', { x: 5, y: 5 });
    await settle();
    // Each other client hears the change exactly once, although all three echoed it back.
    expect(clients.map(({ client }, i) => countFrames(client.received.slice(marks[i]), 'awareness'))).toEqual(
      [0, 1, 1, 1],
    );
  });

  it("drops a client's answer to query-awareness, which repeats every state it knows", async () => {
    const { join, settle } = setup();
    const clients = [join(), join(), join()];
    for (const { client } of clients) client.awareness.setLocalStateField('status', 'someone');
    await settle();
    const marks = clients.map(({ client }) => client.received.length);
    const first = clients[0]?.client as TestClient;
    const everything = awarenessProtocol.encodeAwarenessUpdate(first.awareness, [
      ...first.awareness.getStates().keys(),
    ]);
    first.send(encodeAwarenessMessage(everything));
    await settle();
    expect(clients.map(({ client }, i) => countFrames(client.received.slice(marks[i]), 'awareness'))).toEqual(
      [0, 0, 0],
    );
  });

  it("does not let a re-sent copy of a departed client's state take its id, so it shows again on return", async () => {
    const { join, settle } = setup();
    const alice = join();
    alice.client.awareness.setLocalStateField('status', 'Alice');
    const quiet = createTestClient();
    quiet.awareness.setLocalState(null); // so its connection owns no id yet
    const bob = join({}, quiet);
    await settle();
    const heard = awarenessProtocol.encodeAwarenessUpdate(bob.client.awareness, [alice.client.doc.clientID]);
    alice.client.disconnect();
    await settle();
    bob.client.send(encodeAwarenessMessage(heard)); // late: the re-send of what it heard
    await settle();
    join({}, alice.client);
    alice.client.awareness.setLocalStateField('status', 'Alice again');
    await settle();
    expect(stateOf(bob.client, alice.client)).toMatchObject({ status: 'Alice again' });
  });

  it('[A3] answers query-awareness with every current state, to the asker only', async () => {
    const { join, settle } = setup();
    const alice = join();
    const bob = join({ viewer: true });
    alice.client.awareness.setLocalStateField('status', 'Alice');
    bob.client.awareness.setLocalStateField('status', 'Observer');
    await settle();
    const marks = { alice: alice.client.received.length, bob: bob.client.received.length };
    alice.client.send(encodeQueryAwareness());
    await settle();
    const [reply] = awarenessReceived(alice.client, marks.alice);
    expect(reply?.map((entry) => entry.clientId).sort()).toEqual(
      [alice.client.doc.clientID, bob.client.doc.clientID].sort(),
    );
    expect(countFrames(bob.client.received.slice(marks.bob), 'awareness')).toBe(0);
  });

  it('[A2] coalesces a burst: one broadcast per interval, and the last state always goes out', async () => {
    vi.useFakeTimers();
    const { join, pairs } = setup(30);
    const alice = join({ echo: false });
    const bob = join({ echo: false });
    const step = async (ms: number) => {
      for (const pair of pairs) pair.flush();
      await vi.advanceTimersByTimeAsync(ms);
      for (const pair of pairs) pair.flush();
    };
    await step(100);
    const mark = bob.client.received.length;
    for (let x = 1; x <= 10; x++) alice.client.awareness.setLocalStateField('cursor', { x });
    await step(0);
    expect(
      awarenessReceived(bob.client, mark).map((entries) =>
        entries.map((e) => (e.state as { cursor?: unknown } | null)?.cursor),
      ),
    ).toEqual([[{ x: 10 }]]);
    for (let x = 11; x <= 15; x++) {
      alice.client.awareness.setLocalStateField('cursor', { x });
      await step(5);
    }
    expect(awarenessReceived(bob.client, mark)).toHaveLength(1); // 25 ms since the last broadcast
    await step(5);
    const received = awarenessReceived(bob.client, mark);
    expect(received).toHaveLength(2);
    expect(received[1]?.[0]?.state).toMatchObject({ cursor: { x: 15 } });
    expect(stateOf(bob.client, alice.client)).toMatchObject({ cursor: { x: 15 } });
    await step(1_000);
    expect(awarenessReceived(bob.client, mark)).toHaveLength(2);
  });
});
