import { describe, expect, it } from 'vitest';
import { accessFixture, sessionCookieOf } from '../access/access.fixture.js';

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
}

const admin = { email: 'Admin@Example.org', displayName: 'Ada Admin', password: 'a long password' };

describe('POST /api/setup', () => {
  it('[AU1] creates the first administrator with the setup code and signs them in', async () => {
    const f = accessFixture();
    const { secret } = f.access.setup.issue();
    const res = await f.call('POST', '/api/setup', { body: { code: secret, ...admin } });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      user: { id: expect.any(String), email: 'admin@example.org', displayName: 'Ada Admin', isAdmin: true },
    });
    const cookieHeader = res.headers.get('Set-Cookie') ?? '';
    expect(cookieHeader).toMatch(/HttpOnly/);
    expect(cookieHeader).toMatch(/SameSite=Strict/);
    expect(cookieHeader).toMatch(/Path=\//);
    const me = await f.call('GET', '/api/me', { cookie: sessionCookieOf(res) ?? '' });
    expect(((await me.json()) as { user: { isAdmin: boolean } }).user.isAdmin).toBe(true);
    expect(f.logs.join('\n')).not.toMatch(/admin@example|Ada Admin|a long password/i);
  });

  it('[AU1] refuses a wrong or expired code, and any setup once a user exists', async () => {
    const f = accessFixture();
    const { secret } = f.access.setup.issue();
    await expectError(
      await f.call('POST', '/api/setup', { body: { ...admin, code: 'x'.repeat(43) } }),
      403,
      'setup-closed',
    );
    f.clock.now += 24 * 3600_000 + 1;
    await expectError(
      await f.call('POST', '/api/setup', { body: { ...admin, code: secret } }),
      403,
      'setup-closed',
    );
    const fresh = f.access.setup.issue();
    expect((await f.call('POST', '/api/setup', { body: { ...admin, code: fresh.secret } })).status).toBe(201);
    const again = f.access.setup.issue();
    const second = { ...admin, email: 'other@example.org', code: again.secret };
    await expectError(await f.call('POST', '/api/setup', { body: second }), 410, 'setup-closed');
    expect(f.access.users.count()).toBe(1);
  });

  it('[AU1] rate-limits wrong setup codes per address', async () => {
    const f = accessFixture();
    const { secret } = f.access.setup.issue();
    for (let i = 0; i < 5; i++) {
      await f.call('POST', '/api/setup', { body: { ...admin, code: 'y'.repeat(43) } });
    }
    const res = await f.call('POST', '/api/setup', { body: { ...admin, code: secret } });
    await expectError(res, 429, 'rate-limited');
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
});

describe('POST /api/login', () => {
  it('[AU2] signs staff in with a fresh HttpOnly SameSite=Strict session cookie', async () => {
    const f = accessFixture();
    const user = await f.createStaff('sam@example.org');
    const res = await f.call('POST', '/api/login', {
      body: { email: 'SAM@example.org', password: 'a long password' },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { id: string } }).user.id).toBe(user.id);
    expect(res.headers.get('Set-Cookie')).toMatch(
      /^kinmap_session=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/,
    );
  });

  it('[AU2] answers the same 401 for a wrong password and an unknown email', async () => {
    const f = accessFixture();
    await f.createStaff('sam@example.org');
    const wrong = await f.call('POST', '/api/login', {
      body: { email: 'sam@example.org', password: 'wrong password!' },
    });
    const unknown = await f.call('POST', '/api/login', {
      body: { email: 'nobody@example.org', password: 'wrong password!' },
    });
    const bodies = [await wrong.json(), await unknown.json()];
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(bodies[0]).toEqual(bodies[1]);
    expect(wrong.headers.get('Set-Cookie')).toBeNull();
  });

  it('[AU2] blocks an email after 5 failures in 15 minutes with 429 and Retry-After, then lets it in again', async () => {
    const f = accessFixture();
    await f.createStaff('sam@example.org');
    for (let i = 0; i < 5; i++) {
      const res = await f.call('POST', '/api/login', {
        body: { email: 'sam@example.org', password: 'wrong password!' },
        headers: { 'X-Test-Ip': `10.0.0.${i}` },
      });
      expect(res.status).toBe(401);
    }
    const blocked = await f.call('POST', '/api/login', {
      body: { email: 'sam@example.org', password: 'a long password' },
    });
    await expectError(blocked, 429, 'rate-limited');
    expect(Number(blocked.headers.get('Retry-After'))).toBe(15 * 60);
    f.clock.now += 15 * 60_000;
    expect(
      (
        await f.call('POST', '/api/login', {
          body: { email: 'sam@example.org', password: 'a long password' },
        })
      ).status,
    ).toBe(200);
  });

  it('[AU2] blocks an address after 20 failures, whatever the emails', async () => {
    const f = accessFixture();
    await f.createStaff('sam@example.org');
    for (let i = 0; i < 20; i++) {
      await f.call('POST', '/api/login', {
        body: { email: `guess${i}@example.org`, password: 'wrong password!' },
      });
    }
    const blocked = await f.call('POST', '/api/login', {
      body: { email: 'sam@example.org', password: 'a long password' },
    });
    await expectError(blocked, 429, 'rate-limited');
    const elsewhere = await f.call('POST', '/api/login', {
      body: { email: 'sam@example.org', password: 'a long password' },
      headers: { 'X-Test-Ip': 'other' },
    });
    expect(elsewhere.status).toBe(200);
  });

  it.each([
    ['not JSON', '{"email":', 400, 'bad-json'],
    ['a number email', '{"email":1,"password":"x"}', 400, 'invalid-input'],
    ['an array', '[]', 400, 'invalid-input'],
    [
      'SQL in the email',
      JSON.stringify({ email: "' OR 1=1 --", password: "' OR '1'='1" }),
      401,
      'bad-credentials',
    ],
    [
      'a 300-character password',
      JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(300) }),
      400,
      'invalid-input',
    ],
    [
      'a 20 KiB body',
      JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(20_000) }),
      413,
      'body-too-large',
    ],
  ])('answers %s with a clear error', async (_case, body, status, code) => {
    const f = accessFixture();
    await f.createStaff('sam@example.org');
    await expectError(await f.call('POST', '/api/login', { body }), status, code);
  });
});

describe('POST /api/logout and GET /api/me', () => {
  it('[AU3] revokes the session server-side: the old cookie opens nothing afterwards', async () => {
    const f = accessFixture();
    await f.createStaff('sam@example.org');
    const cookie = await f.login('sam@example.org');
    expect((await f.call('GET', '/api/me', { cookie })).status).toBe(200);
    const out = await f.call('POST', '/api/logout', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/kinmap_session=;.*Max-Age=0/);
    expect(await (await f.call('GET', '/api/me', { cookie })).json()).toEqual({ user: null, members: [] });
  });

  it('[AU3] signs nobody in with a missing, forged, malformed or expired cookie', async () => {
    const f = accessFixture();
    await f.createStaff('sam@example.org');
    const cookie = await f.login('sam@example.org');
    const nobody = { user: null, members: [] };
    const me = async (cookie?: string) => {
      const res = await f.call('GET', '/api/me', cookie === undefined ? {} : { cookie });
      expect(res.status).toBe(200);
      return res.json();
    };
    expect(await me()).toEqual(nobody);
    expect(await me('A'.repeat(43))).toEqual(nobody);
    expect(await me("x' OR 1=1 --")).toEqual(nobody);
    expect(await me('../../etc/passwd')).toEqual(nobody);
    expect(await me(cookie)).toMatchObject({ user: { email: 'sam@example.org' } });
    f.clock.now += 31 * 24 * 3600_000;
    expect(await me(cookie)).toEqual(nobody);
  });

  it('[AU3] tells a guest device which members it holds, and staff who they are', async () => {
    const f = accessFixture();
    await f.createStaff('sam@example.org');
    const staff = await f.login('sam@example.org');
    const board = await f.createBoard(staff);
    const guest = await f.inviteGuest(staff, board.id, 'family', 'Alex');
    const me = await f.call('GET', '/api/me', { cookie: guest.cookie });
    expect(await me.json()).toEqual({
      user: null,
      members: [{ id: guest.memberId, boardId: board.id, role: 'family', displayName: 'Alex' }],
    });
  });
});

describe('POST /api/users', () => {
  it('[AU4] lets an administrator add staff, who can then sign in', async () => {
    const f = accessFixture();
    await f.createStaff('admin@example.org', true);
    const cookie = await f.login('admin@example.org');
    const body = { email: 'new@example.org', displayName: 'New Person', password: 'another long one' };
    const res = await f.call('POST', '/api/users', { cookie, body });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { user: { isAdmin: boolean } }).user.isAdmin).toBe(false);
    expect(await f.login('new@example.org', 'another long one')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expectError(await f.call('POST', '/api/users', { cookie, body }), 409, 'email-taken');
  });

  it('[AU4] refuses staff who are not administrators, guests, and the signed-out', async () => {
    const f = accessFixture();
    await f.createStaff('sam@example.org');
    const staff = await f.login('sam@example.org');
    const board = await f.createBoard(staff);
    const guest = await f.inviteGuest(staff, board.id, 'family');
    const body = { email: 'new@example.org', displayName: 'New', password: 'another long one' };
    await expectError(await f.call('POST', '/api/users', { cookie: staff, body }), 403, 'forbidden');
    await expectError(await f.call('POST', '/api/users', { cookie: guest.cookie, body }), 403, 'forbidden');
    await expectError(await f.call('POST', '/api/users', { body }), 401, 'not-signed-in');
    expect(f.access.users.byEmail('new@example.org')).toBeNull();
  });

  it.each([
    ['a short password', { email: 'n@example.org', displayName: 'N', password: 'short' }],
    ['a bad email', { email: 'not an email', displayName: 'N', password: 'long enough pw' }],
    ['an empty name', { email: 'n@example.org', displayName: '  ', password: 'long enough pw' }],
    [
      'isAdmin as a string',
      { email: 'n@example.org', displayName: 'N', password: 'long enough pw', isAdmin: 'yes' },
    ],
  ])('[AU4] answers 400 to %s', async (_case, body) => {
    const f = accessFixture();
    await f.createStaff('admin@example.org', true);
    const cookie = await f.login('admin@example.org');
    await expectError(await f.call('POST', '/api/users', { cookie, body }), 400, 'invalid-input');
  });
});
