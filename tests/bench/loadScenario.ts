import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { addCard, asParticipantId, editCardText } from '@kinmap/model';
import type * as Y from 'yjs';
import { createBoard, type ServerProcess } from '../support/serverProcess.js';
import { percentile, round, sleep } from './stats.js';
import { WireClient } from './wireClient.js';

export interface LoadParams {
  readonly boards: number;
  readonly clientsPerBoard: number;
  readonly writersPerBoard: number;
  readonly editsPerSecond: number;
  /** Receivers per board that apply every update to a real Y.Doc and measure latency; the rest only count frames. */
  readonly measuringReceiversPerBoard: number;
  readonly warmupMs: number;
  readonly measureMs: number;
}

export interface LoadResult {
  readonly params: LoadParams;
  readonly latencyMs: { p50: number; p95: number; p99: number; samples: number };
  readonly deliveredUpdatesPerSecond: number;
  readonly editsPerSecond: number;
  readonly serverPeakRssMiB: number;
  readonly serverRssAfterMiB: number;
  readonly generatorLoopDelayP99Ms: number;
}

/**
 * R boards x C clients; W writers per board each make one edit (a character typed into a card's text,
 * plus a stamp of when it was made) at a fixed rate. Latency is edit -> applied in another client's Y.Doc.
 */
export async function runLoad(server: ServerProcess, params: LoadParams): Promise<LoadResult> {
  const clients: WireClient[] = [];
  const writers: WireClient[] = [];
  const samples: number[] = [];
  let measuring = false;
  for (let b = 0; b < params.boards; b++) {
    const board = await createBoard(server.url, `Load board ${b}`);
    for (let c = 0; c < params.clientsPerBoard; c++) {
      const isWriter = c < params.writersPerBoard;
      const measures = !isWriter && c < params.writersPerBoard + params.measuringReceiversPerBoard;
      const token = isWriter ? board.tokens.practitioner : board.tokens.family;
      const client = new WireClient({
        url: `${server.wsUrl}/${board.id}?token=${token}`,
        applyDoc: isWriter || measures,
      });
      if (measures) observeStamps(client.doc, (ms) => measuring && samples.push(ms));
      clients.push(client);
      if (isWriter) writers.push(client);
    }
    await Promise.all(clients.slice(-params.clientsPerBoard).map((client) => client.whenSynced()));
  }
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  const timers = writers.map((writer, i) => startWriter(writer, i, params.editsPerSecond));
  await sleep(params.warmupMs);
  const receivedBefore = sumUpdates(clients);
  measuring = true;
  loopDelay.enable();
  const started = performance.now();
  await sleep(params.measureMs);
  measuring = false;
  loopDelay.disable();
  const seconds = (performance.now() - started) / 1000;
  const delivered = sumUpdates(clients) - receivedBefore;
  for (const timer of timers) clearInterval(timer);
  const peak = server.memory().peakMiB;
  for (const client of clients) client.close();
  await sleep(1000);
  return {
    params,
    latencyMs: {
      p50: round(percentile(samples, 50)),
      p95: round(percentile(samples, 95)),
      p99: round(percentile(samples, 99)),
      samples: samples.length,
    },
    deliveredUpdatesPerSecond: Math.round(delivered / seconds),
    editsPerSecond: writers.length * params.editsPerSecond,
    serverPeakRssMiB: round(peak, 1),
    serverRssAfterMiB: round(server.memory().rssMiB, 1),
    generatorLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6),
  };
}

/** A writer types into its own card through the model, one character per edit, with a stamp in the same transaction. */
function startWriter(writer: WireClient, index: number, rate: number): NodeJS.Timeout {
  const actor = { participantId: asParticipantId(`bench-writer-${index}`), role: 'practitioner' } as const;
  const added = addCard(writer.doc, actor, { category: 'harm', text: '' });
  if (!added.ok) throw new Error(`bench card not added: ${added.reason}`);
  const { cardId } = added.value;
  const stamps = writer.doc.getMap<number>('bench-stamps');
  let typed = 0;
  return setInterval(() => {
    writer.doc.transact(() => {
      editCardText(writer.doc, actor, cardId, { index: typed++, deleteCount: 0, insert: 'x' });
      stamps.set(`${writer.doc.clientID}`, performance.now());
    });
  }, 1000 / rate);
}

function observeStamps(doc: Y.Doc, record: (ms: number) => void): void {
  const stamps = doc.getMap<number>('bench-stamps');
  stamps.observe((event) => {
    if (event.transaction.local) return;
    const now = performance.now();
    for (const key of event.keysChanged) {
      const at = stamps.get(key);
      if (typeof at === 'number') record(now - at);
    }
  });
}

const sumUpdates = (clients: readonly WireClient[]): number =>
  clients.reduce((total, client) => total + client.updatesReceived, 0);
