import { monitorEventLoopDelay } from 'node:perf_hooks';
import { asParticipantId } from '@kinmap/model';
import { createEditStamps, startTyping } from '../support/editStamps.js';
import { type MemberDevice, ticketSyncUrl } from '../support/serverProcess.js';
import { WireClient } from './wireClient.js';

/** What the bench gives one load process: its share of the boards (its first IPC message). */
/** A load board: the member every writing device signs in as, and the one the reading devices do. */
export interface LoadBoard {
  readonly id: string;
  readonly writer: MemberDevice;
  readonly reader: MemberDevice;
}

export interface LoadWorkerData {
  /** The server's http base, where the generator asks for each connection's ticket. */
  readonly url: string;
  readonly wsUrl: string;
  readonly boards: readonly LoadBoard[];
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
const stamps = createEditStamps();
const writers: Array<{ client: WireClient; memberId: string }> = [];
const samples: number[] = [];
let measuring = false;
// One board at a time, like people arriving: a thousand simultaneous handshakes would only measure
// the listen backlog.
for (const board of data.boards) {
  const boardClients: WireClient[] = [];
  for (let c = 0; c < data.clientsPerBoard; c++) {
    const isWriter = c < data.writersPerBoard;
    const measures = !isWriter && c < data.writersPerBoard + data.measuringReceiversPerBoard;
    const device = isWriter ? board.writer : board.reader;
    const client = new WireClient({
      url: await ticketSyncUrl(data, board.id, device),
      applyDoc: isWriter || measures,
    });
    if (measures) stamps.observe(client.doc, (ms) => measuring && samples.push(ms));
    boardClients.push(client);
    if (isWriter) writers.push({ client, memberId: device.memberId });
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
    stopWriters = writers.map(({ client, memberId }) =>
      startTyping(
        client.doc,
        { participantId: asParticipantId(memberId), role: 'practitioner' },
        data.editsPerSecond,
        stamps,
      ),
    );
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

function sumUpdates(): number {
  return clients.reduce((total, client) => total + client.updatesReceived, 0);
}
