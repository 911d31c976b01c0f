import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The real built server, as `pnpm start` runs it. */
export const SERVER_MAIN = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  readonly wsUrl: string;
  readonly pid: number;
  /** Resident set size now and at its peak (VmHWM), in MiB, read from /proc. */
  memory(): { rssMiB: number; peakMiB: number };
  /** The `server.metrics` lines logged so far (with `metricsIntervalMs`), each with when it arrived. */
  metrics(): readonly ServerMetrics[];
  /** CPU time (user + system) the server has used so far, in seconds, read from /proc. */
  cpuSeconds(): number;
  /** SIGTERM (graceful shutdown), resolved when the process has exited. */
  stop(): Promise<void>;
}

export interface ServerMetrics {
  /** performance.now() in this process when the line arrived. */
  readonly at: number;
  readonly loopDelayP50Ms: number;
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  readonly rssMiB: number;
  readonly connections: number;
}

export interface ServerProcessOptions {
  readonly dataDir: string;
  readonly env?: Record<string, string>;
  /** Where the server's stdout/stderr go (default: stderr inherited, stdout dropped). */
  readonly output?: NodeJS.WritableStream;
  /** Extra node flags, e.g. `--cpu-prof` to profile the server under load. */
  readonly nodeArgs?: readonly string[];
  /** Ask the server to log `server.metrics` this often and collect those lines (see `metrics()`). */
  readonly metricsIntervalMs?: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts `node apps/server/dist/main.js` on a free loopback port and waits until /healthz answers. */
export async function startServerProcess({
  dataDir,
  env = {},
  output,
  nodeArgs = [],
  metricsIntervalMs,
}: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const metricsEnv: Record<string, string> = metricsIntervalMs
    ? { KINMAP_METRICS_INTERVAL_MS: String(metricsIntervalMs) }
    : {};
  const child = spawn(process.execPath, [...nodeArgs, SERVER_MAIN], {
    env: {
      ...process.env,
      ...env,
      ...metricsEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      KINMAP_DATA_DIR: dataDir,
    },
    stdio: output || metricsIntervalMs ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'ignore', 'inherit'],
  });
  if (output) {
    child.stdout?.pipe(output, { end: false });
    child.stderr?.pipe(output, { end: false });
  } else if (metricsIntervalMs) {
    child.stderr?.pipe(process.stderr);
  }
  const metrics: ServerMetrics[] = [];
  if (child.stdout && metricsIntervalMs) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.includes('"server.metrics"')) return;
      metrics.push({ ...(JSON.parse(line) as Omit<ServerMetrics, 'at'>), at: performance.now() });
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const pid = child.pid ?? 0;
  const readKiB = (field: string): number => {
    const match = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : Number.NaN;
  };
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    pid,
    metrics: () => metrics,
    memory: () => ({ rssMiB: readKiB('VmRSS') / 1024, peakMiB: readKiB('VmHWM') / 1024 }),
    cpuSeconds: () => {
      // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name; in clock ticks (100/s on Linux).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface CreatedBoard {
  readonly id: string;
  readonly tokens: Record<'facilitator' | 'practitioner' | 'family' | 'network' | 'viewer', string>;
}

/** `POST /api/boards`, as the landing page does. */
export async function createBoard(baseUrl: string, title: string): Promise<CreatedBoard> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`create board failed: ${response.status}`);
  return (await response.json()) as CreatedBoard;
}
