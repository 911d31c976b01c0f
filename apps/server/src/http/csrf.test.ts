import { describe, expect, it } from 'vitest';
import { accessFixture } from '../access/access.fixture.js';

describe('csrf', () => {
  async function signedInBoard() {
    const f = accessFixture();
    await f.createStaff('fay@example.org');
    const cookie = await f.login('fay@example.org');
    const board = await f.createBoard(cookie);
    return { ...f, cookie, board };
  }

  it('[AU14] refuses a cookie-carrying state change without X-Kinmap-CSRF: 1', async () => {
    const f = await signedInBoard();
    const res = await f.call('POST', `/api/boards/${f.board.id}/tickets`, {
      cookie: f.cookie,
      headers: { 'X-Kinmap-CSRF': '0' },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf');
    const plain = await f.app.request(`/api/boards/${f.board.id}/tickets`, {
      method: 'POST',
      headers: { Cookie: `kinmap_session=${f.cookie}`, Origin: 'http://localhost' },
    });
    expect(plain.status).toBe(403);
  });

  it('[AU14] refuses a foreign, missing or opaque Origin, and accepts a same-origin Referer instead', async () => {
    const f = await signedInBoard();
    const url = `/api/boards/${f.board.id}/invites`;
    const body = { role: 'family' };
    for (const origin of ['http://evil.example', 'http://localhost.evil.example', 'null']) {
      const res = await f.call('POST', url, { cookie: f.cookie, body, headers: { Origin: origin } });
      expect(res.status).toBe(403);
    }
    const noOrigin = await f.app.request(url, {
      method: 'POST',
      headers: {
        Cookie: `kinmap_session=${f.cookie}`,
        'X-Kinmap-CSRF': '1',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    expect(noOrigin.status).toBe(403);
    const referer = await f.app.request(url, {
      method: 'POST',
      headers: {
        Cookie: `kinmap_session=${f.cookie}`,
        'X-Kinmap-CSRF': '1',
        Referer: 'http://localhost/b/x',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    expect(referer.status).toBe(201);
    expect(f.access.invites.ofBoard(f.board.id)).toHaveLength(1);
  });

  it('[AU14] refuses a form-encoded body (415) before any route reads it', async () => {
    const f = await signedInBoard();
    const res = await f.call('POST', `/api/boards/${f.board.id}/invites`, {
      cookie: f.cookie,
      body: 'role=family',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(f.access.invites.ofBoard(f.board.id)).toHaveLength(0);
  });

  it('[AU14] checks login and invite opening even without a cookie (login CSRF)', async () => {
    const f = accessFixture();
    await f.createStaff('fay@example.org');
    const res = await f.app.request('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'fay@example.org', password: 'a long password' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('Set-Cookie')).toBeNull();
    const open = await f.app.request('/api/invites/open', { method: 'POST', body: '{}' });
    expect(open.status).toBe(403);
  });

  it('[AU14] leaves requests without the cookie alone (bearer-token clients) and every GET', async () => {
    const f = await signedInBoard();
    const res = await f.app.request(`/api/boards/${f.board.id}`, {
      headers: { Cookie: `kinmap_session=${f.cookie}` },
    });
    expect(res.status).toBe(200);
    const anonymous = await f.app.request('/api/logout', { method: 'POST' });
    expect(anonymous.status).toBe(204);
  });
});
