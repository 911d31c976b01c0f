import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Actor, asParticipantId, type Role } from '@kinmap/model';
import { type RunningServer, type StartServerOptions, startServer } from '@kinmap/server';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** Waits for a condition without any timing threshold: only a generous overall deadline. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/** Everything a test started, so afterEach can tear it all down (no leaked sockets or servers). */
export class Fixture {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'kinmap-int-'));
  private readonly servers: RunningServer[] = [];
  private readonly clients: { provider: WebsocketProvider; doc: Y.Doc }[] = [];
  private readonly sockets: WebSocket[] = [];

  async start(options: Partial<StartServerOptions> = {}): Promise<RunningServer> {
    const server = await startWith(this.dataDir, options);
    this.servers.push(server);
    return server;
  }

  /** An official y-websocket client with a fresh one-time ticket of `person`, as a non-browser client connects. */
  async connect(server: RunningServer, boardId: string, person: Person) {
    const client = await connectByTicket(server, boardId, person);
    this.clients.push(client);
    return client;
  }

  /** A raw `ws` socket, for what the official client cannot do (bad tickets, huge frames). */
  rawSocket(url: string): WebSocket {
    const ws = new WebSocket(url);
    ws.on('error', () => {});
    this.sockets.push(ws);
    return ws;
  }

  /** Closes this socket at cleanup too. */
  track(ws: WebSocket): void {
    this.sockets.push(ws);
  }

  disconnectAll(): void {
    for (const { provider, doc } of this.clients.splice(0)) {
      provider.destroy();
      doc.destroy();
    }
    for (const ws of this.sockets.splice(0)) ws.terminate();
  }

  async cleanup(): Promise<void> {
    this.disconnectAll();
    await Promise.all(this.servers.splice(0).map((server) => server.close()));
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export function syncUrl(server: Pick<RunningServer, 'url'>): string {
  return `${server.url.replace(/^http/, 'ws')}/sync`;
}

/** Unwraps a model Result, failing the test with its reason. */
export function must<T>(result: { ok: true; value: T } | { ok: false; reason: string; detail?: string }): T {
  if (!result.ok) throw new Error(`model op failed: ${result.reason} ${result.detail ?? ''}`);
  return result.value;
}

/** Resolves with the HTTP status of a refused upgrade (rejects if the upgrade was accepted). */
export function refusalStatus(ws: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
    });
    ws.on('open', () => reject(new Error('the upgrade was accepted')));
  });
}

export function closeEvent(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
}

export function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', () => reject(new Error('the upgrade was refused')));
  });
}

export const startWith = (dataDir: string, options: Partial<StartServerOptions> = {}) =>
  startServer({ port: 0, host: '127.0.0.1', dataDir, ...options });

// --- Accounts: staff, boards, invited members and one-time tickets (issue 4) ---

/** The staff member every test signs in as: the first administrator of each fresh server. */
export const STAFF = {
  email: 'sam@example.org',
  displayName: 'Sam Chair',
  password: 'correct horse battery staple',
} as const;

type GuestRole = Exclude<Role, 'facilitator'>;
const GUEST_NAMES: Record<GuestRole, string> = {
  practitioner: 'Pat',
  family: 'Alex',
  network: 'Sue',
  viewer: 'Val',
};

/** A person on a board: their device's cookie (`name=value`), member id and the actor they write as. */
export interface Person {
  readonly cookie: string;
  readonly memberId: string;
  readonly role: Role;
  readonly actor: Actor;
}

export function cookieOf(res: Response): string {
  const pair = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!pair.includes('=')) throw new Error('no session cookie was set');
  return pair;
}

/** A state change as the web app sends it: JSON, the CSRF header, this server's Origin, the cookie. */
export async function post(server: Pick<RunningServer, 'url'>, path: string, body: unknown, cookie?: string) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: server.url,
      'X-Kinmap-CSRF': '1',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify(body),
  });
}

export const get = (server: RunningServer, path: string, cookie: string) =>
  fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });

/**
 * The staff member's cookie: the setup code creates them on a fresh server (`server.setupCode` is
 * the code it started with, so it stays set after use: 410 then), later calls sign in.
 */
export async function signInStaff(server: RunningServer): Promise<string> {
  if (server.setupCode) {
    const setup = await post(server, '/api/setup', { code: server.setupCode, ...STAFF });
    if (setup.status === 201) return cookieOf(setup);
    if (setup.status !== 410) throw new Error(`setup answered ${setup.status}`);
  }
  const login = await post(server, '/api/login', { email: STAFF.email, password: STAFF.password });
  if (login.status !== 200) throw new Error(`signing in answered ${login.status}`);
  return cookieOf(login);
}

/** Invites `role` to the board and opens the invite on a fresh device. */
export async function invite(
  server: RunningServer,
  boardId: string,
  inviterCookie: string,
  role: GuestRole,
  displayName = GUEST_NAMES[role],
): Promise<Person> {
  const invited = await post(server, `/api/boards/${boardId}/invites`, { role }, inviterCookie);
  if (invited.status !== 201) throw new Error(`inviting answered ${invited.status}`);
  const { link } = (await invited.json()) as { link: string };
  const opened = await post(server, '/api/invites/open', { invite: link.split('#invite=')[1], displayName });
  if (opened.status !== 201) throw new Error(`opening the invite answered ${opened.status}`);
  const { member } = (await opened.json()) as { member: { id: string } };
  return person(cookieOf(opened), member.id, role);
}

/**
 * The staff member creates a board (becoming its facilitator) and invites one guest per role.
 * @example const { boardId, facilitator, family } = await boardWithMembers(server, 'Case', ['family'])
 */
export async function boardWithMembers<R extends GuestRole>(
  server: RunningServer,
  title: string,
  roles: readonly R[] = [],
): Promise<{ boardId: string; facilitator: Person } & Record<R, Person>> {
  const staffCookie = await signInStaff(server);
  const created = await post(server, '/api/boards', { title }, staffCookie);
  if (created.status !== 201) throw new Error(`creating a board answered ${created.status}`);
  const board = (await created.json()) as { id: string; memberId: string };
  const guests = {} as Record<R, Person>;
  for (const role of roles) guests[role] = await invite(server, board.id, staffCookie, role);
  return {
    boardId: board.id,
    facilitator: person(staffCookie, board.memberId, 'facilitator'),
    ...guests,
  };
}

/** First run: the administrator (the board's facilitator) creates a board and invites a family member. */
export const boardWithFamily = (server: RunningServer, title = 'Case 4001') =>
  boardWithMembers(server, title, ['family']);

function person(cookie: string, memberId: string, role: Role): Person {
  return { cookie, memberId, role, actor: { participantId: asParticipantId(memberId), role } };
}

/** A one-time ticket (single use, ≤ 60 s) for the person's next connection to the board. */
export async function ticketFor(
  server: Pick<RunningServer, 'url'>,
  boardId: string,
  who: Pick<Person, 'cookie'>,
): Promise<string> {
  const res = await post(server, `/api/boards/${boardId}/tickets`, {}, who.cookie);
  if (res.status !== 201) throw new Error(`the ticket was refused: ${res.status}`);
  return ((await res.json()) as { ticket: string }).ticket;
}

/**
 * An official client connected by ticket. The provider reuses its params when it reconnects and a
 * ticket opens one connection only: to reconnect, set `provider.params.ticket` to a fresh one first.
 */
export async function connectByTicket(
  server: Pick<RunningServer, 'url'>,
  boardId: string,
  who: Pick<Person, 'cookie'>,
) {
  const ticket = await ticketFor(server, boardId, who);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(server), boardId, doc, {
    params: { ticket },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node has BroadcastChannel: without this, clients in one process would sync around the server.
    disableBc: true,
    // A spent ticket cannot reconnect: retry slowly rather than hammer the server with it.
    maxBackoffTime: 60_000,
  });
  return { doc, provider };
}

export async function syncedByTicket(
  server: Pick<RunningServer, 'url'>,
  boardId: string,
  who: Pick<Person, 'cookie'>,
) {
  const client = await connectByTicket(server, boardId, who);
  await waitFor(() => client.provider.synced, 'the first sync');
  return client;
}
