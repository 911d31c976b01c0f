import { mkdtempSync, rmSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addCard, type Role } from '@kinmap/model';
import { CloseCode, encodeSyncStep1 } from '@kinmap/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { closeEvent, opened, waitFor } from '../integration/helpers.js';
import {
  type CreatedBoard,
  createBoard,
  inviteMember,
  type MemberDevice,
  type ServerProcess,
  startServerProcess,
  ticketSyncUrl,
} from '../support/serverProcess.js';
import { connectOfficial, type Official } from './officialClient.js';

/** A generous deadline, so a broken bound fails the test instead of hanging it. */
function within<T>(promise: Promise<T>, what: string, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Upgrade attempts the flood makes, 50 at a time. */
const FLOOD_ATTEMPTS = 1500;

/** An official y-websocket client of one member, and the actor its model ops write as. */

describe('hostile and broken clients against the real server', () => {
  let dataDir: string;
  let server: ServerProcess;
  let board: CreatedBoard;
  let practitioner: MemberDevice;
  const cleanups: Array<() => void> = [];

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kinmap-hostile-'));
    // Default limits, as `pnpm start` runs: 20 new WebSockets/s per address, burst 40.
    server = await startServerProcess({ dataDir, metricsIntervalMs: 250 });
    board = await createBoard(server, 'Hostile');
    practitioner = await inviteMember(server.url, board, 'practitioner', 'Pat');
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const official = (device: MemberDevice, role: Role) =>
    connectOfficial(server, board.id, device, role, cleanups);

  /** A card added on `from` shows up on `to`: the two sessions still sync through the server. */
  async function stillSyncing(from: Official, to: Official, token: string): Promise<void> {
    const added = addCard(from.doc, from.actor, { category: 'harm', text: token });
    if (!added.ok) throw new Error(added.reason);
    const cards = to.doc.getMap('cards');
    await waitFor(() => cards.has(added.value.cardId), `card ${token} to reach the other client`, 30_000);
  }

  function raw(url: string, options: ConstructorParameters<typeof WebSocket>[2] = {}): WebSocket {
    const ws = new WebSocket(url, { perMessageDeflate: false, ...options });
    ws.on('error', () => {});
    cleanups.push(() => ws.terminate());
    return ws;
  }

  const connections = (): number => server.metrics().at(-1)?.connections ?? Number.NaN;

  it('[L4] a WebSocket that never sends its sync step 1 is closed with 4504, and a TCP peer that sends no request is dropped', async () => {
    const silent = raw(await ticketSyncUrl(server, board.id, practitioner));
    await opened(silent);
    // Below the WebSocket: a connection that never sends its HTTP request (the headers timeout).
    const tcp: Socket = connectTcp(Number(new URL(server.url).port), '127.0.0.1');
    cleanups.push(() => tcp.destroy());
    const tcpClosed = new Promise<void>((resolve) => tcp.once('close', () => resolve()));
    tcp.on('error', () => {});
    tcp.resume();
    const closed = await within(closeEvent(silent), 'the silent socket to be closed');
    expect(closed).toEqual({ code: CloseCode.handshakeTimeout, reason: 'no sync step 1 in time' });
    await waitFor(() => connections() === 0, 'the room to forget the silent socket', 10_000);
    await within(tcpClosed, 'the silent TCP peer to be dropped'); // headersTimeout: 10 s
    expect(server.running()).toBe(true);
  });

  it('[L2] a client that stops reading is closed with 4503 once 8 MiB wait for it; memory stays bounded; the others sync on', async () => {
    const facilitator = await official(board, 'facilitator');
    const colleague = await official(practitioner, 'practitioner');
    const family = await inviteMember(server.url, board, 'family', 'Alex');
    const slow = raw(await ticketSyncUrl(server, board.id, family));
    await opened(slow);
    slow.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => connections() === 3, 'three connections');
    const baselineMiB = server.memory().rssMiB;
    // The phone stops reading (its TCP window fills); ws exposes its socket only as `_socket`.
    (slow as unknown as { _socket: Socket })._socket.pause();
    // The facilitator's presence changes ~50 times a second with a 200 kB state: 10 MB/s to each peer.
    let moves = 0;
    const bulk = 'x'.repeat(200_000);
    const mover = setInterval(() => {
      facilitator.provider.awareness.setLocalStateField('note', `${moves++}${bulk}`);
    }, 20);
    cleanups.push(() => clearInterval(mover));
    let peakMiB = baselineMiB;
    await waitFor(
      () => {
        peakMiB = Math.max(peakMiB, server.memory().rssMiB);
        return connections() === 2;
      },
      'the server to close the slow consumer',
      60_000,
    );
    clearInterval(mover);
    const closed = closeEvent(slow);
    (slow as unknown as { _socket: Socket })._socket.resume();
    expect((await within(closed, 'the slow consumer to hear its close')).code).toBe(CloseCode.slowConsumer);
    // What it held was the 8 MiB bound plus the frames in flight, not the whole stream.
    console.log(`[slow consumer] rss baseline ${baselineMiB.toFixed(1)} MiB, peak ${peakMiB.toFixed(1)} MiB`);
    expect(peakMiB - baselineMiB).toBeLessThan(256);
    await stillSyncing(colleague, facilitator, 'after the slow consumer');
    await stillSyncing(facilitator, colleague, 'both ways');
    expect([facilitator.closes, colleague.closes]).toEqual([[], []]);
  });

  it('[L3] a flood of connections from one address gets 429 before the upgrade; established sessions and other addresses carry on', async () => {
    const facilitator = await official(board, 'facilitator');
    const colleague = await official(practitioner, 'practitioner');
    const url = `${server.wsUrl}/${board.id}`; // no ticket: whoever gets past the limiter is refused 401
    const statuses = new Map<number, number>();
    const attempt = (): Promise<void> =>
      new Promise((resolve) => {
        const ws = new WebSocket(url, { perMessageDeflate: false });
        ws.on('error', () => resolve());
        ws.on('unexpected-response', (_request, response) => {
          const status = response.statusCode ?? 0;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          response.resume();
          ws.terminate();
          resolve();
        });
        ws.on('open', () => {
          statuses.set(101, (statuses.get(101) ?? 0) + 1);
          ws.terminate();
          resolve();
        });
      });
    const started = performance.now();
    let flooding = true;
    let edits = 0;
    const editing = (async () => {
      // The two sessions keep editing each other's way while the flood runs.
      while (flooding || edits === 0) {
        const [from, to] = edits % 2 ? [facilitator, colleague] : [colleague, facilitator];
        await stillSyncing(from, to, `e${edits}`);
        edits++;
      }
    })();
    let launched = 0;
    const lanes = Array.from({ length: 50 }, async () => {
      while (launched++ < FLOOD_ATTEMPTS) await attempt();
    });
    await Promise.all(lanes);
    const seconds = (performance.now() - started) / 1000;
    flooding = false;
    await editing;
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    const passed = total - (statuses.get(429) ?? 0);
    console.log(
      `[flood] ${total} upgrade attempts in ${seconds.toFixed(1)} s (${Math.round(total / seconds)}/s):`,
      Object.fromEntries(statuses),
      `; ${edits} edits synced meanwhile`,
    );
    expect(total).toBe(FLOOD_ATTEMPTS);
    expect(statuses.get(101)).toBeUndefined();
    // The bucket lets through its burst and its refill, nothing more (+1 for a refill in flight).
    expect(passed).toBeLessThanOrEqual(40 + 20 * seconds + 1);
    expect(statuses.get(429)).toBeGreaterThan(0);
    expect(edits).toBeGreaterThan(0);
    expect([facilitator.closes, colleague.closes]).toEqual([[], []]);
    // Counted per address: another address (loopback has the whole 127/8) is not limited by it.
    const elsewhere = raw(await ticketSyncUrl(server, board.id, practitioner), { localAddress: '127.0.0.2' });
    await within(opened(elsewhere), 'a connection from another address');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
