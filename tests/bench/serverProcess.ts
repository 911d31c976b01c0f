import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sleep } from './stats.js';

const MAIN = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  readonly wsUrl: string;
  readonly pid: number;
  /** Resident set size now and at its peak (VmHWM), in MiB, read from /proc. */
  memory(): { rssMiB: number; peakMiB: number };
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
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

/** Starts the real built server (`apps/server/dist/main.js`) as its own process, on loopback. */
export async function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', KINMAP_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      await sleep(50);
    }
  }
  const pid = child.pid ?? 0;
  const readKiB = (field: string): number => {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`${field}:\\s+(\\d+)`).exec(status);
    return match ? Number(match[1]) : Number.NaN;
  };
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    pid,
    memory: () => ({ rssMiB: readKiB('VmRSS') / 1024, peakMiB: readKiB('VmHWM') / 1024 }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface CreatedBoard {
  readonly id: string;
  readonly tokens: Record<'facilitator' | 'practitioner' | 'family' | 'network' | 'viewer', string>;
}

export async function createBoard(baseUrl: string, title: string): Promise<CreatedBoard> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`create board failed: ${response.status}`);
  return (await response.json()) as CreatedBoard;
}
