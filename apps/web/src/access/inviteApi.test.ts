import { describe, expect, it } from 'vitest';
import { readFragmentValue } from '../lib/storage';
import {
  createInvite,
  createInvites,
  inviteAddress,
  listInvites,
  listMembers,
  openInvite,
  previewInvite,
  removeMember,
  revokeInvite,
} from './inviteApi';

interface Call {
  readonly url: string;
  readonly init: RequestInit;
}

function fakeFetch(status: number, body: unknown, calls: Call[] = []) {
  return (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : JSON.stringify(body), { status });
  }) as typeof fetch;
}

describe('inviteApi', () => {
  it('creates a personal invite and reads the link it returns once', async () => {
    const calls: Call[] = [];
    const answer = { id: 'i1', link: '/join#invite=s3cret', expiresAt: 99 };
    const result = await createInvite(
      'b1',
      { role: 'family', label: 'Alex', expiresInHours: 168 },
      fakeFetch(201, answer, calls),
    );
    expect(result).toEqual({ ok: true, value: answer });
    expect(calls[0]?.url).toBe('/api/boards/b1/invites');
    expect(calls[0]?.init.headers).toMatchObject({ 'X-Kinmap-CSRF': '1' });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      role: 'family',
      label: 'Alex',
      expiresInHours: 168,
    });
  });

  it('refuses a link that would put the secret anywhere but the fragment', async () => {
    const answer = { id: 'i1', link: '/join?invite=s3cret', expiresAt: 99 };
    expect(await createInvite('b1', { role: 'family' }, fakeFetch(201, answer))).toEqual({
      ok: false,
      reason: 'failed',
    });
  });

  it('lists invites and members, skipping malformed entries', async () => {
    const invites = [
      {
        id: 'i1',
        role: 'family',
        label: 'Alex',
        createdAt: 1,
        expiresAt: 2,
        status: 'used',
        usedByMemberId: 'm2',
        link: null,
      },
      { id: 'i2', role: 'family', label: 'x', status: 'lost' },
      // A link that would put the secret outside the fragment is refused with its entry.
      {
        id: 'i3',
        role: 'family',
        label: 'y',
        createdAt: 1,
        expiresAt: 2,
        status: 'open',
        usedByMemberId: null,
        link: '/join?invite=s3cret',
      },
    ];
    const listed = await listInvites('b1', fakeFetch(200, { invites }));
    expect(listed).toEqual({ ok: true, value: [invites[0]] });
    const members = [
      { id: 'm2', role: 'family', displayName: 'Alex', staff: false, createdAt: 1, revokedAt: null },
    ];
    expect(await listMembers('b1', fakeFetch(200, { members }))).toEqual({ ok: true, value: members });
  });

  it('revokes an invite and removes a member with DELETE and the CSRF header', async () => {
    const calls: Call[] = [];
    expect(await revokeInvite('b1', 'i/1', fakeFetch(204, null, calls))).toEqual({ ok: true, value: null });
    expect(await removeMember('b1', 'm2', fakeFetch(204, null, calls))).toEqual({ ok: true, value: null });
    expect(calls.map((c) => [c.url, c.init.method])).toEqual([
      ['/api/boards/b1/invites/i%2F1', 'DELETE'],
      ['/api/boards/b1/members/m2', 'DELETE'],
    ]);
    for (const { init } of calls) expect(init.headers).toMatchObject({ 'X-Kinmap-CSRF': '1' });
  });

  it('opens an invite with the person’s name, and says why a link no longer works', async () => {
    const calls: Call[] = [];
    const member = { id: 'm2', boardId: 'b1', role: 'family', displayName: 'Alex', staff: false };
    const opened = await openInvite('s3cret', 'Alex', fakeFetch(201, { member }, calls));
    expect(opened).toEqual({
      ok: true,
      value: { id: 'm2', boardId: 'b1', role: 'family', displayName: 'Alex' },
    });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ invite: 's3cret', displayName: 'Alex' });
    expect(calls[0]?.init.headers).toMatchObject({ 'X-Kinmap-CSRF': '1' });
    const used = fakeFetch(410, { error: { code: 'invite-used', message: 'x' } });
    expect(await openInvite('s3cret', 'Alex', used)).toEqual({
      ok: false,
      reason: 'gone',
      code: 'invite-used',
    });
  });

  it('builds the full invite address, with ?projector for a wall screen', () => {
    const plain = inviteAddress('http://localhost:3000', '/join#invite=a+b');
    expect(plain).toBe('http://localhost:3000/join#invite=a+b');
    const wall = new URL(inviteAddress('http://localhost:3000', '/join#invite=abc', { projector: true }));
    expect(wall.pathname).toBe('/join');
    expect(wall.searchParams.has('projector')).toBe(true);
    expect(readFragmentValue(wall.hash, 'invite')).toBe('abc');
  });

  it('creates several invites in one POST and reads the preview of a link', async () => {
    const calls: Call[] = [];
    const made = [{ id: 'i1', role: 'family', label: 'Mum', link: '/join#invite=a', expiresAt: 9 }];
    const request = { invites: [{ role: 'family' as const, label: 'Mum' }], expiresInHours: 24 };
    expect(await createInvites('b1', request, fakeFetch(201, { invites: made }, calls))).toEqual({
      ok: true,
      value: made,
    });
    expect(calls[0]?.url).toBe('/api/boards/b1/invites/batch');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(request);
    const preview = {
      boardTitle: 'Case',
      inviterName: 'Sam',
      role: 'family',
      expiresAt: 9,
      alreadyJoined: false,
    };
    expect(await previewInvite('s3cret', fakeFetch(200, preview, calls))).toEqual({
      ok: true,
      value: preview,
    });
    expect(JSON.parse(String(calls[1]?.init.body))).toEqual({ invite: 's3cret' });
  });
});
