import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { waitFor } from '../integration/helpers.js';
import {
  createBoard,
  freePort,
  inviteMember,
  type ServerProcess,
  startServerProcess,
} from '../support/serverProcess.js';
import {
  connectEditingClient,
  type EditingClient,
  type Member,
  seededRandom,
  storedTokens,
  tokensOfDoc,
} from './editingClient.js';

// kill -9 of the REAL server process under load, restarted on the same data directory and port.
// Seeded: KILL_SEED=<n> replays a run; KILLS=<n> changes how many kills (bounded: default 5);
// KILL_LOG=<file> keeps the server's log lines.
const SEED = Number(process.env.KILL_SEED ?? 20240506);
const KILLS = Number(process.env.KILLS ?? 5);
const output = process.env.KILL_LOG ? createWriteStream(process.env.KILL_LOG) : undefined;
const DATABASE = 'kinmap.sqlite';
/** How long a wait may take: it only guards against a hang, it is not a measured bound. */
const WAIT_MS = 60_000;

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two boards: four members editing one, two the other. */
async function meeting(server: ServerProcess) {
  const boards = [await createBoard(server, 'Kill loop A'), await createBoard(server, 'Kill loop B')];
  const members: Array<{ boardId: string; member: Member }> = [];
  for (const [index, board] of boards.entries()) {
    members.push({ boardId: board.id, member: { ...board, role: 'facilitator' } });
    const roles = index === 0 ? (['practitioner', 'family', 'network'] as const) : (['family'] as const);
    for (const role of roles) {
      const device = await inviteMember(server.url, board, role, `Member ${role}`);
      members.push({ boardId: board.id, member: { ...device, role } });
    }
  }
  return { boardIds: boards.map((board) => board.id), members };
}

describe('kill -9 under load', () => {
  it('loses nothing any client received, and every client converges with all it typed', async () => {
    const started = performance.now();
    const random = seededRandom(SEED);
    const dataDir = mkdtempSync(join(tmpdir(), 'kinmap-kill-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    let server = await startServerProcess({ dataDir, port, ...(output ? { output } : {}) });
    cleanups.push(() => server.kill());
    const { boardIds, members } = await meeting(server);
    const clients: EditingClient[] = members.map(({ boardId, member }, i) =>
      connectEditingClient({ name: `c${i}`, serverUrl: server.url, boardId, member }),
    );
    cleanups.push(() => {
      for (const client of clients) client.destroy();
    });
    await waitFor(() => clients.every((client) => client.provider.synced), 'the first sync', WAIT_MS);

    // Each client types at its own random pace, also while the server is down (offline edits).
    let editing = true;
    const typing = clients.map(async (client) => {
      while (editing) {
        client.edit(random);
        await sleep(20 + random() * 60);
      }
    });

    let checked = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      await sleep(300 + random() * 1_200);
      await server.kill();
      // Whatever any client received from the server must be in the store: it was stored first.
      for (const boardId of boardIds) {
        const stored = await storedTokens(join(dataDir, DATABASE), boardId);
        const received = new Set(
          clients.filter((c) => c.boardId === boardId).flatMap((c) => [...c.received]),
        );
        expect([...received].filter((token) => !stored.has(token))).toEqual([]);
        checked += received.size;
      }
      await sleep(random() * 500);
      server = await startServerProcess({ dataDir, port, staff: null, ...(output ? { output } : {}) });
    }

    editing = false;
    await Promise.all(typing);
    // Every client that stayed open re-sends what the server lacks; the boards converge.
    const converged = (boardId: string) => allHoldAllTyped(clients.filter((c) => c.boardId === boardId));
    await waitFor(() => boardIds.every(converged), 'every client to hold every typed token', WAIT_MS);
    for (const boardId of boardIds) {
      const [first, ...rest] = clients.filter((client) => client.boardId === boardId);
      const vector = Y.encodeStateVector(first?.doc ?? new Y.Doc());
      for (const client of rest) expect(Y.encodeStateVector(client.doc)).toEqual(vector);
    }
    // And the server stored it all: read back from the data directory after a clean stop.
    for (const client of clients) client.provider.disconnect();
    await server.stop();
    let typedTotal = 0;
    for (const boardId of boardIds) {
      const stored = await storedTokens(join(dataDir, DATABASE), boardId);
      const typed = clients.filter((c) => c.boardId === boardId).flatMap((c) => [...c.typed]);
      expect(typed.filter((token) => !stored.has(token))).toEqual([]);
      typedTotal += typed.length;
    }
    // No client was refused (44xx) or failed by the store (4500) on its way back.
    const codes = clients.flatMap((client) => client.closeCodes);
    expect(codes.filter((code) => code >= 4400)).toEqual([]);
    console.info(
      `kill loop: seed ${SEED}, ${KILLS} kills, ${clients.length} clients, ${typedTotal} tokens typed, ` +
        `${checked} received tokens checked against the store after the kills, ` +
        `close codes ${JSON.stringify(countBy(codes))}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});

describe('graceful shutdown during a meeting', () => {
  it('closes every client with 1001; they keep reconnecting, and resync with the restarted server', async () => {
    const random = seededRandom(SEED + 1);
    const dataDir = mkdtempSync(join(tmpdir(), 'kinmap-sigterm-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    let server = await startServerProcess({ dataDir, port });
    cleanups.push(() => server.kill());
    const board = await createBoard(server, 'Review meeting');
    const family = await inviteMember(server.url, board, 'family', 'Member family');
    const clients = [
      connectEditingClient({
        name: 'c0',
        serverUrl: server.url,
        boardId: board.id,
        member: { ...board, role: 'facilitator' },
      }),
      connectEditingClient({
        name: 'c1',
        serverUrl: server.url,
        boardId: board.id,
        member: { ...family, role: 'family' },
      }),
    ];
    cleanups.push(() => {
      for (const client of clients) client.destroy();
    });
    await waitFor(() => clients.every((client) => client.provider.synced), 'the first sync', WAIT_MS);
    for (let i = 0; i < 5; i++) for (const client of clients) client.edit(random);
    await waitFor(() => allHoldAllTyped(clients), 'both clients to see every edit', WAIT_MS);

    await server.stop();
    for (const client of clients) {
      expect(client.closeCodes).toEqual([1001]);
      // Not a final close: the provider is trying to reconnect (the web shows "offline", not an error).
      expect(client.finalCloses).toEqual([]);
      expect(client.provider.shouldConnect).toBe(true);
    }
    // A graceful stop flushed everything acknowledged: the store holds every edit made so far.
    const typedBefore = clients.flatMap((client) => [...client.typed]);
    const stored = await storedTokens(join(dataDir, DATABASE), board.id);
    expect(typedBefore.filter((token) => !stored.has(token))).toEqual([]);
    // Edits made while the server is away are sent once it is back on the same port.
    for (let i = 0; i < 3; i++) for (const client of clients) client.edit(random);
    server = await startServerProcess({ dataDir, port, staff: null });
    await waitFor(() => allHoldAllTyped(clients), 'the clients to resync with the restarted server', WAIT_MS);
    for (const client of clients) expect(client.finalCloses).toEqual([]);
  });
});

/** Every client is synced and holds exactly the tokens all of them typed. */
function allHoldAllTyped(clients: readonly EditingClient[]): boolean {
  const typed = new Set(clients.flatMap((client) => [...client.typed]));
  return clients.every((client) => {
    const tokens = tokensOfDoc(client.doc);
    return client.provider.synced && tokens.size === typed.size && [...typed].every((t) => tokens.has(t));
  });
}

function countBy(values: readonly number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
