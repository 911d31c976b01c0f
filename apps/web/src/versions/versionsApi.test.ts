import { describe, expect, it } from 'vitest';
import { BoardFixture } from '../outline/boardFixture';
import {
  closeMeeting,
  fetchVersion,
  listMeetings,
  listVersions,
  readMeeting,
  readVersionMeta,
  restoreFromVersion,
  saveVersion,
  startMeeting,
  updateMeeting,
} from './versionsApi';

const meeting = {
  id: 'm1',
  boardId: 'b1',
  type: 'review-conference',
  date: '2025-03-12',
  startedAt: 1_700_000_000_000,
  startedBy: 'f1',
  attendance: {
    participantIds: ['p1'],
    othersPresent: [{ name: 'Nan', role: 'Grandmother' }],
    apologies: ['GP'],
  },
  decision: 'Stay on a plan',
  closedAt: null,
  closedBy: null,
  versionId: null,
};

const version = {
  id: 'v1',
  boardId: 'b1',
  number: 3,
  kind: 'meeting',
  label: '',
  createdAt: 1_700_000_100_000,
  createdBy: { memberId: 'f1', displayName: 'Sam' },
  meetingId: 'm1',
  contentHash: 'ab'.repeat(32),
};

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly body: unknown;
  readonly csrf: string | null;
}

/** A fetch that answers `body` with `status` and remembers what it was asked. */
function fakeFetch(status: number, body: unknown): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fake = async (url: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    sent.push({
      url: String(url),
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      csrf: headers.get('X-Kinmap-CSRF'),
    });
    return new Response(JSON.stringify(body), { status });
  };
  return { fetch: fake as typeof fetch, sent };
}

describe('reading the routes’ answers', () => {
  it('keeps a meeting with its attendance and decision', () => {
    expect(readMeeting(meeting)).toEqual(meeting);
    expect(readMeeting({ ...meeting, closedAt: 5, closedBy: 'f1', versionId: 'v1' })?.versionId).toBe('v1');
  });

  it('refuses a meeting of an unknown type or with a malformed attendance', () => {
    expect(readMeeting({ ...meeting, type: 'party' })).toBeNull();
    expect(
      readMeeting({ ...meeting, attendance: { ...meeting.attendance, othersPresent: [{ role: 'x' }] } }),
    ).toBeNull();
    expect(readMeeting({ ...meeting, closedAt: 'yesterday' })).toBeNull();
  });

  it('keeps a version’s number, kind, author and fingerprint, and refuses an unknown kind', () => {
    expect(readVersionMeta(version)).toEqual(version);
    expect(readVersionMeta({ ...version, kind: 'automatic' })).toBeNull();
    expect(readVersionMeta({ ...version, createdBy: 'Sam' })).toBeNull();
  });
});

describe('the meetings routes', () => {
  it('lists the meetings, and refuses the whole list when one entry is malformed', async () => {
    expect(await listMeetings('b1', fakeFetch(200, { meetings: [meeting] }).fetch)).toEqual({
      ok: true,
      value: [meeting],
    });
    expect(
      await listMeetings('b1', fakeFetch(200, { meetings: [meeting, { id: 'x' }] }).fetch),
    ).toMatchObject({
      ok: false,
    });
  });

  it('starts a meeting with its type and date, through a CSRF-protected POST', async () => {
    const { fetch, sent } = fakeFetch(201, { meeting });
    const result = await startMeeting('b/1', { type: 'review-conference', date: '2025-03-12' }, fetch);
    expect(result).toEqual({ ok: true, value: meeting });
    expect(sent).toEqual([
      {
        url: '/api/boards/b%2F1/meetings',
        method: 'POST',
        body: { type: 'review-conference', date: '2025-03-12' },
        csrf: '1',
      },
    ]);
  });

  it('changes a meeting with PATCH and reports a closed one as a conflict', async () => {
    const { fetch, sent } = fakeFetch(200, { meeting: { ...meeting, decision: 'Step down' } });
    const result = await updateMeeting('b1', 'm1', { decision: 'Step down' }, fetch);
    expect(result.ok && result.value.decision).toBe('Step down');
    expect(sent[0]).toMatchObject({ url: '/api/boards/b1/meetings/m1', method: 'PATCH', csrf: '1' });
    const closed = fakeFetch(409, { error: { code: 'meeting-closed' } }).fetch;
    expect(await updateMeeting('b1', 'm1', { decision: 'x' }, closed)).toMatchObject({
      ok: false,
      reason: 'conflict',
    });
  });

  it('closes a meeting and gives back the version it saved', async () => {
    const closed = { ...meeting, closedAt: 9, closedBy: 'f1', versionId: 'v1' };
    const { fetch, sent } = fakeFetch(200, { meeting: closed, version });
    expect(await closeMeeting('b1', 'm1', fetch)).toEqual({ ok: true, value: { meeting: closed, version } });
    expect(sent[0]).toMatchObject({ url: '/api/boards/b1/meetings/m1/close', method: 'POST' });
  });
});

describe('the versions routes', () => {
  it('lists versions and saves one with a label', async () => {
    expect(await listVersions('b1', fakeFetch(200, { versions: [version] }).fetch)).toEqual({
      ok: true,
      value: [version],
    });
    const { fetch, sent } = fakeFetch(201, { ...version, kind: 'manual', label: 'Before', meetingId: null });
    const saved = await saveVersion('b1', 'Before', fetch);
    expect(saved.ok && saved.value.label).toBe('Before');
    expect(sent[0]).toMatchObject({
      url: '/api/boards/b1/versions',
      method: 'POST',
      body: { label: 'Before' },
    });
  });

  it('opens a version with its meeting and both documents’ boards', async () => {
    const fixture = new BoardFixture();
    fixture.card(fixture.person('Sam', 'facilitator'), 'harm', 'Dad pushed Mia');
    const shared = JSON.parse(JSON.stringify(fixture.state()));
    const answer = { version, meeting, shared, restricted: null };
    const opened = await fetchVersion('b1', 'v1', fakeFetch(200, answer).fetch);
    expect(opened).toEqual({
      ok: true,
      value: { version, meeting, shared: fixture.state(), restricted: null },
    });
    const broken = { ...answer, restricted: { not: 'a board' } };
    expect(await fetchVersion('b1', 'v1', fakeFetch(200, broken).fetch)).toMatchObject({ ok: false });
  });

  it('restores one card, or the whole board without a card id', async () => {
    const { fetch, sent } = fakeFetch(200, { changed: 1 });
    expect(await restoreFromVersion('b1', 'v1', 'c1', fetch)).toEqual({ ok: true, value: { changed: 1 } });
    expect(await restoreFromVersion('b1', 'v1', null, fetch)).toEqual({ ok: true, value: { changed: 1 } });
    expect(sent.map((s) => [s.url, s.body])).toEqual([
      ['/api/boards/b1/versions/v1/restore', { cardId: 'c1' }],
      ['/api/boards/b1/versions/v1/restore', {}],
    ]);
    const refused = fakeFetch(403, { error: { code: 'forbidden' } }).fetch;
    expect(await restoreFromVersion('b1', 'v1', null, refused)).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
  });
});
