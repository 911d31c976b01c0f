import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Fixture } from './helpers.js';

/**
 * [L6] A quiet socket stays open. The official client drops a socket that received nothing for
 * 30 s and reconnects; in a professionals-only room nobody publishes presence, so a staff browser
 * reconnected its restricted socket about every 33 s. The clock is simulated (the server's and the
 * client's intervals and `Date`); the test counts connections, it measures no time.
 */

let fixture: Fixture | null = null;
afterEach(async () => {
  vi.useRealTimers();
  await fixture?.cleanup();
});

/**
 * The simulated clock must be in place before lib0 (under yjs and y-websocket) reads `Date.now`
 * once at load, so everything but vitest is imported here, after `vi.useFakeTimers`.
 */
async function loadWithSimulatedClock() {
  // Intervals and Date are simulated; timeouts and I/O stay real, so sockets work.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  const [helpers, { WebSocket }, { WebsocketProvider }, Y] = await Promise.all([
    import('./helpers.js'),
    import('ws'),
    import('y-websocket'),
    import('yjs'),
  ]);
  return { ...helpers, WebSocket, WebsocketProvider, Y };
}

/** Lets real sockets move frames between two steps of the simulated clock. */
const letFramesMove = () => new Promise<void>((resolve) => setTimeout(resolve, 15));

describe('a quiet connection stays open [L6]', () => {
  it('[L6] a staff browser’s professionals-only socket is opened once over five simulated minutes', async () => {
    const { Fixture, boardWithMembers, syncUrl, waitFor, WebSocket, WebsocketProvider, Y } =
      await loadWithSimulatedClock();
    fixture = new Fixture();
    // The ws ping heartbeat is left out of the way: this is about what the client counts.
    const server = await fixture.start({ heartbeatMs: 24 * 60 * 60 * 1000 });
    const { boardId, facilitator } = await boardWithMembers(server, 'Case 3301');
    /** The browser's socket: the session cookie and this site's Origin, as the web app connects. */
    class BrowserSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { Cookie: facilitator.cookie, Origin: server.url } });
      }
    }
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(syncUrl(server), `${boardId}/restricted`, doc, {
      WebSocketPolyfill: BrowserSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    // As the web app's restricted board does: no presence of its own there.
    provider.awareness.setLocalState(null);
    let opened = 0;
    let closed = 0;
    provider.on('status', ({ status }) => {
      if (status === 'connected') opened++;
      if (status === 'disconnected') closed++;
    });
    try {
      await waitFor(() => provider.synced, 'the first sync');
      for (let step = 0; step < 100; step++) {
        await vi.advanceTimersByTimeAsync(3_000);
        await letFramesMove();
      }
      expect(closed).toBe(0);
      expect(opened).toBe(1);
      expect(provider.wsconnected).toBe(true);
    } finally {
      provider.destroy();
      doc.destroy();
    }
  }, 60_000);
});
