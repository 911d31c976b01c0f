import { ROLES } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { accessFixture } from './access.fixture.js';
import { boardWithEveryone, expectError } from './memberRoutes.fixture.js';

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
        nextReview: null,
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
