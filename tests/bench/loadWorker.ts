import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { addCard, asParticipantId, editCardText } from '@kinmap/model';
import type * as Y from 'yjs';
import type { CreatedBoard } from '../support/serverProcess.js';
import { WireClient } from './wireClient.js';

/** What the bench gives one load process: its share of the boards (its first IPC message). */
export interface LoadWorkerData {
  readonly wsUrl: string;
  readonly boards: readonly CreatedBoard[];
  readonly clientsPerBoard: number;
  readonly writersPerBoard: number;
  readonly editsPerSecond: number;
  readonly measuringReceiversPerBoard: number;
}

export type LoadWorkerCommand = 'write' | 'measure' | 'stop';
export type LoadWorkerReport =
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'measured';
      readonly samples: number[];
      readonly delivered: number;
      readonly loopDelayP99Ms: number;
    };

// Writers and the receivers that measure them share this process, so one clock stamps and reads.
const send = (report: LoadWorkerReport): void => {
  if (!process.send) throw new Error('loadWorker runs as a forked child with IPC');
  process.send(report);
};
const data = await new Promise<LoadWorkerData>((resolve) => process.once('message', resolve));

const clients: WireClient[] = [];
const writers: WireClient[] = [];
const samples: number[] = [];
let measuring = false;
// One board at a time, like people arriving: a thousand simultaneous handshakes would only measure
// the listen backlog.
for (const board of data.boards) {
  const boardClients: WireClient[] = [];
  for (let c = 0; c < data.clientsPerBoard; c++) {
    const isWriter = c < data.writersPerBoard;
    const measures = !isWriter && c < data.writersPerBoard + data.measuringReceiversPerBoard;
    const token = isWriter ? board.tokens.practitioner : board.tokens.family;
    const client = new WireClient({
      url: `${data.wsUrl}/${board.id}?token=${token}`,
      applyDoc: isWriter || measures,
    });
    if (measures) observeStamps(client.doc, (ms) => measuring && samples.push(ms));
    boardClients.push(client);
    if (isWriter) writers.push(client);
  }
  await Promise.all(boardClients.map((client) => client.whenSynced()));
  clients.push(...boardClients);
}
send({ kind: 'ready' });

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
let stopWriters: Array<() => void> = [];
let receivedBefore = 0;
process.on('message', (command: LoadWorkerCommand) => {
  if (command === 'write')
    stopWriters = writers.map((writer, i) => startWriter(writer, i, data.editsPerSecond));
  else if (command === 'measure') {
    receivedBefore = sumUpdates();
    measuring = true;
    loopDelay.enable();
  } else {
    measuring = false;
    loopDelay.disable();
    for (const stop of stopWriters) stop();
    const report: LoadWorkerReport = {
      kind: 'measured',
      samples,
      delivered: sumUpdates() - receivedBefore,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    };
    for (const client of clients) client.close();
    // Disconnect only once the report is written: a queued message would be lost.
    process.send?.(report, () => process.disconnect());
  }
});

/**
 * A writer types into its own card through the model, one character per edit, with a stamp in the
 * same transaction. Each writer starts at a random phase: people do not type in lockstep, and
 * aligned timers would turn the load into bursts that measure queueing in the generator.
 */
function startWriter(writer: WireClient, index: number, rate: number): () => void {
  const actor = { participantId: asParticipantId(`bench-writer-${index}`), role: 'practitioner' } as const;
  const added = addCard(writer.doc, actor, { category: 'harm', text: '' });
  if (!added.ok) throw new Error(`bench card not added: ${added.reason}`);
  const { cardId } = added.value;
  const stamps = writer.doc.getMap<number>('bench-stamps');
  let typed = 0;
  const type = () =>
    writer.doc.transact(() => {
      editCardText(writer.doc, actor, cardId, { index: typed++, deleteCount: 0, insert: 'x' });
      stamps.set(`${writer.doc.clientID}`, performance.now());
    });
  let interval: NodeJS.Timeout | undefined;
  const phase = setTimeout(
    () => {
      interval = setInterval(type, 1000 / rate);
    },
    Math.random() * (1000 / rate),
  );
  return () => {
    clearTimeout(phase);
    clearInterval(interval);
  };
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

function sumUpdates(): number {
  return clients.reduce((total, client) => total + client.updatesReceived, 0);
}
