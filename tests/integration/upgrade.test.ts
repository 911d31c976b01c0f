import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeEvent, createBoard, Fixture, opened, refusalStatus, syncUrl } from './helpers.js';

describe('the /sync upgrade of the real server', () => {
  let fixture: Fixture;
  beforeEach(() => {
    fixture = new Fixture();
  });
  afterEach(() => fixture.cleanup());

  it('[E1] refuses before the handshake: no token 401, wrong token 403, unknown board 404, wrong path 404', async () => {
    const server = await fixture.start();
    const board = await createBoard(server, 'Board');
    const other = await createBoard(server, 'Other');
    const sync = syncUrl(server);
    const ws = server.url.replace(/^http/, 'ws');
    expect(await refusalStatus(fixture.rawSocket(`${sync}/${board.id}`))).toBe(401);
    expect(await refusalStatus(fixture.rawSocket(`${sync}/${board.id}?token=`))).toBe(401);
    expect(await refusalStatus(fixture.rawSocket(`${sync}/${board.id}?token=wrong`))).toBe(403);
    expect(
      await refusalStatus(fixture.rawSocket(`${sync}/${board.id}?token=${other.tokens.facilitator}`)),
    ).toBe(403);
    expect(
      await refusalStatus(fixture.rawSocket(`${sync}/unknownBoard?token=${board.tokens.facilitator}`)),
    ).toBe(404);
    expect(await refusalStatus(fixture.rawSocket(`${sync}/..%2F..%2Fetc?token=x`))).toBe(404);
    expect(await refusalStatus(fixture.rawSocket(`${ws}/elsewhere/${board.id}?token=x`))).toBe(404);
  });

  it('[V1] accepts a valid token and closes a frame over the room limit with 4413', async () => {
    const server = await fixture.start();
    const board = await createBoard(server, 'Board');
    const ws = fixture.rawSocket(`${syncUrl(server)}/${board.id}?token=${board.tokens.family}`);
    await opened(ws);
    const closed = closeEvent(ws);
    ws.send(new Uint8Array(2 * 1024 * 1024));
    expect((await closed).code).toBe(4413);
  });

  it('[V1] closes a frame over the hard transport cap with 1009 before the room sees it', async () => {
    const server = await fixture.start();
    const board = await createBoard(server, 'Board');
    const ws = fixture.rawSocket(`${syncUrl(server)}/${board.id}?token=${board.tokens.family}`);
    await opened(ws);
    const closed = closeEvent(ws);
    ws.send(new Uint8Array(17 * 1024 * 1024));
    expect((await closed).code).toBe(1009);
  });

  it('closes a text frame with 4400', async () => {
    const server = await fixture.start();
    const board = await createBoard(server, 'Board');
    const ws = fixture.rawSocket(`${syncUrl(server)}/${board.id}?token=${board.tokens.viewer}`);
    await opened(ws);
    const closed = closeEvent(ws);
    ws.send('not binary');
    expect((await closed).code).toBe(4400);
  });

  it('answers HTTP next to the upgrade: health, board meta, and 426 for plain HTTP on /sync', async () => {
    const server = await fixture.start();
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
    const board = await createBoard(server, 'Board');
    const meta = await fetch(`${server.url}/api/boards/${board.id}`, {
      headers: { Authorization: `Bearer ${board.tokens.network}` },
    });
    expect(await meta.json()).toMatchObject({ id: board.id, title: 'Board', role: 'network' });
    expect((await fetch(`${server.url}/sync/${board.id}`)).status).toBe(426);
  });
});
