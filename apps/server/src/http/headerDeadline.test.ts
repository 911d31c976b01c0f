import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../server.js';

/** Short, so the suite waits well under a second per socket; the default is 10 s. */
const HEADERS_TIMEOUT_MS = 300;

describe('slow-loris: a connection must complete its headers in time (real server, real sockets)', () => {
  let dataDir: string;
  let server: RunningServer;
  const sockets: Socket[] = [];
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kinmap-loris-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, headersTimeoutMs: HEADERS_TIMEOUT_MS });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A raw TCP client that reads everything (so it sees the server's FIN) and records it. */
  function open(): { socket: Socket; received: () => string; closed: Promise<void> } {
    const socket = connect(server.port, '127.0.0.1');
    sockets.push(socket);
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    return { socket, received: () => text, closed };
  }

  it('closes a connection that never sends a byte', async () => {
    const idle = open();
    await idle.closed;
    expect(idle.received()).not.toContain('200 OK');
  });

  it('closes a connection that sends half a request once and then nothing', async () => {
    const half = open();
    half.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await half.closed;
    expect(half.received()).not.toContain('200 OK');
  });

  it('closes a connection whose headers keep dripping', async () => {
    const drip = open();
    drip.socket.write('GET /healthz HTTP/1.1\r\n');
    let n = 0;
    const timer = setInterval(() => drip.socket.write(`X-Drip-${n++}: 1\r\n`), 20);
    await drip.closed;
    clearInterval(timer);
    expect(drip.received()).not.toContain('200 OK');
  });

  it('closes a half-sent WebSocket upgrade', async () => {
    const upgrade = open();
    upgrade.socket.write('GET /sync/board HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n');
    await upgrade.closed;
    expect(upgrade.received()).toBe('');
  });

  it('answers a request whose headers arrive in time, and the connection is not cut mid-response', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
  });
});
