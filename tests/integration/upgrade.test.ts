import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  boardWithMembers,
  closeEvent,
  Fixture,
  get,
  opened,
  refusalStatus,
  syncUrl,
  ticketFor,
} from './helpers.js';

describe('the /sync upgrade of the real server', () => {
  let fixture: Fixture;
  beforeEach(() => {
    fixture = new Fixture();
  });
  afterEach(() => fixture.cleanup());

  /** A member opens the board's socket with a valid ticket and sends one frame: the close code the server answers. */
  async function closeCodeAfterSending(
    role: 'family' | 'viewer',
    frame: Uint8Array | string,
  ): Promise<number> {
    const server = await fixture.start();
    const board = await boardWithMembers(server, 'Board', [role]);
    const ticket = await ticketFor(server, board.boardId, board[role]);
    const ws = fixture.rawSocket(`${syncUrl(server)}/${board.boardId}?ticket=${ticket}`);
    await opened(ws);
    const closed = closeEvent(ws);
    ws.send(frame);
    return (await closed).code;
  }

  it('[E1] refuses before the handshake: no cookie or ticket 401, a spent or foreign ticket 403, unknown board 404, wrong path 404', async () => {
    const server = await fixture.start();
    const board = await boardWithMembers(server, 'Board', ['family']);
    const other = await boardWithMembers(server, 'Other');
    const sync = syncUrl(server);
    const ws = server.url.replace(/^http/, 'ws');
    const ticket = () => ticketFor(server, board.boardId, board.family);
    expect(await refusalStatus(fixture.rawSocket(`${sync}/${board.boardId}`))).toBe(401);
    expect(await refusalStatus(fixture.rawSocket(`${sync}/${board.boardId}?ticket=`))).toBe(401);
    // The session secret itself opens nothing from the URL: there is no token parameter any more.
    const secret = board.family.cookie.split('=')[1];
    expect(await refusalStatus(fixture.rawSocket(`${sync}/${board.boardId}?token=${secret}`))).toBe(401);
    expect(await refusalStatus(fixture.rawSocket(`${sync}/${board.boardId}?ticket=wrong`))).toBe(403);
    const spent = await ticket();
    await opened(fixture.rawSocket(`${sync}/${board.boardId}?ticket=${spent}`));
    expect(await refusalStatus(fixture.rawSocket(`${sync}/${board.boardId}?ticket=${spent}`))).toBe(403);
    const foreign = await ticketFor(server, other.boardId, other.facilitator);
    expect(await refusalStatus(fixture.rawSocket(`${sync}/${board.boardId}?ticket=${foreign}`))).toBe(403);
    expect(await refusalStatus(fixture.rawSocket(`${sync}/unknownBoard?ticket=${await ticket()}`))).toBe(404);
    expect(await refusalStatus(fixture.rawSocket(`${sync}/..%2F..%2Fetc?ticket=x`))).toBe(404);
    expect(await refusalStatus(fixture.rawSocket(`${ws}/elsewhere/${board.boardId}?ticket=x`))).toBe(404);
  });

  it('[AU13] takes the session cookie from this site only', async () => {
    const server = await fixture.start();
    const board = await boardWithMembers(server, 'Board', ['family']);
    const url = `${syncUrl(server)}/${board.boardId}`;
    const open = (headers: Record<string, string>) => {
      const socket = new WebSocket(url, { headers });
      socket.on('error', () => {});
      fixture.track(socket);
      return socket;
    };
    expect(await refusalStatus(open({ Cookie: board.family.cookie }))).toBe(403);
    expect(await refusalStatus(open({ Cookie: board.family.cookie, Origin: 'http://evil.example' }))).toBe(
      403,
    );
    await opened(open({ Cookie: board.family.cookie, Origin: server.url }));
  });

  it('[V1] accepts a valid ticket and closes a frame over the room limit with 4413', async () => {
    expect(await closeCodeAfterSending('family', new Uint8Array(2 * 1024 * 1024))).toBe(4413);
  });

  it('[V1] closes a frame over the hard transport cap with 1009 before the room sees it', async () => {
    expect(await closeCodeAfterSending('family', new Uint8Array(17 * 1024 * 1024))).toBe(1009);
  });

  it('closes a text frame with 4400', async () => {
    expect(await closeCodeAfterSending('viewer', 'not binary')).toBe(4400);
  });

  it('answers HTTP next to the upgrade: health, board meta, and 426 for plain HTTP on /sync', async () => {
    const server = await fixture.start();
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
    const board = await boardWithMembers(server, 'Board', ['network']);
    const meta = await get(server, `/api/boards/${board.boardId}`, board.network.cookie);
    expect(await meta.json()).toMatchObject({ id: board.boardId, title: 'Board', role: 'network' });
    expect((await fetch(`${server.url}/api/boards/${board.boardId}`)).status).toBe(401);
    expect((await fetch(`${server.url}/sync/${board.boardId}`)).status).toBe(426);
  });
});
