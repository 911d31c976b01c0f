import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createBoard, inviteMember, type ServerProcess } from '../support/serverProcess.js';
import type {
  AwarenessWorkerCommand,
  AwarenessWorkerData,
  AwarenessWorkerReport,
} from './awarenessWorker.js';
import { loopDelaySummary, percentile, round, sleep } from './stats.js';

export interface AwarenessParams {
  readonly clients: number;
  readonly hz: number;
  readonly measureMs: number;
  /** Processes the clients are spread over, so one generator process is not the bottleneck. */
  readonly workers: number;
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
  /** The server's own event-loop delay while measuring: median and worst of its per-second p99s. */
  readonly serverLoopDelayP99Ms: { median: number; max: number };
  /** Share of one core the server used during the storm. */
  readonly serverCpuShare: number;
  /** The worst generator process's own event-loop delay p99. */
  readonly generatorLoopDelayP99Ms: number;
}

/**
 * N official `WebsocketProvider` clients on one board moving their cursors at a fixed rate (awareness
 * only). The provider re-sends every awareness change it receives, so the server's echo filter is
 * measured too. Latency is cursor set -> seen by another client, stamped with wall-clock time so it
 * compares across the generator processes.
 */
export async function runAwarenessStorm(
  server: ServerProcess,
  params: AwarenessParams,
): Promise<AwarenessResult> {
  const board = await createBoard(server, 'Awareness storm');
  // Every cursor is a device of one family member; each provider gets its own ticket (in the generator).
  const family = await inviteMember(server.url, board, 'family', 'Alex');
  const perWorker = Math.ceil(params.clients / params.workers);
  const workers = Array.from({ length: params.workers }, (_, w) => {
    const child = fork(fileURLToPath(new URL('./awarenessWorker.ts', import.meta.url)), [], {
      // A larger young generation: the generator stands in for many devices, and its own GC pauses
      // were the largest part of the measured p99 (p99 25 -> 15 ms in the edit load).
      execArgv: ['--import', 'tsx', '--max-semi-space-size=32'],
    });
    const data: AwarenessWorkerData = {
      url: server.url,
      wsUrl: server.wsUrl,
      boardId: board.id,
      cookie: family.cookie,
      clients: Math.min(perWorker, params.clients - w * perWorker),
      hz: params.hz,
      firstIndex: w * perWorker,
    };
    child.send(data);
    return child;
  });
  const reports = <K extends AwarenessWorkerReport['kind']>(kind: K) =>
    Promise.all(workers.map((worker) => nextReport(worker, kind)));
  const tell = (command: AwarenessWorkerCommand) => {
    for (const worker of workers) worker.send(command);
  };
  await reports('ready');
  await sleep(500);
  const cpuBefore = server.cpuSeconds();
  const metricsBefore = server.metrics().length;
  const started = performance.timeOrigin + performance.now();
  tell('move');
  await sleep(params.measureMs);
  const stoppedReports = reports('stopped');
  tell('stop');
  const stopped = await stoppedReports;
  const seconds = params.measureMs / 1000;
  const serverCpuShare = round((server.cpuSeconds() - cpuBefore) / seconds);
  const serverLoopDelayP99Ms = loopDelaySummary(server.metrics().slice(metricsBefore + 1));
  await sleep(1000);
  const finalReports = reports('final');
  tell('report');
  const final = await finalReports;
  await Promise.all(workers.map((worker) => once(worker, 'exit')));

  const lastSeq = new Map(final.flatMap((r) => r.own));
  const finalStatesConverged = final.every((r) =>
    r.seen.every((view) => {
      const seen = new Map(view);
      return [...lastSeq].every(([id, seq]) => seen.get(id) === seq);
    }),
  );
  const timed = stopped.flatMap((r) => r.samples);
  const quarter = params.measureMs / 4;
  const inWindow = (from: number, to: number) =>
    timed.filter((s) => s.at - started >= from && s.at - started < to).map((s) => s.ms);
  const all = timed.map((s) => s.ms);
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
    framesPerClientPerSecond: Math.round(
      stopped.reduce((n, r) => n + r.frames, 0) / params.clients / seconds,
    ),
    serverCpuShare,
    serverLoopDelayP99Ms,
    generatorLoopDelayP99Ms: round(Math.max(...stopped.map((r) => r.loopDelayP99Ms))),
  };
}

function nextReport<K extends AwarenessWorkerReport['kind']>(
  worker: ChildProcess,
  kind: K,
): Promise<Extract<AwarenessWorkerReport, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (report: AwarenessWorkerReport) => {
      if (report.kind !== kind) return;
      worker.off('message', onMessage);
      resolve(report as Extract<AwarenessWorkerReport, { kind: K }>);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    // A generator process that dies early must fail the run, not hang it. 'disconnect' (not 'exit')
    // comes after every message the child sent, since both travel through the same IPC channel.
    worker.once('disconnect', () => reject(new Error(`generator process left before '${kind}'`)));
  });
}
