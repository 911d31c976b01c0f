import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerProcess, startServerProcess } from '../support/serverProcess.js';
import { runAwarenessStorm } from './awarenessScenario.js';
import { runColdLoad } from './coldLoadScenario.js';
import { runLoad } from './loadScenario.js';
import { median } from './stats.js';

/**
 * `pnpm bench`: the load, cold-load and awareness-storm figures of docs/PERFORMANCE.md, against the
 * real built server in its own process on loopback. Not a test: it prints figures, asserts nothing.
 * Env: BENCH_RUNS (3), BENCH_SCENARIOS (load,cold,awareness), BENCH_MEASURE_MS (15000).
 */
const runs = Number(process.env.BENCH_RUNS ?? 3);
const scenarios = new Set((process.env.BENCH_SCENARIOS ?? 'load,cold,awareness').split(','));
const measureMs = Number(process.env.BENCH_MEASURE_MS ?? 15_000);
// BENCH_PROFILE_DIR=/tmp/prof writes a .cpuprofile of the server for each run (open it in Chrome DevTools).
const nodeArgs = process.env.BENCH_PROFILE_DIR
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
  : [];
// Every bench device connects from this one loopback address, and each board's devices are a few
// members: no per-address upgrade limit ([L3]) and no per-member socket bound.
const BENCH_ENV = { KINMAP_UPGRADE_RATE: '0', KINMAP_SOCKETS_PER_MEMBER: '0' };
const serverLog = process.env.BENCH_SERVER_LOG ? createWriteStream(process.env.BENCH_SERVER_LOG) : undefined;

/** Runs a scenario `runs` times, each in a fresh data directory that is removed afterwards. */
async function eachRun<T>(fn: (dataDir: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'kinmap-bench-'));
    try {
      results.push(await fn(dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return results;
}

/** The built server in its own process for one run, stopped afterwards whatever happens. */
async function withServerProcess<T>(dataDir: string, fn: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await startServerProcess({
    dataDir,
    nodeArgs,
    env: BENCH_ENV,
    metricsIntervalMs: 1000,
    ...(serverLog ? { output: serverLog } : {}),
  });
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

function report<R>(name: string, results: readonly R[], pick: Record<string, (r: R) => number>): void {
  console.log(`\n## ${name} (${results.length} runs)`);
  for (const r of results) console.log(JSON.stringify(r));
  for (const [label, get] of Object.entries(pick)) {
    const values = results.map(get);
    console.log(`median ${label}: ${median(values)}  (runs: ${values.join(', ')})`);
  }
}

console.log(
  `# Kinmap bench — ${new Date().toISOString()}, ${cpus().length} cores, loadavg ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

if (scenarios.has('load')) {
  const results = await eachRun((dataDir) =>
    withServerProcess(dataDir, (server) =>
      runLoad(server, {
        boards: Number(process.env.BENCH_BOARDS ?? 50),
        clientsPerBoard: Number(process.env.BENCH_CLIENTS_PER_BOARD ?? 20),
        writersPerBoard: 2,
        editsPerSecond: 10,
        measuringReceiversPerBoard: Number(process.env.BENCH_MEASURING ?? 2),
        workers: Number(process.env.BENCH_WORKERS ?? 2),
        warmupMs: 3000,
        measureMs,
      }),
    ),
  );
  report('Load: R boards x C clients, 2 writers per board at 10 edits/s', results, {
    'edit->remote p50 ms': (r) => r.latencyMs.p50,
    'edit->remote p95 ms': (r) => r.latencyMs.p95,
    'edit->remote p99 ms': (r) => r.latencyMs.p99,
    'delivered updates/s': (r) => r.deliveredUpdatesPerSecond,
    'server peak RSS MiB': (r) => r.serverPeakRssMiB,
    'generator loop delay p99 ms': (r) => r.generatorLoopDelayP99Ms,
    'server CPU share': (r) => r.serverCpuShare,
    'server loop delay p99 (median of 1 s windows) ms': (r) => r.serverLoopDelayP99Ms.median,
    'server loop delay p99 (worst 1 s window) ms': (r) => r.serverLoopDelayP99Ms.max,
  });
}

if (scenarios.has('cold')) {
  const results = await eachRun((dataDir) =>
    runColdLoad(dataDir, { cards: 1000, updates: 20_000, newClients: 30 }),
  );
  report('Cold load: 1,000 cards, 20,000-update history', results, {
    'first client after start ms': (r) => r.firstClientMs,
    'new client, state received p50 ms': (r) => r.newClientReceivedMs.p50,
    'new client, state received p95 ms': (r) => r.newClientReceivedMs.p95,
    'new client, state applied p50 ms': (r) => r.newClientAppliedMs.p50,
  });
}

if (scenarios.has('awareness')) {
  const results = await eachRun((dataDir) =>
    withServerProcess(dataDir, (server) =>
      runAwarenessStorm(server, {
        clients: 50,
        hz: 20,
        measureMs,
        workers: Number(process.env.BENCH_WORKERS ?? 2),
      }),
    ),
  );
  report('Awareness storm: 50 clients x 20 Hz cursors', results, {
    'p50 ms': (r) => r.latencyMs.p50,
    'p99 ms': (r) => r.latencyMs.p99,
    'first-quarter p50 ms': (r) => r.firstQuarterP50Ms,
    'last-quarter p50 ms': (r) => r.lastQuarterP50Ms,
    'server CPU share': (r) => r.serverCpuShare,
    'server loop delay p99 (median of 1 s windows) ms': (r) => r.serverLoopDelayP99Ms.median,
    'generator loop delay p99 ms': (r) => r.generatorLoopDelayP99Ms,
  });
}
