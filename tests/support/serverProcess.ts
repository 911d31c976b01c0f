import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The real built server, as `pnpm start` runs it. */
export const SERVER_MAIN = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url));
/** The staff account command line (`create-user`), as the README tells an operator to run it. */
export const SERVER_CLI = fileURLToPath(new URL('../../apps/server/dist/cli.js', import.meta.url));

/** A staff account for tests and benches: created in the data directory before the server starts. */
export interface StaffAccount {
  readonly email: string;
  readonly name: string;
  readonly password: string;
}

/** Test-only credentials on a throwaway data directory; the name is the one the specs expect. */
export const TEST_STAFF: StaffAccount = {
  email: 'sam.chair@kinmap.test',
  name: 'Sam Chair',
  password: 'correct horse battery staple',
};

export interface ServerProcess {
  readonly url: string;
  /** The administrator created before start (null when `staff: null` was asked for). */
  readonly staff: StaffAccount | null;
  readonly wsUrl: string;
  readonly pid: number;
  /** Resident set size now and at its peak (VmHWM), in MiB, read from /proc. */
  memory(): { rssMiB: number; peakMiB: number };
  /** The `server.metrics` lines logged so far (with `metricsIntervalMs`), each with when it arrived. */
  metrics(): readonly ServerMetrics[];
  /** CPU time (user + system) the server has used so far, in seconds, read from /proc. */
  cpuSeconds(): number;
  /** Open file descriptors of the server (sockets, SQLite files, pipes), counted in /proc/<pid>/fd. */
  fdCount(): number;
  /** False once the process has exited (crashed, killed or stopped). */
  running(): boolean;
  /** SIGTERM (graceful shutdown), resolved when the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL (a crash: nothing is flushed or closed), resolved when the process has exited. */
  kill(): Promise<void>;
}

export interface ServerMetrics {
  /** performance.now() in this process when the line arrived. */
  readonly at: number;
  readonly loopDelayP50Ms: number;
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  readonly connections: number;
  /** Boards (rooms) loaded in memory. */
  readonly rooms: number;
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
  /** The administrator to create first (default TEST_STAFF); null for a first run with a setup link. */
  readonly staff?: StaffAccount | null;
  /** Listen on this port (a restart where clients expect it); default: a free one. */
  readonly port?: number;
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

/**
 * `echo <password> | node apps/server/dist/cli.js create-user --email … --name … --admin --init` against
 * `dataDir` (`--init`: the directory may be new). An account that exists already (a restart on the same
 * directory) is fine.
 */
export async function createStaffUser(dataDir: string, account: StaffAccount): Promise<void> {
  const args = [
    SERVER_CLI,
    'create-user',
    '--email',
    account.email,
    '--name',
    account.name,
    '--admin',
    '--init',
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, KINMAP_DATA_DIR: dataDir },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin?.end(`${account.password}\n`);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0 && !stderr.includes('exists already')) {
    throw new Error(`create-user failed with code ${code}: ${stderr.trim()}`);
  }
}

/** Starts `node apps/server/dist/main.js` on a free loopback port and waits until /healthz answers. */
export async function startServerProcess({
  dataDir,
  env = {},
  output,
  nodeArgs = [],
  metricsIntervalMs,
  staff = TEST_STAFF,
  port: fixedPort,
}: ServerProcessOptions): Promise<ServerProcess> {
  if (staff) await createStaffUser(dataDir, staff);
  const port = fixedPort ?? (await freePort());
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
    staff,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    pid,
    metrics: () => metrics,
    memory: () => ({ rssMiB: readKiB('VmRSS') / 1024, peakMiB: readKiB('VmHWM') / 1024 }),
    cpuSeconds: () => {
      // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name; in clock ticks (100/s on Linux).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    fdCount: () => readdirSync(`/proc/${pid}/fd`).length,
    running: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A member's device: the `kinmap_session=…` cookie pair it sends and its member id on one board. */
export interface MemberDevice {
  readonly memberId: string;
  readonly cookie: string;
}

export interface CreatedBoard extends MemberDevice {
  readonly id: string;
  /** `memberId` and `cookie` are the creator's (the staff account, the board's facilitator). */
}

/** What a same-origin browser page sends with a state change (docs/PROTOCOL.md, [AU14]). */
function browserLikeHeaders(baseUrl: string, cookie: string | null): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-kinmap-csrf': '1',
    origin: baseUrl,
    ...(cookie ? { cookie } : {}),
  };
}

/** `POST /api/login`; returns the `kinmap_session=…` cookie pair to send back. */
export async function signInStaff(baseUrl: string, account: StaffAccount): Promise<string> {
  const response = await fetch(`${baseUrl}/api/login`, {
    method: 'POST',
    headers: browserLikeHeaders(baseUrl, null),
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('kinmap_session='));
  if (response.status !== 200 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

/** Signs in as the server's staff account and creates a board (`POST /api/boards`), as the start page does. */
export async function createBoard(
  server: Pick<ServerProcess, 'url' | 'staff'>,
  title: string,
): Promise<CreatedBoard> {
  if (!server.staff) throw new Error('this server was started without a staff account');
  const cookie = await signInStaff(server.url, server.staff);
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: browserLikeHeaders(server.url, cookie),
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`create board failed: ${response.status}`);
  const { id, memberId } = (await response.json()) as { id: string; memberId: string };
  return { id, memberId, cookie };
}

/** The board's facilitator invites `role` (`POST …/invites`) and a fresh device opens the link. */
export async function inviteMember(
  baseUrl: string,
  board: CreatedBoard,
  role: 'practitioner' | 'family' | 'network' | 'viewer',
  displayName: string,
): Promise<MemberDevice> {
  const invited = await fetch(`${baseUrl}/api/boards/${board.id}/invites`, {
    method: 'POST',
    headers: browserLikeHeaders(baseUrl, board.cookie),
    body: JSON.stringify({ role }),
  });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status}`);
  const { link } = (await invited.json()) as { link: string };
  const opened = await fetch(`${baseUrl}/api/invites/open`, {
    method: 'POST',
    headers: browserLikeHeaders(baseUrl, null),
    body: JSON.stringify({ invite: link.slice(link.indexOf('#invite=') + 8), displayName }),
  });
  const cookie = opened.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('kinmap_session='));
  if (opened.status !== 201 || !cookie) throw new Error(`opening the invite failed: ${opened.status}`);
  const { member } = (await opened.json()) as { member: { id: string } };
  return { memberId: member.id, cookie };
}

/**
 * A one-time ticket for one WebSocket (`POST /api/boards/:id/tickets` with the member's cookie;
 * single use, valid 60 s), and the `/sync` URL that spends it. One per connection.
 */
export async function ticketSyncUrl(
  server: Pick<ServerProcess, 'url' | 'wsUrl'>,
  boardId: string,
  device: Pick<MemberDevice, 'cookie'>,
): Promise<string> {
  return `${server.wsUrl}/${boardId}?ticket=${await issueTicket(server.url, boardId, device)}`;
}

export async function issueTicket(
  baseUrl: string,
  boardId: string,
  device: Pick<MemberDevice, 'cookie'>,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/boards/${boardId}/tickets`, {
    method: 'POST',
    headers: browserLikeHeaders(baseUrl, device.cookie),
    body: '{}',
  });
  if (response.status !== 201) throw new Error(`ticket refused: ${response.status}`);
  return ((await response.json()) as { ticket: string }).ticket;
}
