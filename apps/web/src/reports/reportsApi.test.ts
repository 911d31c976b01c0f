import { describe, expect, it } from 'vitest';
import type { Fetch } from '../lib/api';
import { BoardFixture } from '../outline/boardFixture';
import {
  downloadUrl,
  fetchTrajectory,
  importBoard,
  readTrajectory,
  readVersionBoard,
  readVersionList,
} from './reportsApi';

const trajectory = {
  moments: [
    { versionId: 'v1', at: 1000, label: 'Initial conference' },
    { versionId: null, at: 2000, label: 'Now' },
  ],
  scales: [
    {
      scaleId: 'overall',
      title: '',
      lines: [
        {
          key: 'p1',
          kind: 'person',
          label: 'Alex',
          role: 'family',
          group: 'family',
          series: 0,
          points: [
            { versionId: 'v1', at: 1000, value: 3 },
            { versionId: null, at: 2000, value: null },
          ],
        },
        {
          key: 'group:family',
          kind: 'average',
          label: 'family',
          role: null,
          group: 'family',
          series: 0,
          points: [],
        },
      ],
    },
  ],
};

function answering(status: number, body: unknown, seen: Request[] = []): Fetch {
  return async (input, init) => {
    seen.push(new Request(new URL(String(input), 'http://kinmap.test'), init));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

describe('readTrajectory', () => {
  it('keeps the moments, the scales and every line with its points', () => {
    expect(readTrajectory(trajectory)).toEqual(trajectory);
  });

  it('refuses a body with a score off the 0–10 scale or an unknown group', () => {
    const line = trajectory.scales[0]?.lines[0];
    const offScale = { ...line, points: [{ versionId: 'v1', at: 1, value: 11 }] };
    expect(
      readTrajectory({ ...trajectory, scales: [{ scaleId: 'overall', title: '', lines: [offScale] }] }),
    ).toBeNull();
    const odd = { ...line, group: 'judges' };
    expect(
      readTrajectory({ ...trajectory, scales: [{ scaleId: 'overall', title: '', lines: [odd] }] }),
    ).toBeNull();
    expect(readTrajectory({ moments: [{ versionId: 3, at: 1, label: '' }], scales: [] })).toBeNull();
    expect(readTrajectory(null)).toBeNull();
  });

  it('is fetched from the board’s trajectory route', async () => {
    const seen: Request[] = [];
    const result = await fetchTrajectory('b1', answering(200, trajectory, seen));
    expect(result).toEqual({ ok: true, value: trajectory });
    expect(new URL(seen[0]?.url ?? '').pathname).toBe('/api/boards/b1/trajectory');
  });

  it('turns a refusal into a failure value', async () => {
    expect(await fetchTrajectory('b1', answering(403, { error: { code: 'forbidden' } }))).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
  });
});

describe('readVersionList', () => {
  const version = {
    id: 'v1',
    boardId: 'b1',
    number: 1,
    kind: 'meeting',
    label: 'Initial conference',
    createdAt: 5,
    createdBy: { memberId: 'm1', displayName: 'Sam' },
    meetingId: 'mt1',
    contentHash: 'ab'.repeat(32),
  };

  it('lists the versions newest first and leaves out entries of another shape', () => {
    const list = readVersionList({
      versions: [version, { ...version, id: 'v2', number: 2 }, { ...version, kind: 'draft' }],
    });
    expect(list?.map((v) => v.id)).toEqual(['v2', 'v1']);
    expect(list?.[1]).toEqual(version);
  });

  it('refuses a body without a list', () => {
    expect(readVersionList({ versions: 'none' })).toBeNull();
  });
});

describe('readVersionBoard', () => {
  /** A board as the server sends it (through JSON), with one harm card when `text` is given. */
  const board = (text: string | null) => {
    const fixture = new BoardFixture();
    const card = text === null ? null : fixture.card(fixture.person('Sam', 'facilitator'), 'harm', text);
    return { json: JSON.parse(JSON.stringify(fixture.state())), card: card ?? '' };
  };

  it('merges the professionals-only cards into the board, marked as such', () => {
    const restricted = board('Dad drinks');
    const merged = readVersionBoard({ shared: board(null).json, restricted: restricted.json });
    expect(merged?.cards[restricted.card]).toMatchObject({ id: restricted.card, professionalsOnly: true });
  });

  it('gives the shared board alone when there is no restricted part', () => {
    const shared = board('Dad drinks');
    expect(readVersionBoard({ shared: shared.json, restricted: null })?.cards[shared.card]?.text).toBe(
      'Dad drinks',
    );
  });

  it('refuses a board that misses a part or holds a card without text', () => {
    const { plan: _plan, ...planless } = board(null).json;
    expect(readVersionBoard({ shared: planless, restricted: null })).toBeNull();
    const textless = board('Dad drinks');
    textless.json.cards[textless.card] = { id: textless.card };
    expect(readVersionBoard({ shared: textless.json, restricted: null })).toBeNull();
  });
});

describe('downloadUrl', () => {
  it('names each download’s route, for now or for a version', () => {
    expect(downloadUrl('b1', 'family', null)).toBe('/api/boards/b1/reports/family.pdf');
    expect(downloadUrl('b1', 'family', 'v 2')).toBe('/api/boards/b1/reports/family.pdf?version=v%202');
    expect(downloadUrl('b1', 'record', 'v2')).toBe('/api/boards/b1/reports/record.pdf?version=v2');
    expect(downloadUrl('b1', 'json', null)).toBe('/api/boards/b1/export.json');
    expect(downloadUrl('b1', 'json', 'v2')).toBe('/api/boards/b1/versions/v2/export.json');
  });
});

describe('importBoard', () => {
  it('posts the file’s JSON with the CSRF header and gives the new board', async () => {
    const seen: Request[] = [];
    const exported = { format: 'kinmap.board-export', formatVersion: 1 };
    const result = await importBoard(exported, answering(201, { id: 'b9', memberId: 'm9' }, seen));
    expect(result).toEqual({ ok: true, value: { id: 'b9', memberId: 'm9' } });
    const request = seen[0];
    expect(request?.method).toBe('POST');
    expect(new URL(request?.url ?? '').pathname).toBe('/api/boards/import');
    expect(request?.headers.get('X-Kinmap-CSRF')).toBe('1');
    expect(await request?.json()).toEqual(exported);
  });

  it('says the file was refused when the server finds it invalid', async () => {
    const result = await importBoard({}, answering(400, { error: { code: 'invalid-input' } }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid', code: 'invalid-input' });
  });
});
