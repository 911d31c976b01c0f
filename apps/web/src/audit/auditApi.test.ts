import { describe, expect, it } from 'vitest';
import { exportUrl, fetchHistoryPage, historyUrl, NO_FILTER, readHistoryPage, startOfDay } from './auditApi';

const entry = {
  cursor: 'u:12',
  at: 1_700_000_000_000,
  source: 'update',
  kind: 'update',
  actor: { memberId: 'm1', name: 'Sam', role: 'practitioner' },
  summary: 'added a card to Harm',
};

describe('readHistoryPage', () => {
  it('keeps who, when and what, and the cursor to read on', () => {
    expect(
      readHistoryPage({ entries: [entry, { ...entry, cursor: 'e:3', actor: null }], next: 'e:3' }),
    ).toEqual({
      entries: [
        {
          cursor: 'u:12',
          at: entry.at,
          actor: { name: 'Sam', role: 'practitioner' },
          summary: entry.summary,
        },
        { cursor: 'e:3', at: entry.at, actor: null, summary: entry.summary },
      ],
      next: 'e:3',
      people: [],
    });
  });

  it('keeps the people for the person filter, an unknown role as none', () => {
    const page = readHistoryPage({
      entries: [],
      next: null,
      people: [
        { memberId: 'm1', name: 'Sam Chair', role: 'facilitator' },
        { memberId: 'm2', name: 'X', role: 'admin' },
      ],
    });
    expect(page?.people).toEqual([
      { memberId: 'm1', name: 'Sam Chair', role: 'facilitator' },
      { memberId: 'm2', name: 'X', role: null },
    ]);
  });

  it('refuses a body that is not the route’s, rather than showing half of it', () => {
    expect(readHistoryPage({ entries: [{ ...entry, summary: 3 }], next: null })).toBeNull();
    expect(readHistoryPage({ entries: 'none' })).toBeNull();
    expect(readHistoryPage(null)).toBeNull();
  });

  it('shows an unknown role as no role, not as a made-up one', () => {
    const page = readHistoryPage({
      entries: [{ ...entry, actor: { ...entry.actor, name: 'X', role: 'admin' } }],
      next: null,
    });
    expect(page?.entries[0]?.actor).toEqual({ name: 'X', role: null });
  });
});

describe('addresses', () => {
  it('escapes the board id and passes the cursor and page size', () => {
    expect(historyUrl('a/b', 'u:1', 50)).toBe('/api/boards/a%2Fb/audit?limit=50&after=u%3A1');
    expect(historyUrl('b1', null, 200)).toBe('/api/boards/b1/audit?limit=200');
    expect(exportUrl('b1', 'csv')).toBe('/api/boards/b1/audit.csv');
  });

  it('passes the filter: person, kind, and whole local days (the last day included)', () => {
    const from = new Date(2026, 11, 1).getTime();
    const to = new Date(2026, 11, 8).getTime();
    expect(startOfDay('2026-12-01')).toBe(from);
    expect(startOfDay('2026-12-07', 1)).toBe(to);
    expect(startOfDay('1.12.2026')).toBeNull();
    expect(
      historyUrl('b1', null, 50, {
        member: 'm1',
        kind: 'invite-created',
        from: '2026-12-01',
        to: '2026-12-07',
      }),
    ).toBe(`/api/boards/b1/audit?limit=50&member=m1&kind=invite-created&from=${from}&to=${to}`);
    expect(historyUrl('b1', null, 50, NO_FILTER)).toBe('/api/boards/b1/audit?limit=50');
    // A range that ends before it starts is not sent as one (the server would refuse it).
    expect(historyUrl('b1', null, 50, { ...NO_FILTER, from: '2026-12-08', to: '2026-12-01' })).toBe(
      `/api/boards/b1/audit?limit=50&from=${new Date(2026, 11, 8).getTime()}`,
    );
  });

  it('turns a refusal into a value (a family member asking gets "forbidden")', async () => {
    const refused = async () =>
      new Response(JSON.stringify({ error: { code: 'forbidden' } }), { status: 403 });
    expect(await fetchHistoryPage('b1', null, 10, refused as typeof fetch)).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
  });
});
