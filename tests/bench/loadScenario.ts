import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createBoard, inviteMember, type ServerProcess } from '../support/serverProcess.js';
import type { LoadBoard, LoadWorkerCommand, LoadWorkerData, LoadWorkerReport } from './loadWorker.js';
import { loopDelaySummary, percentile, round, sleep } from './stats.js';

export interface LoadParams {
  readonly boards: number;
  readonly clientsPerBoard: number;
  readonly writersPerBoard: number;
  readonly editsPerSecond: number;
  /** Receivers per board that apply every update to a real Y.Doc and measure latency; the rest only count frames. */
  readonly measuringReceiversPerBoard: number;
  /** Processes the clients are spread over (whole boards each), so one generator process is not the bottleneck. */
  readonly workers: number;
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
  /** Worst generator process's event-loop delay p99: how much of the latency tail is the generator's own. */
  readonly generatorLoopDelayP99Ms: number;
  /** The server's own event-loop delay while measuring: median and worst of its per-second p99s. */
  readonly serverLoopDelayP99Ms: { median: number; max: number };
  /** Share of one core the server used while measuring (1 = one core busy all the time). */
  readonly serverCpuShare: number;
}

/**
 * R boards x C clients; W writers per board each make one edit (a character typed into a card's text,
 * plus a stamp of when it was made) at a fixed rate. Latency is edit -> applied in another client's Y.Doc.
 */
export async function runLoad(server: ServerProcess, params: LoadParams): Promise<LoadResult> {
  const boards: LoadBoard[] = [];
  for (let b = 0; b < params.boards; b++) {
    const board = await createBoard(server, `Load board ${b}`);
    // One practitioner writes on every writing device, one family member reads on the others; each
    // connection gets its own one-time ticket from that member's cookie (in the generator).
    const writer = await inviteMember(server.url, board, 'practitioner', `Writer ${b}`);
    const reader = await inviteMember(server.url, board, 'family', `Reader ${b}`);
    boards.push({ id: board.id, writer, reader });
  }
  const workers = Array.from({ length: params.workers }, (_, w) => {
    const data: LoadWorkerData = {
      ...params,
      url: server.url,
      wsUrl: server.wsUrl,
      boards: boards.filter((_, b) => b % params.workers === w),
    };
    // Separate processes, not threads: the generator must not be the bottleneck it measures.
    const child = fork(fileURLToPath(new URL('./loadWorker.ts', import.meta.url)), [], {
      // A larger young generation: the generator stands in for many devices, and its own GC pauses
      // were the largest part of the measured p99 (p99 25 -> 15 ms in the edit load).
      execArgv: ['--import', 'tsx', '--max-semi-space-size=32'],
    });
    child.send(data);
    return child;
  });
  const reports = (kind: LoadWorkerReport['kind']) =>
    Promise.all(workers.map((worker) => nextReport(worker, kind)));
  const tell = (command: LoadWorkerCommand) => {
    for (const worker of workers) worker.send(command);
  };
  await reports('ready');
  tell('write');
  await sleep(params.warmupMs);
  tell('measure');
  const cpuBefore = server.cpuSeconds();
  const started = performance.now();
  const metricsBefore = server.metrics().length;
  await sleep(params.measureMs);
  const measuredReports = reports('measured');
  tell('stop');
  const seconds = (performance.now() - started) / 1000;
  const serverCpuShare = round((server.cpuSeconds() - cpuBefore) / seconds);
  const peak = server.memory().peakMiB;
  const measured = (await measuredReports).filter((r) => r.kind === 'measured');
  await Promise.all(workers.map((worker) => once(worker, 'exit')));
  await sleep(1000);
  const samples = measured.flatMap((r) => r.samples);
  return {
    params,
    latencyMs: {
      p50: round(percentile(samples, 50)),
      p95: round(percentile(samples, 95)),
      p99: round(percentile(samples, 99)),
      samples: samples.length,
    },
    deliveredUpdatesPerSecond: Math.round(measured.reduce((n, r) => n + r.delivered, 0) / seconds),
    editsPerSecond: params.boards * params.writersPerBoard * params.editsPerSecond,
    serverPeakRssMiB: round(peak, 1),
    serverRssAfterMiB: round(server.memory().rssMiB, 1),
    generatorLoopDelayP99Ms: round(Math.max(...measured.map((r) => r.loopDelayP99Ms))),
    serverCpuShare,
    serverLoopDelayP99Ms: loopDelaySummary(server.metrics().slice(metricsBefore + 1)),
  };
}

function nextReport(worker: ChildProcess, kind: LoadWorkerReport['kind']): Promise<LoadWorkerReport> {
  return new Promise((resolve, reject) => {
    const onMessage = (report: LoadWorkerReport) => {
      if (report.kind !== kind) return;
      worker.off('message', onMessage);
      resolve(report);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    // A generator process that dies early must fail the run, not hang it. 'disconnect' (not 'exit')
    // comes after every message the child sent, since both travel through the same IPC channel.
    worker.once('disconnect', () => reject(new Error(`generator process left before '${kind}'`)));
  });
}
