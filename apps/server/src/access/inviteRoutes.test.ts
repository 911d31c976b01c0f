import { mayManage, ROLES, type Role } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { accessFixture, inviteSecret, sessionCookieOf } from './access.fixture.js';
import { boardWithEveryone, expectError } from './memberRoutes.fixture.js';

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

  it('[AU8] staff list invites (an opened link is never shown again) and members; guests may not', async () => {
    const f = await boardWithEveryone();
    for (const role of ['facilitator', 'practitioner'] as const) {
      const invites = await f.call('GET', `/api/boards/${f.board.id}/invites`, { cookie: f.cookies[role] });
      const text = await invites.text();
      expect(invites.status).toBe(200);
      expect(JSON.parse(text).invites).toHaveLength(4);
      expect(text).not.toMatch(/token|secret/i);
      // Every invite here was opened: its secret is deleted, so no link comes back.
      expect(JSON.parse(text).invites.map((i: { link: unknown }) => i.link)).toEqual([
        null,
        null,
        null,
        null,
      ]);
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

  it('[AU10] re-opening a used invite after that person was removed says so (not "used elsewhere"), on any browser', async () => {
    const f = await boardWithEveryone();
    const res = await f.call('POST', `/api/boards/${f.board.id}/invites`, {
      cookie: f.cookies.facilitator,
      body: { role: 'family' },
    });
    const invite = inviteSecret(((await res.json()) as { link: string }).link);
    const first = await f.call('POST', '/api/invites/open', { body: { invite, displayName: 'Mum' } });
    const cookie = sessionCookieOf(first) ?? '';
    const member = ((await first.json()) as { member: { id: string } }).member;
    const removed = await f.call('DELETE', `/api/boards/${f.board.id}/members/${member.id}`, {
      cookie: f.cookies.facilitator,
    });
    expect(removed.status).toBe(204);
    await expectError(
      await f.call('POST', '/api/invites/open', { cookie, body: { invite, displayName: 'Mum' } }),
      410,
      'member-removed',
    );
    await expectError(
      await f.call('POST', '/api/invites/open', { body: { invite, displayName: 'Mum' } }),
      410,
      'member-removed',
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
