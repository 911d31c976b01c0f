import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addCard } from '@kinmap/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  boardWithMembers,
  closeEvent,
  connectByTicket,
  opened,
  type Person,
  syncUrl,
  ticketFor,
  waitFor,
} from '../integration/helpers.js';
import type { GcReading } from './gcServer.js';

// Issue 12: "memory after a hostile run stayed at 1.3 GB after every board unloaded (83 MB before)".
// Is it a leak? The server runs in a child with --expose-gc; after each hostile round every client
// leaves, every board unloads, and the readings are taken after forced full collections. A leak
// shows as retained objects (rooms, sockets, tickets) or a heap that grows round after round; memory
// the allocator keeps shows as RSS above a heap that is back at its baseline.

const ROUNDS = Number(process.env.MEMORY_ROUNDS ?? 2);
const BOARDS_PER_ROUND = 6;
const CARDS_PER_BOARD = 30;
/** Near the 20,000-character bound of a card's text. */
const CARD_TEXT = 'x'.repeat(19_000);
/** A large presence state, as a hostile client sends it (each one is relayed to the board). */
const AWARENESS_NOTE = 'y'.repeat(200_000);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

describe('memory after a hostile run (real server, forced GC)', () => {
  let child: ChildProcess;
  let server: { url: string; setupCode: string | null };
  let dataDir: string;
  const readings: GcReading[] = [];
  let pending: ((reading: GcReading) => void) | null = null;

  const measure = (): Promise<GcReading> =>
    new Promise((resolve) => {
      pending = resolve;
      child.send({ kind: 'measure' });
    });
  /** Five readings; the median of each figure. */
  const settled = async (): Promise<GcReading> => {
    const taken: GcReading[] = [];
    for (let i = 0; i < 5; i++) taken.push(await measure());
    const pick = (key: keyof Omit<GcReading, 'retained'>) => median(taken.map((reading) => reading[key]));
    return {
      rssMiB: pick('rssMiB'),
      heapUsedMiB: pick('heapUsedMiB'),
      heapTotalMiB: pick('heapTotalMiB'),
      externalMiB: pick('externalMiB'),
      arrayBuffersMiB: pick('arrayBuffersMiB'),
      rssBeforeGcMiB: (taken[0] as GcReading).rssBeforeGcMiB,
      peakRssMiB: pick('peakRssMiB'),
      retained: (taken.at(-1) as GcReading).retained,
    };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kinmap-memory-'));
    child = fork(fileURLToPath(new URL('./gcServer.ts', import.meta.url)), [], {
      // tsx is the tests package's: resolved from its folder.
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...process.env, KINMAP_DATA_DIR: dataDir },
    });
    server = await new Promise((resolve) => {
      child.on(
        'message',
        (message: { kind: string; url?: string; setupCode?: string | null; reading?: GcReading }) => {
          if (message.kind === 'ready')
            resolve({ url: message.url ?? '', setupCode: message.setupCode ?? null });
          if (message.kind === 'reading' && message.reading) pending?.(message.reading);
        },
      );
    });
  });
  afterAll(async () => {
    child.send({ kind: 'stop' });
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Boards filled with large cards, huge presence states, frames over the room's cap; then everyone leaves. */
  async function hostileRound(round: number): Promise<void> {
    const leave: Array<() => void> = [];
    let lastBoard = { boardId: '', family: null as unknown as Person };
    for (let b = 0; b < BOARDS_PER_ROUND; b++) {
      const board = await boardWithMembers({ ...server } as never, `Round ${round} board ${b}`, ['family']);
      lastBoard = board;
      const writer = await connectByTicket(server, board.boardId, board.facilitator);
      const reader = await connectByTicket(server, board.boardId, board.family);
      leave.push(() => {
        for (const client of [writer, reader]) {
          client.provider.destroy();
          client.doc.destroy();
        }
      });
      await waitFor(() => writer.provider.synced && reader.provider.synced, 'both clients to sync', 60_000);
      for (let c = 0; c < CARDS_PER_BOARD; c++) {
        const added = addCard(writer.doc, board.facilitator.actor, { category: 'harm', text: CARD_TEXT });
        if (!added.ok) throw new Error(added.reason);
      }
      for (let n = 0; n < 10; n++) {
        writer.provider.awareness.setLocalStateField('note', `${n}${AWARENESS_NOTE}`);
        reader.provider.awareness.setLocalStateField('note', `${n}${AWARENESS_NOTE}`);
      }
      await waitFor(
        () => reader.doc.getMap('cards').size >= CARDS_PER_BOARD,
        'the cards to reach the reader',
        60_000,
      );
      await oversizedFrame(board.boardId, board.family, 2 * 2 ** 20);
    }
    // Frames just under the transport's 16 MiB cap, eight at once: `ws` assembles each before the
    // room refuses it (over its 1 MiB cap). This is what makes the process's RSS jump.
    await Promise.all(
      Array.from({ length: 8 }, () => oversizedFrame(lastBoard.boardId, lastBoard.family, 15 * 2 ** 20)),
    );
    for (const go of leave) go();
  }

  /** A frame over the room's 1 MiB cap: the server closes the socket with 4413. */
  async function oversizedFrame(boardId: string, who: Person, bytes: number): Promise<void> {
    const ws = new WebSocket(`${syncUrl(server)}/${boardId}?ticket=${await ticketFor(server, boardId, who)}`);
    ws.on('error', () => {});
    await opened(ws);
    const closed = closeEvent(ws);
    ws.send(Buffer.alloc(bytes, 1));
    // Under load a 15 MiB frame may still be arriving when the 10 s handshake bound ends it (4504).
    expect([4413, 4504]).toContain((await closed).code);
  }

  it('after every round and every board unloaded nothing is retained and the heap is back at its baseline', async () => {
    const baseline = await settled();
    readings.push(baseline);
    for (let round = 1; round <= ROUNDS; round++) {
      await hostileRound(round);
      // Every client gone, every board unloaded (after 100 ms idle here).
      let reading = await measure();
      for (
        let tries = 0;
        tries < 600 && (reading.retained.rooms > 0 || reading.retained.connections > 0);
        tries++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        reading = await measure();
      }
      readings.push(await settled());
    }
    console.log('[memory] MiB after forced GC (median of 5): baseline, then after each round');
    for (const [i, r] of readings.entries()) {
      console.log(
        `[memory] ${i === 0 ? 'baseline' : `round ${i}`}: rss ${r.rssMiB}, heapUsed ${r.heapUsedMiB}, ` +
          `heapTotal ${r.heapTotalMiB}, external ${r.externalMiB}, arrayBuffers ${r.arrayBuffersMiB}; ` +
          `rss before GC ${r.rssBeforeGcMiB}, peak rss ${r.peakRssMiB}; ` +
          `retained ${JSON.stringify(r.retained)}`,
      );
    }
    const last = readings.at(-1) as GcReading;
    const first = readings[1] as GcReading;
    // Retained objects: counted, not timed. Tickets each live ≤ 60 s, so some may still be outstanding.
    expect({ ...last.retained, tickets: 0 }).toEqual({
      rooms: 0,
      connections: 0,
      liveSockets: 0,
      tickets: 0,
      upgraded: 0,
    });
    // No growth from round to round: what one round left, the next did not add to (a leak would).
    expect(last.heapUsedMiB - first.heapUsedMiB).toBeLessThan(8);
    expect(last.heapUsedMiB - baseline.heapUsedMiB).toBeLessThan(24);
  }, 600_000);
});
