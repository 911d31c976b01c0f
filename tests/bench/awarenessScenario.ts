import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createBoard, type ServerProcess } from '../support/serverProcess.js';
import { percentile, round, sleep } from './stats.js';

export interface AwarenessParams {
  readonly clients: number;
  readonly hz: number;
  readonly measureMs: number;
}

export interface AwarenessResult {
  readonly params: AwarenessParams;
  readonly latencyMs: { p50: number; p95: number; p99: number; samples: number };
  /** p50 latency in the first and the last quarter of the run: equal when nothing queues up. */
  readonly firstQuarterP50Ms: number;
  readonly lastQuarterP50Ms: number;
  /** After the storm stops: every client holds every other client's last cursor (no backlog, nothing lost). */
  readonly finalStatesConverged: boolean;
  readonly framesPerClientPerSecond: number;
}

interface Cursor {
  readonly cursor: { x: number; y: number };
  readonly seq: number;
  readonly t: number;
}

/**
 * N official `WebsocketProvider` clients on one board moving their cursors at a fixed rate (awareness
 * only). The provider re-sends every awareness change it receives, so the server's echo filter is measured too.
 */
export async function runAwarenessStorm(
  server: ServerProcess,
  params: AwarenessParams,
): Promise<AwarenessResult> {
  const board = await createBoard(server.url, 'Awareness storm');
  const samples: Array<{ at: number; ms: number }> = [];
  let framesReceived = 0;
  const clients = Array.from({ length: params.clients }, () => {
    const client = new WebsocketProvider(server.wsUrl, board.id, new Y.Doc(), {
      params: { token: board.tokens.family },
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
    });
    client.on('status', ({ status }) => {
      if (status === 'connected') client.ws?.addEventListener('message', () => framesReceived++);
    });
    client.awareness.setLocalState({ cursor: { x: 0, y: 0 }, seq: 0, t: performance.now() });
    client.awareness.on('change', ({ updated }: { updated: number[] }, origin: unknown) => {
      if (origin !== client) return;
      const now = performance.now();
      for (const id of updated) {
        const state = client.awareness.getStates().get(id) as Cursor | undefined;
        if (state) samples.push({ at: now, ms: now - state.t });
      }
    });
    return client;
  });
  await Promise.all(clients.map((client) => new Promise((resolve) => client.once('sync', resolve))));
  await sleep(500);
  samples.length = 0;
  const framesBefore = framesReceived;
  const started = performance.now();
  let seq = 0;
  const timers = clients.map((client, i) =>
    setInterval(() => {
      seq++;
      client.awareness.setLocalState({ cursor: { x: seq % 1000, y: i }, seq, t: performance.now() });
    }, 1000 / params.hz),
  );
  await sleep(params.measureMs);
  for (const timer of timers) clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const frames = framesReceived - framesBefore;
  await sleep(1000);
  const finalStatesConverged = clients.every((viewer) =>
    clients.every((other) => {
      const seen = viewer.awareness.getStates().get(other.doc.clientID) as Cursor | undefined;
      const own = other.awareness.getLocalState() as Cursor | null;
      return seen?.seq === own?.seq;
    }),
  );
  for (const client of clients) {
    client.destroy();
    client.doc.destroy();
  }
  const quarter = params.measureMs / 4;
  const inWindow = (from: number, to: number) =>
    samples.filter((s) => s.at - started >= from && s.at - started < to).map((s) => s.ms);
  const all = samples.map((s) => s.ms);
  return {
    params,
    latencyMs: {
      p50: round(percentile(all, 50)),
      p95: round(percentile(all, 95)),
      p99: round(percentile(all, 99)),
      samples: all.length,
    },
    firstQuarterP50Ms: round(percentile(inWindow(0, quarter), 50)),
    lastQuarterP50Ms: round(percentile(inWindow(3 * quarter, 4 * quarter), 50)),
    finalStatesConverged,
    framesPerClientPerSecond: Math.round(frames / params.clients / seconds),
  };
}
