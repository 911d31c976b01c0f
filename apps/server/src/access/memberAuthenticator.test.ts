import { describe, expect, it } from 'vitest';
import { accessFixture } from './access.fixture.js';
import { createAccessAuthenticator, readCookie } from './memberAuthenticator.js';

async function setup() {
  const f = accessFixture();
  await f.createStaff('fay@example.org');
  const staff = await f.login('fay@example.org');
  const board = await f.createBoard(staff);
  const guest = await f.inviteGuest(staff, board.id, 'network', 'Sue');
  const authenticate = createAccessAuthenticator({ registry: f.registry, access: f.access });
  const cookie = (secret: string) => ({ cookie: `other=1; kinmap_session=${secret}` });
  return { ...f, staff, board, guest, authenticate, cookie };
}

describe('createAccessAuthenticator', () => {
  it('[AU6] knows a staff member and a guest member by their session cookie', async () => {
    const s = await setup();
    expect(s.authenticate({ boardId: s.board.id, headers: s.cookie(s.staff) })).toMatchObject({
      ok: true,
      role: 'facilitator',
      memberId: s.board.memberId,
      via: 'session',
    });
    expect(s.authenticate({ boardId: s.board.id, headers: s.cookie(s.guest.cookie) })).toMatchObject({
      ok: true,
      role: 'network',
      memberId: s.guest.memberId,
    });
  });

  it('[AU12] redeems a ticket once, and refuses a revoked member’s ticket', async () => {
    const s = await setup();
    const grant = {
      boardId: s.board.id,
      memberId: s.guest.memberId,
      role: 'network' as const,
      sessionId: null,
    };
    const first = s.access.tickets.issue(grant).ticket;
    expect(s.authenticate({ boardId: s.board.id, ticket: first })).toMatchObject({
      ok: true,
      via: 'ticket',
    });
    expect(s.authenticate({ boardId: s.board.id, ticket: first })).toEqual({
      ok: false,
      reason: 'ticket-refused',
    });
    const second = s.access.tickets.issue(grant).ticket;
    s.access.members.revoke(s.guest.memberId);
    expect(s.authenticate({ boardId: s.board.id, ticket: second })).toEqual({
      ok: false,
      reason: 'ticket-refused',
    });
  });

  it('[AU12] refuses an expired ticket', async () => {
    const s = await setup();
    const { ticket } = s.access.tickets.issue({
      boardId: s.board.id,
      memberId: s.guest.memberId,
      role: 'network',
      sessionId: null,
    });
    s.clock.now += 60_000;
    expect(s.authenticate({ boardId: s.board.id, ticket })).toEqual({
      ok: false,
      reason: 'ticket-refused',
    });
  });

  it('[E1] opens nothing without a member’s cookie or a ticket, and answers unknown boards 404 first', async () => {
    const s = await setup();
    const otherBoard = await s.createBoard(s.staff, 'Other');
    const stranger = await s.inviteGuest(s.staff, otherBoard.id, 'family', 'Kim');
    for (const headers of [
      undefined,
      s.cookie('forged'),
      s.cookie(stranger.cookie),
      { authorization: 'Bearer x' },
    ]) {
      expect(s.authenticate({ boardId: s.board.id, ...(headers ? { headers } : {}) })).toEqual({
        ok: false,
        reason: 'not-signed-in',
      });
    }
    expect(s.authenticate({ boardId: s.board.id, ticket: '' })).toEqual({
      ok: false,
      reason: 'not-signed-in',
    });
    expect(s.authenticate({ boardId: s.board.id, ticket: 'forged' })).toEqual({
      ok: false,
      reason: 'ticket-refused',
    });
    expect(s.authenticate({ boardId: '../x', headers: s.cookie(s.staff) })).toEqual({
      ok: false,
      reason: 'unknown-board',
    });
    expect(s.authenticate({ boardId: 'unknownBoard', headers: s.cookie(s.staff) })).toEqual({
      ok: false,
      reason: 'unknown-board',
    });
  });

  it('[AU12] a ticket for another board is refused and spent', async () => {
    const s = await setup();
    const otherBoard = await s.createBoard(s.staff, 'Other');
    const { ticket } = s.access.tickets.issue({
      boardId: otherBoard.id,
      memberId: otherBoard.memberId,
      role: 'facilitator',
      sessionId: null,
    });
    expect(s.authenticate({ boardId: s.board.id, ticket })).toEqual({ ok: false, reason: 'ticket-refused' });
    expect(s.authenticate({ boardId: otherBoard.id, ticket })).toEqual({
      ok: false,
      reason: 'ticket-refused',
    });
  });
});

describe('readCookie', () => {
  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; kinmap_session=xyz; b=2', 'kinmap_session')).toBe('xyz');
    expect(readCookie('kinmap_sessionx=1', 'kinmap_session')).toBeNull();
    expect(readCookie(undefined, 'kinmap_session')).toBeNull();
    expect(readCookie(['a=1', 'kinmap_session=q'], 'kinmap_session')).toBe('q');
  });
});
