// Test-only (excluded from the build): rooms over in-memory socket pairs, driven by fake timers.
import { afterEach, beforeEach, vi } from 'vitest';
import { createMemoryStore } from '../memoryStore.js';
import type { DocStore, RoomLimits } from '../roomContracts.js';
import { createRecordingLogger, joinClient, writerAccess } from '../testing/harness.js';
import type { SocketPair } from '../testing/socketPair.js';
import { createTestClient, type TestClient } from '../testing/testClient.js';
import { createRooms } from './rooms.js';

/**
 * Installs fake timers for each test of the calling file and returns `setup`, which makes rooms
 * whose clients are destroyed after the test. Call it once at the top of a test file.
 */
export function roomsFixture() {
  const cleanups: Array<() => void> = [];
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    vi.useRealTimers();
  });

  return function setup(options: { store?: DocStore; limits?: Partial<RoomLimits> } = {}) {
    const store = options.store ?? createMemoryStore();
    const logger = createRecordingLogger();
    // These tests write arbitrary Yjs content; the permission guard is tested in updateGuard.test.ts.
    const rooms = createRooms({
      store,
      logger,
      limits: { awarenessIntervalMs: 0, ...options.limits },
      checkPermissions: false,
    });
    const pairs: SocketPair[] = [];
    function join(boardId = 'board-1', client: TestClient = createTestClient()) {
      const joined = joinClient(client, (socket) =>
        rooms.connect(boardId, socket, writerAccess(`c${pairs.length + 1}`)),
      );
      pairs.push(joined.pair);
      cleanups.push(() => client.destroy());
      return { client, ...joined };
    }
    /** Moves frames and runs due timers and storage promises until nothing moves. */
    async function pump(ms = 0) {
      await settle();
      if (ms === 0) return;
      await vi.advanceTimersByTimeAsync(ms);
      await settle();
    }
    async function settle() {
      for (let round = 0; round < 100; round++) {
        let moved = 0;
        for (const pair of pairs) moved += pair.flush();
        await vi.advanceTimersByTimeAsync(0);
        if (moved === 0 && pairs.every((pair) => pair.pending() === 0)) return;
      }
      throw new Error('never settled');
    }
    return { store, logger, rooms, join, pump };
  };
}
