import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { issueTicket } from '../support/serverProcess.js';

/** What the bench gives one awareness process: its clients on the storm's board (first IPC message). */
export interface AwarenessWorkerData {
  /** The server's http base, where each provider's one-time ticket is asked for. */
  readonly url: string;
  readonly wsUrl: string;
  readonly boardId: string;
  /** The family member's session cookie (`kinmap_session=…`). */
  readonly cookie: string;
  readonly clients: number;
  readonly hz: number;
  /** Index of this process's first client, so cursors differ between processes. */
  readonly firstIndex: number;
}

export type AwarenessWorkerCommand = 'move' | 'stop' | 'report';
export type AwarenessWorkerReport =
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'stopped';
      readonly samples: Array<{ at: number; ms: number }>;
      readonly frames: number;
      readonly loopDelayP99Ms: number;
    }
  | {
      readonly kind: 'final';
      /** Each own client's id and last sent seq, and what each own client sees of every id. */
      readonly own: Array<[number, number]>;
      readonly seen: Array<Array<[number, number]>>;
    };

interface Cursor {
  readonly cursor: { x: number; y: number };
  readonly seq: number;
  /** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
  readonly t: number;
}

const wallNow = (): number => performance.timeOrigin + performance.now();
const send = (report: AwarenessWorkerReport): void => {
  if (!process.send) throw new Error('awarenessWorker runs as a forked child with IPC');
  process.send(report);
};
const data = await new Promise<AwarenessWorkerData>((resolve) => process.once('message', resolve));
// Each WebsocketProvider adds a process 'exit' listener; 25 of them here are expected.
process.setMaxListeners(data.clients + 10);

const samples: Array<{ at: number; ms: number }> = [];
let measuring = false;
let frames = 0;
const clients: WebsocketProvider[] = [];
for (let i = 0; i < data.clients; i++) clients.push(await connect());

/** One device: a fresh one-time ticket, then an official provider (which would reuse it on reconnect: no retry here). */
async function connect(): Promise<WebsocketProvider> {
  const ticket = await issueTicket(data.url, data.boardId, { cookie: data.cookie });
  const client = new WebsocketProvider(data.wsUrl, data.boardId, new Y.Doc(), {
    params: { ticket },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  });
  client.on('status', ({ status }) => {
    if (status === 'connected') client.ws?.addEventListener('message', () => measuring && frames++);
  });
  client.awareness.setLocalState({ cursor: { x: 0, y: 0 }, seq: 0, t: wallNow() } satisfies Cursor);
  client.awareness.on('change', ({ updated }: { updated: number[] }, origin: unknown) => {
    if (origin !== client || !measuring) return;
    const now = wallNow();
    for (const id of updated) {
      const state = client.awareness.getStates().get(id) as Cursor | undefined;
      if (state) samples.push({ at: now, ms: now - state.t });
    }
  });
  return client;
}
// The first ones may have synced while later tickets were asked for.
await Promise.all(
  clients.map((client) => (client.synced ? null : new Promise((resolve) => client.once('sync', resolve)))),
);
send({ kind: 'ready' });

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
let stopMoving = (): void => {};
process.on('message', (command: AwarenessWorkerCommand) => {
  if (command === 'move') {
    measuring = true;
    loopDelay.enable();
    stopMoving = startMoving();
  } else if (command === 'stop') {
    stopMoving();
    measuring = false;
    loopDelay.disable();
    send({ kind: 'stopped', samples, frames, loopDelayP99Ms: loopDelay.percentile(99) / 1e6 });
  } else {
    const finalReport: AwarenessWorkerReport = {
      kind: 'final',
      own: clients.map((c) => [c.doc.clientID, (c.awareness.getLocalState() as Cursor).seq]),
      seen: clients.map((c) =>
        [...c.awareness.getStates()].map(([id, state]) => [id, (state as Cursor).seq]),
      ),
    };
    for (const client of clients) {
      client.destroy();
      client.doc.destroy();
    }
    // Disconnect only once the report is written: a queued message would be lost.
    process.send?.(finalReport, () => process.disconnect());
  }
});

/** Every client moves its cursor at `hz`, each from a random phase (people do not move in lockstep). */
function startMoving(): () => void {
  let seq = 0;
  const handles = clients.map((client, i) => {
    const move = () => {
      seq++;
      client.awareness.setLocalState({
        cursor: { x: seq % 1000, y: data.firstIndex + i },
        seq,
        t: wallNow(),
      });
    };
    const handle: { phase?: NodeJS.Timeout; interval?: NodeJS.Timeout } = {};
    handle.phase = setTimeout(
      () => {
        handle.interval = setInterval(move, 1000 / data.hz);
      },
      Math.random() * (1000 / data.hz),
    );
    return handle;
  });
  return () => {
    for (const handle of handles) {
      clearTimeout(handle.phase);
      clearInterval(handle.interval);
    }
  };
}
