import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type RunningServer, startServer } from './server.js';
import { DATABASE_FILE } from './storage/database.js';

describe('startServer', () => {
  let root: string;
  const running: RunningServer[] = [];
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kinmap-server-'));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
    rmSync(root, { recursive: true, force: true });
  });
  const start = async (dataDir: string, port = 0, headersTimeoutMs?: number) => {
    const server = await startServer({
      port,
      host: '127.0.0.1',
      dataDir,
      ...(headersTimeoutMs ? { headersTimeoutMs } : {}),
    });
    running.push(server);
    return server;
  };

  it('listens on a free port with port 0, creates the data dir and answers /healthz', async () => {
    const dataDir = join(root, 'nested', 'data');
    const server = await start(dataDir);
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
    const res = await fetch(`${server.url}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('rejects when the port is taken, leaving the data dir usable', async () => {
    const first = await start(join(root, 'a'));
    await expect(
      startServer({ port: first.port, host: '127.0.0.1', dataDir: join(root, 'b') }),
    ).rejects.toThrow(/EADDRINUSE/);
    const again = await start(join(root, 'b'));
    expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
  });

  it('closes open sockets with 1001, stops listening, and is safe to close twice', async () => {
    const server = await start(root);
    const ticket = await boardTicket(server);
    const ws = new WebSocket(
      `${server.url.replace('http', 'ws')}/sync/${ticket.boardId}?ticket=${ticket.ticket}`,
    );
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await Promise.all([server.close(), server.close()]);
    expect(await closed).toBe(1001);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('keeps a WebSocket whose upgrade completed in time open past the headers deadline', async () => {
    const server = await start(root, 0, 200);
    const ticket = await boardTicket(server);
    const ws = new WebSocket(
      `${server.url.replace('http', 'ws')}/sync/${ticket.boardId}?ticket=${ticket.ticket}`,
    );
    const closes: number[] = [];
    ws.on('close', (code) => closes.push(code));
    await new Promise((resolve) => ws.once('open', resolve));
    // Several deadlines pass; the server then still answers a sync step 1 on the same socket.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const answered = new Promise((resolve) => ws.once('message', resolve));
    ws.send(new Uint8Array([0, 0, 1, 0]));
    await answered;
    expect(closes).toEqual([]);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it('[AU1] issues a one-time setup code while no account exists, and none once one does', async () => {
    const server = await start(join(root, 'fresh'));
    expect(server.setupCode).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const res = await fetch(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kinmap-CSRF': '1', Origin: server.url },
      body: JSON.stringify({
        code: server.setupCode,
        email: 'admin@example.org',
        displayName: 'Admin',
        password: 'a long password',
      }),
    });
    expect(res.status).toBe(201);
    await server.close();
    const again = await start(join(root, 'fresh'));
    expect(again.setupCode).toBeNull();
  });
});

/** As a client outside the browser: the first administrator, a board, and a one-time ticket for it. */
async function boardTicket(server: RunningServer): Promise<{ boardId: string; ticket: string }> {
  const post = async (path: string, body: unknown, cookie = '') => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Kinmap-CSRF': '1',
        Origin: server.url,
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`${path} answered ${res.status}`);
    return res;
  };
  const setup = await post('/api/setup', {
    code: server.setupCode,
    email: 'admin@example.org',
    displayName: 'Admin',
    password: 'a long password',
  });
  const cookie = (setup.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  const { id } = (await (await post('/api/boards', { title: 'T' }, cookie)).json()) as { id: string };
  const { ticket } = (await (await post(`/api/boards/${id}/tickets`, {}, cookie)).json()) as {
    ticket: string;
  };
  return { boardId: id, ticket };
}
