import { mayManage, ROLES, type Role } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { accessFixture, inviteSecret, sessionCookieOf } from './access.fixture.js';

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
}

/** A board created by a facilitator, with a practitioner (invited staff) and guests of each role. */
async function boardWithEveryone() {
  const f = accessFixture();
  await f.createStaff('fay@example.org');
  await f.createStaff('pat@example.org');
  const facilitator = await f.login('fay@example.org');
  const board = await f.createBoard(facilitator);
  // A staff member joins by opening a practitioner invite on their signed-in device.
  const practitioner = await f.login('pat@example.org');
  const invited = await f.call('POST', `/api/boards/${board.id}/invites`, {
    cookie: facilitator,
    body: { role: 'practitioner' },
  });
  const { link } = (await invited.json()) as { link: string };
  const opened = await f.call('POST', '/api/invites/open', {
    cookie: practitioner,
    body: { invite: inviteSecret(link), displayName: 'Pat' },
  });
  const practitionerId = ((await opened.json()) as { member: { id: string } }).member.id;
  const guests = {
    family: await f.inviteGuest(facilitator, board.id, 'family', 'Alex'),
    network: await f.inviteGuest(facilitator, board.id, 'network', 'Sue'),
    viewer: await f.inviteGuest(facilitator, board.id, 'viewer', 'Vic'),
  };
  const cookies: Record<Role, string> = {
    facilitator,
    practitioner,
    family: guests.family.cookie,
    network: guests.network.cookie,
    viewer: guests.viewer.cookie,
  };
  const memberIds: Record<Role, string> = {
    facilitator: board.memberId,
    practitioner: practitionerId,
    family: guests.family.memberId,
    network: guests.network.memberId,
    viewer: guests.viewer.memberId,
  };
  return { ...f, board, cookies, memberIds };
}

describe('boards', () => {
  it('[AU5] a staff session creates a board and becomes its facilitator member; it lists only their boards', async () => {
    const f = accessFixture();
    await f.createStaff('fay@example.org');
    await f.createStaff('other@example.org');
    const cookie = await f.login('fay@example.org');
    const board = await f.createBoard(cookie, 'Family map');
    expect(f.access.members.get(board.memberId)).toMatchObject({ role: 'facilitator', boardId: board.id });
    const other = await f.login('other@example.org');
    await f.createBoard(other, 'Not yours');
    const list = (await (await f.call('GET', '/api/boards', { cookie })).json()) as { boards: unknown[] };
    expect(list.boards).toEqual([
      {
        id: board.id,
        title: 'Family map',
        createdAt: expect.any(Number),
        role: 'facilitator',
        memberId: board.memberId,
      },
    ]);
  });

  it('[AU5] refuses board creation and listing to the signed-out (401) and to guests (403)', async () => {
    const f = await boardWithEveryone();
    await expectError(await f.call('POST', '/api/boards', { body: { title: 'T' } }), 401, 'not-signed-in');
    await expectError(
      await f.call('POST', '/api/boards', { cookie: f.cookies.family, body: { title: 'T' } }),
      403,
      'forbidden',
    );
    await expectError(await f.call('GET', '/api/boards'), 401, 'not-signed-in');
    await expectError(await f.call('GET', '/api/boards', { cookie: f.cookies.viewer }), 403, 'forbidden');
    expect(f.access.db.prepare('SELECT COUNT(*) AS n FROM boards').get()).toEqual({ n: 1 });
  });

  it('[AU6] GET /api/boards/:id answers each member by cookie with their role and member id', async () => {
    const f = await boardWithEveryone();
    for (const role of ROLES) {
      const res = await f.call('GET', `/api/boards/${f.board.id}`, { cookie: f.cookies[role] });
      expect(await res.json()).toEqual({
        id: f.board.id,
        title: 'Family map',
        createdAt: expect.any(Number),
        role,
        memberId: f.memberIds[role],
      });
    }
  });

  it('[AU6] a cookie of another board opens nothing here', async () => {
    const f = await boardWithEveryone();
    const other = await f.createBoard(f.cookies.facilitator, 'Other');
    const guest = await f.inviteGuest(f.cookies.facilitator, other.id, 'family');
    await expectError(
      await f.call('GET', `/api/boards/${f.board.id}`, { cookie: guest.cookie }),
      401,
      'not-signed-in',
    );
  });
});

describe('invites', () => {
  it('[AU7] a facilitator may invite every role; a practitioner family, network and viewer only', () => {
    for (const role of ROLES) expect(mayManage('facilitator', role)).toBe(true);
    expect(ROLES.filter((role) => mayManage('practitioner', role))).toEqual(['family', 'network', 'viewer']);
    for (const actor of ['family', 'network', 'viewer'] as const) {
      expect(ROLES.filter((role) => mayManage(actor, role))).toEqual([]);
    }
  });

  it.each([
    ['facilitator', 'facilitator', 201],
    ['facilitator', 'practitioner', 201],
    ['practitioner', 'family', 201],
    ['practitioner', 'viewer', 201],
    ['practitioner', 'practitioner', 403],
    ['practitioner', 'facilitator', 403],
    ['family', 'family', 403],
    ['network', 'viewer', 403],
    ['viewer', 'viewer', 403],
  ] as const)('[AU7] a %s inviting a %s gets %i', async (actor, role, status) => {
    const f = await boardWithEveryone();
    const res = await f.call('POST', `/api/boards/${f.board.id}/invites`, {
      cookie: f.cookies[actor],
      body: { role },
    });
    expect(res.status).toBe(status);
    if (status === 201) {
      const body = (await res.json()) as { id: string; link: string; expiresAt: number };
      expect(body.link).toMatch(/^\/join#invite=[A-Za-z0-9_-]{43}$/);
      expect(body.expiresAt).toBe(f.clock.now + 72 * 3600_000);
    }
  });

  it('[AU8] staff list invites (without secrets) and members; guests may not', async () => {
    const f = await boardWithEveryone();
    for (const role of ['facilitator', 'practitioner'] as const) {
      const invites = await f.call('GET', `/api/boards/${f.board.id}/invites`, { cookie: f.cookies[role] });
      const text = await invites.text();
      expect(invites.status).toBe(200);
      expect(JSON.parse(text).invites).toHaveLength(4);
      expect(text).not.toMatch(/token|secret|link/i);
      const members = await f.call('GET', `/api/boards/${f.board.id}/members`, { cookie: f.cookies[role] });
      const list = ((await members.json()) as { members: { id: string; role: string }[] }).members;
      expect(list.map((m) => m.role).sort()).toEqual([...ROLES].sort());
    }
    for (const role of ['family', 'network', 'viewer'] as const) {
      await expectError(
        await f.call('GET', `/api/boards/${f.board.id}/invites`, { cookie: f.cookies[role] }),
        403,
        'forbidden',
      );
      await expectError(
        await f.call('GET', `/api/boards/${f.board.id}/members`, { cookie: f.cookies[role] }),
        403,
        'forbidden',
      );
    }
    await expectError(await f.call('GET', `/api/boards/${f.board.id}/members`), 401, 'not-signed-in');
  });

  it('[AU9] revoking an invite makes it unusable (410 invite-revoked); a practitioner cannot revoke a staff invite', async () => {
    const f = await boardWithEveryone();
    const create = async (role: string) => {
      const res = await f.call('POST', `/api/boards/${f.board.id}/invites`, {
        cookie: f.cookies.facilitator,
        body: { role },
      });
      return (await res.json()) as { id: string; link: string };
    };
    const family = await create('family');
    const staff = await create('practitioner');
    const revokeAs = (role: Role, id: string) =>
      f.call('DELETE', `/api/boards/${f.board.id}/invites/${id}`, { cookie: f.cookies[role] });
    await expectError(await revokeAs('practitioner', staff.id), 403, 'forbidden');
    await expectError(await revokeAs('family', family.id), 403, 'forbidden');
    expect((await revokeAs('practitioner', family.id)).status).toBe(204);
    const opened = await f.call('POST', '/api/invites/open', {
      body: { invite: inviteSecret(family.link), displayName: 'A' },
    });
    await expectError(opened, 410, 'invite-revoked');
  });

  it('[AU10] an invite binds one person: reuse on another device is 410 invite-used, the same device gets its member back', async () => {
    const f = await boardWithEveryone();
    const res = await f.call('POST', `/api/boards/${f.board.id}/invites`, {
      cookie: f.cookies.facilitator,
      body: { role: 'family' },
    });
    const invite = inviteSecret(((await res.json()) as { link: string }).link);
    const first = await f.call('POST', '/api/invites/open', { body: { invite, displayName: 'Mum' } });
    expect(first.status).toBe(201);
    const cookie = sessionCookieOf(first) ?? '';
    const member = ((await first.json()) as { member: { id: string; role: string } }).member;
    expect(member.role).toBe('family');
    const again = await f.call('POST', '/api/invites/open', { cookie, body: { invite, displayName: 'Mum' } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { member: { id: string } }).member.id).toBe(member.id);
    await expectError(
      await f.call('POST', '/api/invites/open', { body: { invite, displayName: 'Someone' } }),
      410,
      'invite-used',
    );
    await expectError(
      await f.call('POST', '/api/invites/open', {
        cookie: f.cookies.network,
        body: { invite, displayName: 'X' },
      }),
      410,
      'invite-used',
    );
  });

  it('[AU10] an expired invite is 410 invite-expired; an unknown one 404, rate-limited per address', async () => {
    const f = await boardWithEveryone();
    const res = await f.call('POST', `/api/boards/${f.board.id}/invites`, {
      cookie: f.cookies.facilitator,
      body: { role: 'family', expiresInHours: 1 },
    });
    const invite = inviteSecret(((await res.json()) as { link: string }).link);
    f.clock.now += 3600_000;
    await expectError(
      await f.call('POST', '/api/invites/open', { body: { invite, displayName: 'Late' } }),
      410,
      'invite-expired',
    );
    for (let i = 0; i < 10; i++) {
      const guess = await f.call('POST', '/api/invites/open', {
        body: { invite: `${i}`.padEnd(43, 'z'), displayName: 'G' },
      });
      expect(guess.status).toBe(404);
    }
    const blocked = await f.call('POST', '/api/invites/open', { body: { invite, displayName: 'Late' } });
    await expectError(blocked, 429, 'rate-limited');
    expect(blocked.headers.get('Retry-After')).toBeTruthy();
  });

  it.each([
    ['a number role', { role: 7 }],
    ['an unknown role', { role: 'admin' }],
    ['SQL as the role', { role: "family'; DROP TABLE invites; --" }],
    ['a fractional expiry', { role: 'family', expiresInHours: 1.5 }],
    ['a year-long expiry', { role: 'family', expiresInHours: 24 * 365 }],
    ['a 101-character label', { role: 'family', label: 'x'.repeat(101) }],
  ])('[AU7] answers 400 to an invite with %s', async (_case, body) => {
    const f = await boardWithEveryone();
    const res = await f.call('POST', `/api/boards/${f.board.id}/invites`, {
      cookie: f.cookies.facilitator,
      body,
    });
    await expectError(res, 400, 'invalid-input');
    expect(f.access.invites.ofBoard(f.board.id)).toHaveLength(4);
  });

  it.each([
    ['a number invite', { invite: 5, displayName: 'A' }],
    ['a missing name', { invite: 'a'.repeat(43) }],
    ['a 101-character name', { invite: 'a'.repeat(43), displayName: 'x'.repeat(101) }],
    ['a huge invite', { invite: 'a'.repeat(5000), displayName: 'A' }],
  ])('[AU10] answers 400 to opening with %s', async (_case, body) => {
    const f = accessFixture();
    await expectError(await f.call('POST', '/api/invites/open', { body }), 400, 'invalid-input');
  });
});

describe('members', () => {
  it.each([
    ['facilitator', 'practitioner', 204],
    ['facilitator', 'family', 204],
    ['practitioner', 'viewer', 204],
    ['practitioner', 'network', 204],
    ['practitioner', 'facilitator', 403],
    ['family', 'network', 403],
    ['viewer', 'family', 403],
  ] as const)('[AU11] a %s revoking a %s gets %i', async (actor, target, status) => {
    const f = await boardWithEveryone();
    const res = await f.call('DELETE', `/api/boards/${f.board.id}/members/${f.memberIds[target]}`, {
      cookie: f.cookies[actor],
    });
    expect(res.status).toBe(status);
    const revoked = f.access.members.get(f.memberIds[target])?.revokedAt !== null;
    expect(revoked).toBe(status === 204);
  });

  it('[AU11] a revoked member’s cookie opens the board no more, and nobody revokes themselves', async () => {
    const f = await boardWithEveryone();
    const url = `/api/boards/${f.board.id}/members/${f.memberIds.family}`;
    expect((await f.call('DELETE', url, { cookie: f.cookies.facilitator })).status).toBe(204);
    await expectError(
      await f.call('GET', `/api/boards/${f.board.id}`, { cookie: f.cookies.family }),
      401,
      'not-signed-in',
    );
    await expectError(
      await f.call('POST', `/api/boards/${f.board.id}/tickets`, { cookie: f.cookies.family }),
      403,
      'forbidden',
    );
    expect(f.access.sessions.sessionsOfMember(f.memberIds.family)).toEqual([]);
    const me = (await (await f.call('GET', '/api/me', { cookie: f.cookies.family })).json()) as {
      members: unknown[];
    };
    expect(me.members).toEqual([]);
    const self = `/api/boards/${f.board.id}/members/${f.memberIds.facilitator}`;
    await expectError(await f.call('DELETE', self, { cookie: f.cookies.facilitator }), 409, 'invalid-input');
  });

  it('[AU11] closes the revoked member’s live sockets with 4403 "access revoked"', async () => {
    const f = await boardWithEveryone();
    const closed: [number, string][] = [];
    f.access.liveSockets.add({
      memberId: f.memberIds.family,
      sessionId: null,
      close: (code, reason) => closed.push([code, reason]),
    });
    f.access.liveSockets.add({
      memberId: f.memberIds.network,
      sessionId: null,
      close: () => closed.push([0, 'wrong one']),
    });
    await f.call('DELETE', `/api/boards/${f.board.id}/members/${f.memberIds.family}`, {
      cookie: f.cookies.facilitator,
    });
    expect(closed).toEqual([[4403, 'access revoked']]);
  });
});

describe('tickets', () => {
  it('[AU12] every live member may get a single-use ticket valid at most 60 s', async () => {
    const f = await boardWithEveryone();
    for (const role of ROLES) {
      const res = await f.call('POST', `/api/boards/${f.board.id}/tickets`, { cookie: f.cookies[role] });
      expect(res.status).toBe(201);
      const { ticket, expiresAt } = (await res.json()) as { ticket: string; expiresAt: number };
      expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(expiresAt - f.clock.now).toBeLessThanOrEqual(60_000);
      expect(f.access.tickets.redeem(ticket, f.board.id)).toMatchObject({
        role,
        memberId: f.memberIds[role],
      });
      expect(f.access.tickets.redeem(ticket, f.board.id)).toBeNull();
    }
  });

  it('[AU12] refuses tickets to the signed-out, to a bearer header and to members of other boards', async () => {
    const f = await boardWithEveryone();
    const other = await f.createBoard(f.cookies.facilitator, 'Other');
    const stranger = await f.inviteGuest(f.cookies.facilitator, other.id, 'family');
    const url = `/api/boards/${f.board.id}/tickets`;
    await expectError(await f.call('POST', url), 401, 'not-signed-in');
    await expectError(
      await f.call('POST', url, { headers: { Authorization: `Bearer ${f.cookies.facilitator}` } }),
      401,
      'not-signed-in',
    );
    await expectError(await f.call('POST', url, { cookie: stranger.cookie }), 403, 'forbidden');
  });
});

describe('hostile paths', () => {
  it.each(['..%2F..%2Fetc%2Fpasswd', '%2e%2e', "'%3B%20DROP%20TABLE%20members%3B--", 'a'.repeat(200)])(
    'answers 400 (bad id) to the member or invite id %s and changes nothing',
    async (id) => {
      const f = await boardWithEveryone();
      for (const kind of ['members', 'invites']) {
        const res = await f.call('DELETE', `/api/boards/${f.board.id}/${kind}/${id}`, {
          cookie: f.cookies.facilitator,
        });
        expect([400, 404]).toContain(res.status);
        expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(
          /invalid-input|not-found/,
        );
      }
      const live = f.access.members.ofBoard(f.board.id).filter((m) => m.revokedAt === null);
      expect(live).toHaveLength(5);
    },
  );

  it.each(['..%2F..%2Fetc', '%00', "x'%20OR%201%3D1"])(
    'answers 404 to the board id %s on every board route',
    async (id) => {
      const f = await boardWithEveryone();
      for (const [method, path] of [
        ['POST', 'invites'],
        ['GET', 'invites'],
        ['GET', 'members'],
        ['POST', 'tickets'],
      ] as const) {
        const res = await f.call(method, `/api/boards/${id}/${path}`, {
          cookie: f.cookies.facilitator,
          ...(method === 'POST' ? { body: { role: 'family' } } : {}),
        });
        expect(res.status).toBe(404);
      }
    },
  );

  it('does not revoke a member of another board through this board’s path', async () => {
    const f = await boardWithEveryone();
    const other = await f.createBoard(f.cookies.facilitator, 'Other');
    const outsider = await f.inviteGuest(f.cookies.facilitator, other.id, 'family');
    const res = await f.call('DELETE', `/api/boards/${f.board.id}/members/${outsider.memberId}`, {
      cookie: f.cookies.practitioner,
    });
    await expectError(res, 404, 'not-found');
    expect(f.access.members.get(outsider.memberId)?.revokedAt).toBeNull();
  });
});
