import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Actor, asParticipantId, newId, type Role } from '@kinmap/model';
import { type RunningServer, startServer } from '@kinmap/server';
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

  async start(): Promise<RunningServer> {
    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: this.dataDir });
    this.servers.push(server);
    return server;
  }

  /** An official y-websocket client, as the web app uses it. */
  connect(server: RunningServer, boardId: string, token: string) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(syncUrl(server), boardId, doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      // Node has BroadcastChannel: without this, clients in one process would sync around the server.
      disableBc: true,
    });
    const client = { provider, doc };
    this.clients.push(client);
    return client;
  }

  /** A raw `ws` socket, for what the official client cannot do (bad tokens, huge frames). */
  rawSocket(url: string): WebSocket {
    const ws = new WebSocket(url);
    ws.on('error', () => {});
    this.sockets.push(ws);
    return ws;
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

export function syncUrl(server: RunningServer): string {
  return `${server.url.replace(/^http/, 'ws')}/sync`;
}

export async function createBoard(server: RunningServer, title: string) {
  const res = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`creating a board answered ${res.status}`);
  return (await res.json()) as { id: string; tokens: Record<Role, string> };
}

export function actor(role: Role): Actor {
  return { participantId: asParticipantId(newId()), role };
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
