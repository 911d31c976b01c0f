import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect as connectTcp, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Authenticator } from '../access/authenticator.js';
import { createLiveSockets } from '../access/liveSockets.js';
import { createConnectionLimiter } from './connectionLimiter.js';
import {
  authenticate,
  closeEvent,
  openClient,
  recordingRooms,
  refusalStatus,
  waitFor,
} from './upgrade.fixture.js';
import { attachSyncUpgrade, type SyncUpgrade, type SyncUpgradeOptions } from './upgrade.js';

describe('attachSyncUpgrade', () => {
  let server: Server;
  let upgrade: SyncUpgrade;
  let rooms: ReturnType<typeof recordingRooms>;
  let base: string;
  const clients: WebSocket[] = [];
  const rawSockets: Socket[] = [];

  const start = async (
    options: Partial<
      Pick<
        SyncUpgradeOptions,
        'heartbeatMs' | 'authenticate' | 'liveSockets' | 'connectionLimiter' | 'handshakeTimeoutMs'
      >
    > = {},
  ) => {
    server = createServer((_req, res) => res.end('http'));
    rooms = recordingRooms();
    upgrade = attachSyncUpgrade({ server, rooms, authenticate, ...options });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const restart = async (options: Parameters<typeof start>[0]) => {
    await upgrade.close(0);
    await new Promise((resolve) => server.close(resolve));
    await start(options);
  };
  const client = async (url: string) => {
    const ws = await openClient(url);
    clients.push(ws);
    return ws;
  };

  beforeEach(() => start());
  afterEach(async () => {
    for (const ws of clients.splice(0)) ws.terminate();
    for (const socket of rawSockets.splice(0)) socket.destroy();
    await upgrade.close(0);
    await new Promise((resolve) => server.close(resolve));
  });

  it('[E1] answers a wrong path 404, an unknown board 404, no cookie or ticket 401 and a refused ticket 403 before upgrading', async () => {
    expect(await refusalStatus(`${base}/elsewhere/board1?ticket=edit`)).toBe(404);
    expect(await refusalStatus(`${base}/sync/board1/extra?ticket=edit`)).toBe(404);
    expect(await refusalStatus(`${base}/sync/nope?ticket=edit`)).toBe(404);
    expect(await refusalStatus(`${base}/sync/board1`)).toBe(401);
    expect(await refusalStatus(`${base}/sync/board1?ticket=`)).toBe(401);
    expect(await refusalStatus(`${base}/sync/board1?ticket=guess`)).toBe(403);
    expect(rooms.joined).toEqual([]);
  });

  it('[E3] hands an accepted socket to the room with its role; viewers may not write the document', async () => {
    await client(`${base}/sync/board1?ticket=edit`);
    await client(`${base}/sync/board1?ticket=view`);
    await waitFor(() => rooms.joined.length === 2, 'two connections');
    expect(rooms.joined.map((j) => [j.boardId, j.access.role, j.access.canWriteDoc])).toEqual([
      ['board1', 'family', true],
      ['board1', 'viewer', false],
    ]);
    expect(rooms.joined[0]?.access.connectionId).not.toBe(rooms.joined[1]?.access.connectionId);
  });

  it('forwards binary frames as plain Uint8Arrays in order, and room output back to the client', async () => {
    const ws = await client(`${base}/sync/board1?ticket=edit`);
    const received: Buffer[] = [];
    ws.on('message', (data) => received.push(data as Buffer));
    ws.send(new Uint8Array([0, 1, 2]));
    ws.send(new Uint8Array([3]));
    await waitFor(() => rooms.joined[0]?.messages.length === 2, 'two frames');
    const [first, second] = rooms.joined[0]?.messages ?? [];
    expect(Object.getPrototypeOf(first)).toBe(Uint8Array.prototype);
    expect([Array.from(first ?? []), Array.from(second ?? [])]).toEqual([[0, 1, 2], [3]]);
    rooms.joined[0]?.socket.send(new Uint8Array([9, 8]));
    await waitFor(() => received.length === 1, 'the room output');
    expect(Array.from(received[0] ?? [])).toEqual([9, 8]);
  });

  it('[V2] closes a text frame with 4400 and never passes it to the room', async () => {
    const ws = await client(`${base}/sync/board1?ticket=edit`);
    const closed = closeEvent(ws);
    ws.send('hello');
    expect((await closed).code).toBe(4400);
    expect(rooms.joined[0]?.messages).toEqual([]);
    await waitFor(() => rooms.joined[0]?.closed === 1, 'the room to hear the close');
  });

  it('passes the room close code and reason to the client and tells the room once when the socket ends', async () => {
    const ws = await client(`${base}/sync/board1?ticket=edit`);
    await waitFor(() => rooms.joined.length === 1, 'the connection');
    const closed = closeEvent(ws);
    rooms.joined[0]?.socket.close(4413, 'message too large');
    expect(await closed).toEqual({ code: 4413, reason: 'message too large' });
    await waitFor(() => rooms.joined[0]?.closed === 1, 'the room to hear the close');
    expect(rooms.joined[0]?.closed).toBe(1);
  });

  it('drops a peer that stops answering pings', async () => {
    await restart({ heartbeatMs: 20 });
    // A raw TCP peer completes the handshake, then ignores everything (a dead phone, say).
    const port = Number(new URL(base).port);
    const socket = connectTcp(port, '127.0.0.1');
    rawSockets.push(socket);
    let ended = false;
    socket.resume(); // read and ignore: it never answers a ping
    socket.on('close', () => {
      ended = true;
    });
    socket.write(
      'GET /sync/board1?ticket=edit HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await waitFor(() => rooms.joined.length === 1, 'the raw peer to join');
    await waitFor(() => ended, 'the server to drop the silent peer');
    await waitFor(() => rooms.joined[0]?.closed === 1, 'the room to hear the drop');
    expect(upgrade.connectionCount()).toBe(0);
  });

  it('answers 500 when deciding fails, and keeps serving', async () => {
    await restart({
      authenticate: () => {
        throw new Error('database is locked');
      },
    });
    expect(await refusalStatus(`${base}/sync/board1?ticket=edit`)).toBe(500);
    expect(await refusalStatus(`${base}/sync/board1?ticket=edit`)).toBe(500);
  });

  it('[D1] refuses upgrades with 503 once shutdown began, and closes open sockets with 1001 on close', async () => {
    const ws = await client(`${base}/sync/board1?ticket=edit`);
    const closed = closeEvent(ws);
    upgrade.refuseNew();
    expect(await refusalStatus(`${base}/sync/board1?ticket=edit`)).toBe(503);
    await upgrade.close();
    expect((await closed).code).toBe(1001);
  });

  it('[AU11] passes the member id as participantId to the room and registers the socket for revocation', async () => {
    const liveSockets = createLiveSockets();
    const byTicket: Authenticator = ({ ticket }) =>
      ticket === 't1'
        ? {
            ok: true,
            boardId: 'board1' as never,
            role: 'family',
            memberId: 'member1',
            sessionId: 's1',
            via: 'ticket',
          }
        : { ok: false, reason: 'ticket-refused' };
    await restart({ authenticate: byTicket, liveSockets });
    const ws = await client(`${base}/sync/board1?ticket=t1`);
    const closed = closeEvent(ws);
    await waitFor(() => rooms.joined.length === 1, 'the join');
    expect(rooms.joined[0]?.access).toMatchObject({ role: 'family', participantId: 'member1' });
    expect(liveSockets.size()).toBe(1);
    expect(liveSockets.closeSession('s1')).toBe(1);
    expect(await closed).toEqual({ code: 4403, reason: 'access revoked' });
    await waitFor(() => rooms.joined[0]?.closed === 1, 'the room to forget the connection');
  });

  it('[AU13] refuses a cookie-authenticated upgrade without this host as Origin', async () => {
    const byCookie: Authenticator = () => ({
      ok: true,
      boardId: 'board1' as never,
      role: 'family',
      memberId: 'mum',
      sessionId: 's1',
      via: 'session',
    });
    await restart({ authenticate: byCookie });
    expect(await refusalStatus(`${base}/sync/board1`)).toBe(403);
    const host = base.replace('ws://', '');
    const ws = await new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(`${base}/sync/board1`, { headers: { Origin: `http://${host}` } });
      socket.once('open', () => resolve(socket));
      socket.once('error', reject);
    });
    clients.push(ws);
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  it('[PO1] opens a board’s restricted room to professionals only: 403 for family, network and viewers', async () => {
    const byRole: Authenticator = ({ boardId, ticket }) =>
      boardId === 'board1' && ticket
        ? {
            ok: true,
            boardId: boardId as never,
            role: ticket as never,
            memberId: `m-${ticket}`,
            sessionId: null,
            via: 'ticket',
          }
        : { ok: false, reason: 'not-signed-in' };
    await restart({ authenticate: byRole });
    for (const role of ['family', 'network', 'viewer']) {
      expect(await refusalStatus(`${base}/sync/board1/restricted?ticket=${role}`)).toBe(403);
    }
    expect(await refusalStatus(`${base}/sync/board1/restricted`)).toBe(401);
    expect(await refusalStatus(`${base}/sync/board1/restricted/more?ticket=facilitator`)).toBe(404);
    expect(rooms.joined).toEqual([]);
    await client(`${base}/sync/board1/restricted?ticket=practitioner`);
    await client(`${base}/sync/board1/restricted?ticket=facilitator`);
    await client(`${base}/sync/board1?ticket=family`);
    await waitFor(() => rooms.joined.length === 3, 'three connections');
    expect(rooms.joined.map((j) => [j.boardId, j.access.role])).toEqual([
      ['board1:restricted', 'practitioner'],
      ['board1:restricted', 'facilitator'],
      ['board1', 'family'],
    ]);
  });

  it('[L3] answers 429 with Retry-After before upgrading once an address is over its rate; open sockets carry on', async () => {
    await restart({ connectionLimiter: createConnectionLimiter({ perSecond: 0.01, burst: 2 }) });
    const first = await client(`${base}/sync/board1?ticket=edit`);
    await client(`${base}/sync/board1?ticket=view`);
    const refused = await new Promise<{ status: number; retryAfter: string | undefined }>(
      (resolve, reject) => {
        const ws = new WebSocket(`${base}/sync/board1?ticket=edit`);
        ws.on('error', () => {});
        ws.on('open', () => reject(new Error('the upgrade was accepted')));
        ws.on('unexpected-response', (_request, response) => {
          resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] });
          ws.terminate();
        });
      },
    );
    expect(refused).toEqual({ status: 429, retryAfter: '100' });
    // Counted before authentication: a flood of bad tickets is refused the same way.
    expect(await refusalStatus(`${base}/sync/board1?ticket=guess`)).toBe(429);
    expect(rooms.joined).toHaveLength(2);
    first.send(new Uint8Array([0, 0, 0]));
    await waitFor(() => rooms.joined[0]?.messages.length === 1, 'the open socket to keep working');
  });

  it('[L4] closes a socket that sends no sync step 1 in time with 4504; one that did stays open', async () => {
    await restart({ handshakeTimeoutMs: 100 });
    const polite = await client(`${base}/sync/board1?ticket=edit`);
    polite.send(new Uint8Array([0, 0, 0])); // sync step 1, empty state vector
    const silent = await client(`${base}/sync/board1?ticket=edit`);
    const chatty = await client(`${base}/sync/board1?ticket=view`);
    chatty.send(new Uint8Array([3])); // query awareness: a frame, but not the handshake
    const [silentClosed, chattyClosed] = await Promise.all([closeEvent(silent), closeEvent(chatty)]);
    expect(silentClosed).toEqual({ code: 4504, reason: 'no sync step 1 in time' });
    expect(chattyClosed.code).toBe(4504);
    // The polite socket opened first, so its bound passed before the others were closed.
    expect(polite.readyState).toBe(WebSocket.OPEN);
    await waitFor(() => rooms.joined[1]?.closed === 1 && rooms.joined[2]?.closed === 1, 'the room to hear');
    expect(rooms.joined[0]?.closed).toBe(0);
  });
});
