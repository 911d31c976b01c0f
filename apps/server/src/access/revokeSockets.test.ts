import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type RunningServer, startServer } from '../server.js';
import { inviteSecret, sessionCookieOf } from './access.fixture.js';

/** The real server on an ephemeral port, signed in as its first administrator, with one board. */
async function startSignedIn(dataDir: string) {
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir });
  const call = async (method: string, path: string, cookie: string | null, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        Origin: server.url,
        'X-Kinmap-CSRF': '1',
        'Content-Type': 'application/json',
        ...(cookie ? { Cookie: `kinmap_session=${cookie}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const setup = await call('POST', '/api/setup', null, {
    code: server.setupCode,
    email: 'admin@example.org',
    displayName: 'Admin',
    password: 'a long password',
  });
  const staff = sessionCookieOf(setup) ?? '';
  const board = (await (await call('POST', '/api/boards', staff, { title: 'Map' })).json()) as { id: string };
  const invited = (await (
    await call('POST', `/api/boards/${board.id}/invites`, staff, { role: 'family' })
  ).json()) as {
    link: string;
  };
  const opened = await call('POST', '/api/invites/open', null, {
    invite: inviteSecret(invited.link),
    displayName: 'Alex',
  });
  const guest = sessionCookieOf(opened) ?? '';
  const memberId = ((await opened.json()) as { member: { id: string } }).member.id;
  const ticket = async (cookie: string) =>
    ((await (await call('POST', `/api/boards/${board.id}/tickets`, cookie)).json()) as { ticket: string })
      .ticket;
  const syncUrl = `${server.url.replace('http', 'ws')}/sync/${board.id}`;
  return { server, call, staff, guest, memberId, boardId: board.id, ticket, syncUrl };
}

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => {});
  });
}

function closeRecord(ws: WebSocket) {
  const record: { code: number | null; reason: string } = { code: null, reason: '' };
  ws.once('close', (code, reason) => {
    record.code = code;
    record.reason = reason.toString();
  });
  return record;
}

async function pollUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

describe('the sync upgrade with accounts', () => {
  let root: string;
  let running: RunningServer | null = null;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kinmap-access-'));
  });
  afterEach(async () => {
    await running?.close();
    running = null;
    rmSync(root, { recursive: true, force: true });
  });

  it('[AU12] admits a ticket once; the same ticket again and a forged one are refused before the handshake', async () => {
    const s = await startSignedIn(root);
    running = s.server;
    const ticket = await s.ticket(s.guest);
    const ws = await connect(`${s.syncUrl}?ticket=${ticket}`);
    expect(ws).toBeInstanceOf(WebSocket);
    (ws as WebSocket).close();
    expect(await connect(`${s.syncUrl}?ticket=${ticket}`)).toBe(403);
    expect(await connect(`${s.syncUrl}?ticket=${'A'.repeat(43)}`)).toBe(403);
    expect(await connect(`${s.syncUrl}?ticket=..%2F..%2Fetc`)).toBe(403);
    expect(await connect(`${s.syncUrl}`)).toBe(401);
  });

  it('[AU13] admits the session cookie only with this server’s own Origin', async () => {
    const s = await startSignedIn(root);
    running = s.server;
    const cookie = `kinmap_session=${s.guest}`;
    expect(await connect(s.syncUrl, { Cookie: cookie })).toBe(403);
    expect(await connect(s.syncUrl, { Cookie: cookie, Origin: 'http://evil.example' })).toBe(403);
    const ws = await connect(s.syncUrl, { Cookie: cookie, Origin: s.server.url });
    expect(ws).toBeInstanceOf(WebSocket);
    (ws as WebSocket).close();
  });

  it('[AU11] revoking a member closes their live sockets with 4403 within a second', async () => {
    const s = await startSignedIn(root);
    running = s.server;
    const byTicket = (await connect(`${s.syncUrl}?ticket=${await s.ticket(s.guest)}`)) as WebSocket;
    const byCookie = (await connect(s.syncUrl, {
      Cookie: `kinmap_session=${s.guest}`,
      Origin: s.server.url,
    })) as WebSocket;
    const staffSocket = (await connect(`${s.syncUrl}?ticket=${await s.ticket(s.staff)}`)) as WebSocket;
    const closes = [closeRecord(byTicket), closeRecord(byCookie), closeRecord(staffSocket)];
    const res = await s.call('DELETE', `/api/boards/${s.boardId}/members/${s.memberId}`, s.staff);
    expect(res.status).toBe(204);
    const closed = await pollUntil(() => closes[0]?.code !== null && closes[1]?.code !== null, 1000);
    expect(closed).toBe(true);
    expect(closes.slice(0, 2)).toEqual([
      { code: 4403, reason: 'access revoked' },
      { code: 4403, reason: 'access revoked' },
    ]);
    expect(closes[2]?.code).toBeNull();
    expect(await connect(s.syncUrl, { Cookie: `kinmap_session=${s.guest}`, Origin: s.server.url })).toBe(401);
    staffSocket.close();
  });

  it('[AU3] signing out closes the sockets opened from that session', async () => {
    const s = await startSignedIn(root);
    running = s.server;
    const ws = (await connect(s.syncUrl, {
      Cookie: `kinmap_session=${s.staff}`,
      Origin: s.server.url,
    })) as WebSocket;
    const record = closeRecord(ws);
    expect((await s.call('POST', '/api/logout', s.staff)).status).toBe(204);
    expect(await pollUntil(() => record.code !== null, 1000)).toBe(true);
    expect(record.code).toBe(4403);
  });
});
