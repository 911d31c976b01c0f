import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../memoryStore.js';
import { encodeKeepalive } from '../protocol.js';
import { createRecordingLogger, joinClient, memberAccess } from '../testing/harness.js';
import { createTestClient } from '../testing/testClient.js';
import { createRoom } from './room.js';
import { DEFAULT_LIMITS } from './rooms.js';

/** [L6] A connection that was sent nothing for a whole interval is sent an empty awareness frame. */

afterEach(() => vi.useRealTimers());

const isKeepalive = (frame: Uint8Array) => frame.join() === encodeKeepalive().join();

describe('keepalive [L6]', () => {
  it('[L6] a quiet connection gets one empty frame per quiet interval; one that was sent something gets none', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const room = createRoom({
      boardId: 'b:restricted',
      store: createMemoryStore(),
      limits: { ...DEFAULT_LIMITS, keepaliveMs: 10_000 },
      logger: createRecordingLogger(),
      now: () => Date.now(),
      checkPermissions: false,
    });
    await room.loaded;
    const quiet = createTestClient();
    const { pair } = joinClient(quiet, (socket) =>
      room.connect(socket, memberAccess('c1', 'practitioner', 'm1')),
    );
    pair.flush();
    const before = quiet.received.length;
    // The first tick after the handshake: it was sent its sync answer in that interval.
    await vi.advanceTimersByTimeAsync(10_000);
    pair.flush();
    expect(quiet.received.slice(before).filter(isKeepalive)).toHaveLength(0);
    for (let i = 0; i < 6; i++) {
      await vi.advanceTimersByTimeAsync(10_000);
      pair.flush();
    }
    const frames = quiet.received.slice(before);
    expect(frames.filter(isKeepalive)).toHaveLength(6);
    // It changes nothing the client holds.
    expect(quiet.awareness.getStates().size).toBe(1);
    await room.unload();
    quiet.destroy();
  });
});
