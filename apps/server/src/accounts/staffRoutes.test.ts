import { describe, expect, it } from 'vitest';
import { accessFixture } from '../access/access.fixture.js';
import type { LiveSocket } from '../access/liveSockets.js';
import { sessionIdOf } from './sessions.js';

/** The administrators' staff screen routes, SPEC [SA1]–[SA3]. */

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
}

/** An admin, a second staff account signed in with a board open (by cookie and by ticket). */
async function staffFixture() {
  const f = accessFixture();
  const admin = await f.createStaff('ada@example.org', true);
  const adminCookie = await f.login('ada@example.org');
  const sam = await f.createStaff('sam@example.org');
  const samCookie = await f.login('sam@example.org');
  const board = await f.createBoard(samCookie);
  const closed: Array<{ who: string; code: number }> = [];
  const socket = (who: string, memberId: string | null, sessionId: string | null): LiveSocket => ({
    memberId,
    sessionId,
    close: (code) => closed.push({ who, code }),
  });
  // Sam's open board: one socket by the session cookie, one opened with a ticket.
  f.access.liveSockets.add(socket('sam-cookie', board.memberId, sessionIdOf(samCookie)));
  f.access.liveSockets.add(socket('sam-ticket', board.memberId, null));
  f.access.liveSockets.add(socket('ada', null, sessionIdOf(adminCookie)));
  const ticket = f.access.tickets.issue({
    boardId: board.id,
    memberId: board.memberId,
    role: 'facilitator',
    sessionId: null,
  }).ticket;
  const events = () =>
    f.services.db
      .prepare("SELECT kind, detail FROM audit_events WHERE kind LIKE 'account-%' OR kind = 'password-reset'")
      .all() as { kind: string; detail: string }[];
  return { f, admin, adminCookie, sam, samCookie, board, closed, ticket, events };
}

const me = async (f: ReturnType<typeof accessFixture>, cookie: string) =>
  ((await (await f.call('GET', '/api/me', { cookie })).json()) as { user: { id: string } | null }).user;

describe('staff accounts: who may manage them', () => {
  it('[SA1] only an administrator lists, adds, disables or resets; CSRF as everywhere', async () => {
    const { f, sam, samCookie, adminCookie, board } = await staffFixture();
    const guest = await f.inviteGuest(samCookie, board.id, 'family');
    const body = { password: 'a new long password' };
    for (const cookie of [samCookie, guest.cookie]) {
      await expectError(await f.call('GET', '/api/users', { cookie }), 403, 'forbidden');
      await expectError(await f.call('POST', `/api/users/${sam.id}/disable`, { cookie }), 403, 'forbidden');
      await expectError(
        await f.call('POST', `/api/users/${sam.id}/password`, { cookie, body }),
        403,
        'forbidden',
      );
    }
    await expectError(await f.call('GET', '/api/users'), 401, 'not-signed-in');
    // A cross-site form post carries the cookie but not the CSRF header.
    const forged = await f.call('POST', `/api/users/${sam.id}/disable`, {
      cookie: adminCookie,
      headers: { 'X-Kinmap-CSRF': '' },
    });
    expect(forged.status).toBe(403);
    expect(await me(f, samCookie)).not.toBeNull();
  });

  it('[SA1] lists every account without password hashes, and audits an added one by id', async () => {
    const { f, adminCookie, events } = await staffFixture();
    const added = await f.call('POST', '/api/users', {
      cookie: adminCookie,
      body: { email: 'Pat@Example.org', displayName: 'Pat Practitioner', password: 'a long password' },
    });
    expect(added.status).toBe(201);
    const { user } = (await added.json()) as { user: { id: string } };
    const res = await f.call('GET', '/api/users', { cookie: adminCookie });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/scrypt|passwordHash|password_hash/);
    const { users } = JSON.parse(text) as { users: Array<Record<string, unknown>> };
    expect(users.map((u) => u.email)).toEqual(['ada@example.org', 'sam@example.org', 'pat@example.org']);
    expect(users[2]).toEqual({
      id: user.id,
      email: 'pat@example.org',
      displayName: 'Pat Practitioner',
      isAdmin: false,
      createdAt: expect.any(Number),
      disabledAt: null,
    });
    expect(events()).toEqual([{ kind: 'account-created', detail: expect.stringContaining(user.id) }]);
    expect(JSON.stringify(events())).not.toMatch(/pat@|Pat Practitioner/);
  });
});

describe('disabling a staff account', () => {
  it('[SA2] ends its sessions, closes its live sockets and voids its tickets, at once', async () => {
    const { f, sam, samCookie, adminCookie, board, closed, ticket, events } = await staffFixture();
    const res = await f.call('POST', `/api/users/${sam.id}/disable`, { cookie: adminCookie });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { disabledAt: number | null } }).user.disabledAt).toBe(f.clock.now);
    expect(closed).toEqual([
      { who: 'sam-cookie', code: 4403 },
      { who: 'sam-ticket', code: 4403 },
    ]);
    expect(await me(f, samCookie)).toBeNull();
    expect((await f.call('GET', `/api/boards/${board.id}`, { cookie: samCookie })).status).toBe(401);
    expect(f.services.authenticate({ boardId: board.id, ticket })).toEqual({
      ok: false,
      reason: 'ticket-refused',
    });
    // Signing in again fails like a wrong password.
    await expectError(
      await f.call('POST', '/api/login', { body: { email: 'sam@example.org', password: 'a long password' } }),
      401,
      'bad-credentials',
    );
    expect(events().map((e) => e.kind)).toEqual(['account-disabled']);
    expect(JSON.parse(events()[0]?.detail ?? '{}')).toMatchObject({
      userId: sam.id,
      sessions: 1,
      sockets: 2,
    });

    // Enabled again: the password works, the old session stays ended.
    expect((await f.call('POST', `/api/users/${sam.id}/enable`, { cookie: adminCookie })).status).toBe(200);
    expect(await me(f, samCookie)).toBeNull();
    expect(await f.login('sam@example.org')).not.toBe('');
  });

  it('[SA2] an administrator cannot disable their own account, nor the last administrator', async () => {
    const { f, admin, adminCookie } = await staffFixture();
    await expectError(
      await f.call('POST', `/api/users/${admin.id}/disable`, { cookie: adminCookie }),
      409,
      'account-protected',
    );
    // A second administrator may disable the first while both are active, but not the one left.
    const bea = await f.createStaff('bea@example.org', true);
    const beaCookie = await f.login('bea@example.org');
    expect((await f.call('POST', `/api/users/${admin.id}/disable`, { cookie: beaCookie })).status).toBe(200);
    await expectError(
      await f.call('POST', `/api/users/${bea.id}/disable`, { cookie: beaCookie }),
      409,
      'account-protected',
    );
    await expectError(
      await f.call('POST', '/api/users/AAAAAAAAAAAAAAAAAAAAAA/disable', { cookie: beaCookie }),
      404,
      'not-found',
    );
  });
});

describe('a new password for a staff account', () => {
  it('[SA3] replaces the old one and ends its sessions and sockets', async () => {
    const { f, sam, samCookie, adminCookie, closed, events } = await staffFixture();
    const res = await f.call('POST', `/api/users/${sam.id}/password`, {
      cookie: adminCookie,
      body: { password: 'a brand new password' },
    });
    expect(res.status).toBe(200);
    expect(closed.map((c) => c.who)).toEqual(['sam-cookie', 'sam-ticket']);
    expect(await me(f, samCookie)).toBeNull();
    await expectError(
      await f.call('POST', '/api/login', { body: { email: 'sam@example.org', password: 'a long password' } }),
      401,
      'bad-credentials',
    );
    expect(await f.login('sam@example.org', 'a brand new password')).not.toBe('');
    expect(events().map((e) => e.kind)).toEqual(['password-reset']);
    expect(f.logs.join('\n')).not.toContain('a brand new password');
  });

  it('[SA3] refuses a hostile body: too short, too long, wrong type, extra nesting', async () => {
    const { f, sam, adminCookie } = await staffFixture();
    for (const body of [
      { password: 'short' },
      { password: 'x'.repeat(257) },
      { password: 12345678901 },
      { password: { nested: 'a long password' } },
      [],
      'not json',
    ]) {
      const res = await f.call('POST', `/api/users/${sam.id}/password`, { cookie: adminCookie, body });
      expect([400, 415]).toContain(res.status);
    }
    expect(await f.login('sam@example.org')).not.toBe('');
  });
});
