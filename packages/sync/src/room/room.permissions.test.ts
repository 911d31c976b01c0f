import { addCard } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { encodeUpdate, MessageType } from '../protocol.js';
import { CloseCode, type SocketLike } from '../roomContracts.js';
import { viewerAccess, writerAccess } from '../testing/harness.js';
import { cleanUpAfterEach, frameOf, parent, setup } from './room.fixture.js';

cleanUpAfterEach();

describe('createRoom: permissions and bad input', () => {
  it("[P1] drops a viewer's update and never stores it, while its awareness flows and step 1 is answered", async () => {
    const { join, settle, store, room } = setup();
    const writer = join(writerAccess('writer'));
    const viewer = join(viewerAccess('viewer'));
    viewer.client.awareness.setLocalStateField('status', 'Observer');
    await settle();
    expect(viewer.client.synced).toBe(true);
    viewer.client.doc.getMap('meta').set('title', 'vandalised');
    await settle();
    expect(room.doc.getMap('meta').get('title')).toBeUndefined();
    expect(writer.client.doc.getMap('meta').get('title')).toBeUndefined();
    expect(await store.pendingCount('board-1')).toBe(0);
    expect(viewer.pair.client.isOpen).toBe(true);
    expect(writer.client.awareness.getStates().get(viewer.client.doc.clientID)).toMatchObject({
      status: 'Observer',
    });
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
    expect(watcher.client.awareness.getStates().get(movers[0]!.client.doc.clientID)).toMatchObject({
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
