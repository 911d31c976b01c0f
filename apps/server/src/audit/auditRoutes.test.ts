import { describe, expect, it } from 'vitest';
import { accessFixture } from '../access/access.fixture.js';
import { createSqliteStore } from '../storage/sqliteStore.js';
import { csvCell, toCsv } from './auditRoutes.js';
import { createAuditUpdateWriter } from './auditUpdates.js';

/** A board with a facilitator, a practitioner guest-less staff, and a family member. */
async function boardWithFamily() {
  const f = accessFixture();
  await f.createStaff('fay@example.org');
  const facilitator = await f.login('fay@example.org');
  const board = await f.createBoard(facilitator);
  const family = await f.inviteGuest(facilitator, board.id, 'family', 'Alex');
  const practitioner = await f.inviteGuest(facilitator, board.id, 'practitioner', 'Pat');
  const network = await f.inviteGuest(facilitator, board.id, 'network', 'Sue');
  const viewer = await f.inviteGuest(facilitator, board.id, 'viewer', 'Vic');
  // The document store shares the database, as on the server: its audit rows are what the routes read.
  const store = createSqliteStore({
    db: f.access.db,
    now: () => f.clock.now,
    authorWriter: createAuditUpdateWriter,
  });
  return { ...f, board, facilitator, family, practitioner, network, viewer, store };
}

type Entry = {
  kind: string;
  summary: string;
  actor: { memberId: string | null; name: string | null; role: string | null } | null;
  cursor: string;
  seq?: number;
};

describe('audit routes', () => {
  it('[AD3] staff read the history: updates and events merged in time order, with names and plain-English summaries', async () => {
    const f = await boardWithFamily();
    f.clock.now += 1000;
    await f.store.append(f.board.id, new Uint8Array([1]), {
      participantId: f.family.memberId,
      role: 'family',
      sessionId: 's1',
      at: f.clock.now,
      changes: [
        { kind: 'card-added', cardId: 'c1', category: 'harm' },
        {
          kind: 'rating-set',
          scaleId: 'overall',
          participantId: f.family.memberId,
          value: 6,
          mode: 'revealed',
        },
      ],
    });
    f.clock.now += 1000;
    f.access.members.revoke(f.viewer.memberId);
    const revoked = await f.call('DELETE', `/api/boards/${f.board.id}/members/${f.network.memberId}`, {
      cookie: f.facilitator,
    });
    expect(revoked.status).toBe(204);

    for (const reader of [f.facilitator, f.practitioner.cookie]) {
      const res = await f.call('GET', `/api/boards/${f.board.id}/audit`, { cookie: reader });
      expect(res.status).toBe(200);
      const { entries, next } = (await res.json()) as { entries: Entry[]; next: string | null };
      expect(next).toBeNull();
      expect(entries.map((e) => [e.kind, e.actor?.name ?? null, e.summary])).toEqual([
        ['invite-created', 'Staff fay', 'created an invite for a family member'],
        ['invite-opened', 'Alex', 'joined by invite as a family member'],
        ['invite-created', 'Staff fay', 'created an invite for a practitioner'],
        ['invite-opened', 'Pat', 'joined by invite as a practitioner'],
        ['invite-created', 'Staff fay', 'created an invite for a network member'],
        ['invite-opened', 'Sue', 'joined by invite as a network member'],
        ['invite-created', 'Staff fay', 'created an invite for a viewer'],
        ['invite-opened', 'Vic', 'joined by invite as a viewer'],
        ['update', 'Alex', 'added a card to Harm and rated 6 on the overall scale'],
        ['member-revoked', 'Staff fay', "revoked Sue's access"],
      ]);
      expect(entries[8]?.actor).toEqual({ memberId: f.family.memberId, name: 'Alex', role: 'family' });
    }
  });

  it('[AD3] pages with after= and limit=, and refuses a malformed cursor or limit', async () => {
    const f = await boardWithFamily();
    const page = async (query: string) => {
      const res = await f.call('GET', `/api/boards/${f.board.id}/audit${query}`, { cookie: f.facilitator });
      return { status: res.status, body: (await res.json()) as { entries: Entry[]; next: string | null } };
    };
    const all = (await page('')).body.entries;
    const first = await page('?limit=3');
    expect(first.body.entries).toEqual(all.slice(0, 3));
    const second = await page(`?limit=3&after=${first.body.next}`);
    expect(second.body.entries).toEqual(all.slice(3, 6));
    for (const bad of ['?after=1;DROP TABLE', '?limit=0', '?limit=501', '?limit=x', '?after=../../etc']) {
      expect((await page(bad)).status).toBe(400);
    }
  });

  it("[AD3] an invite or removal names the actor in their own role, not the invitee's", async () => {
    const f = await boardWithFamily();
    const res = await f.call('GET', `/api/boards/${f.board.id}/audit`, { cookie: f.facilitator });
    const { entries } = (await res.json()) as { entries: Entry[] };
    await f.call('DELETE', `/api/boards/${f.board.id}/members/${f.network.memberId}`, {
      cookie: f.facilitator,
    });
    const after = await f.call('GET', `/api/boards/${f.board.id}/audit`, { cookie: f.facilitator });
    const all = ((await after.json()) as { entries: Entry[] }).entries;
    const invites = entries.filter((e) => e.kind === 'invite-created');
    expect(invites).toHaveLength(4);
    for (const invite of invites)
      expect(invite.actor).toMatchObject({ name: 'Staff fay', role: 'facilitator' });
    expect(all.find((e) => e.kind === 'member-revoked')?.actor).toMatchObject({ role: 'facilitator' });
    // Opening an invite is done by the invitee, in the invite's role.
    expect(entries.find((e) => e.kind === 'invite-opened')?.actor).toMatchObject({
      name: 'Alex',
      role: 'family',
    });
  });

  it('[AD3] filters by person, kind and date, pages within the filter, and lists the people', async () => {
    const f = await boardWithFamily();
    const start = f.clock.now;
    f.clock.now += 60_000;
    for (const value of [3, 4, 5]) {
      f.clock.now += 1000;
      await f.store.append(f.board.id, new Uint8Array([value]), {
        participantId: f.family.memberId,
        role: 'family',
        sessionId: 's1',
        at: f.clock.now,
        changes: [
          {
            kind: 'rating-set',
            scaleId: 'overall',
            participantId: f.family.memberId,
            value,
            mode: 'revealed',
          },
        ],
      });
    }
    const read = async (query: string) => {
      const res = await f.call('GET', `/api/boards/${f.board.id}/audit?${query}`, { cookie: f.facilitator });
      return {
        status: res.status,
        body: (await res.json()) as {
          entries: Entry[];
          next: string | null;
          people?: { memberId: string; name: string; role: string }[];
        },
      };
    };
    const byFamily = await read(`member=${f.family.memberId}`);
    expect(byFamily.body.entries.map((e) => e.kind)).toEqual(['invite-opened', 'update', 'update', 'update']);
    expect(byFamily.body.people?.map((p) => [p.name, p.role])).toEqual(
      expect.arrayContaining([
        ['Staff fay', 'facilitator'],
        ['Alex', 'family'],
        ['Vic', 'viewer'],
      ]),
    );
    const invites = await read('kind=invite-created');
    expect(invites.body.entries).toHaveLength(4);
    expect(new Set(invites.body.entries.map((e) => e.kind))).toEqual(new Set(['invite-created']));
    const updates = await read(`kind=update&from=${start + 60_000}&to=${start + 62_500}`);
    expect(updates.body.entries.map((e) => e.summary)).toEqual([
      'rated 3 on the overall scale',
      'rated 4 on the overall scale',
    ]);
    const before = await read(`to=${start + 1}`);
    expect(before.body.entries.every((e) => e.kind !== 'update')).toBe(true);
    // A page of a filtered list goes on within the filter.
    const first = await read(`kind=update&limit=2`);
    expect(first.body.entries).toHaveLength(2);
    const second = await read(`kind=update&limit=2&after=${first.body.next}`);
    expect(second.body.entries.map((e) => e.summary)).toEqual(['rated 5 on the overall scale']);
    expect(second.body.next).toBeNull();
    expect((await read(`member=${f.viewer.memberId}&kind=update`)).body.entries).toEqual([]);
    for (const bad of [
      'kind=nope',
      'kind=UPDATE',
      'member=..%2F..',
      `member=${'x'.repeat(65)}`,
      'from=yesterday',
      'from=-1',
      `from=${start}&to=${start}`,
      'to=1e9',
      'kind=update&kind=join',
      'colour=red',
      'limit=1.5',
    ]) {
      const res = await read(bad);
      expect(res.status, bad).toBe(400);
    }
  });

  it('[AD3] family, network and viewer get 403, and the refusal is itself recorded', async () => {
    const f = await boardWithFamily();
    for (const cookie of [f.family.cookie, f.network.cookie, f.viewer.cookie]) {
      for (const path of ['audit', 'audit.csv', 'audit.json']) {
        const res = await f.call('GET', `/api/boards/${f.board.id}/${path}`, { cookie });
        expect(res.status).toBe(403);
      }
    }
    expect((await f.call('GET', `/api/boards/${f.board.id}/audit`)).status).toBe(401);
    expect((await f.call('GET', '/api/boards/nope/audit', { cookie: f.facilitator })).status).toBe(404);
    const res = await f.call('GET', `/api/boards/${f.board.id}/audit`, { cookie: f.facilitator });
    const refusals = ((await res.json()) as { entries: Entry[] }).entries.filter((e) => e.kind === 'refused');
    expect(refusals).toHaveLength(9);
    expect(refusals[0]).toMatchObject({
      actor: { name: 'Alex', role: 'family' },
      summary: "was refused: may not read the board's audit [AD3]",
    });
  });

  it('[AD4] exports CSV and JSON as attachments; each export is an audit event and appears in the file', async () => {
    const f = await boardWithFamily();
    const csv = await f.call('GET', `/api/boards/${f.board.id}/audit.csv`, { cookie: f.facilitator });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    expect(csv.headers.get('Content-Disposition')).toMatch(/^attachment; filename="kinmap-audit-.+\.csv"$/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('time,actor,role,member_id,kind,summary,seq');
    expect(text).toContain('Staff fay,facilitator');
    expect(text).toContain('exported the audit log (CSV)');
    const json = await f.call('GET', `/api/boards/${f.board.id}/audit.json`, { cookie: f.facilitator });
    expect(json.headers.get('Content-Disposition')).toMatch(/^attachment; filename=".+\.json"$/);
    const body = (await json.json()) as { boardId: string; entries: Entry[] };
    expect(body.boardId).toBe(f.board.id);
    expect(body.entries.filter((e) => e.kind === 'export').map((e) => e.summary)).toEqual([
      'exported the audit log (CSV)',
      'exported the audit log (JSON)',
    ]);
  });

  it('[AD4] a CSV cell that a spreadsheet would run as a formula is defused', async () => {
    const f = accessFixture();
    await f.createStaff('fay@example.org');
    const facilitator = await f.login('fay@example.org');
    const board = await f.createBoard(facilitator);
    await f.inviteGuest(facilitator, board.id, 'family', '=HYPERLINK("http://x","y")');
    const text = await (
      await f.call('GET', `/api/boards/${board.id}/audit.csv`, { cookie: facilitator })
    ).text();
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx'])
      expect(csvCell(cell).replace(/^"/, '')[0]).toBe("'");
    expect(csvCell('Alex, "Al"')).toBe('"Alex, ""Al"""');
    expect(toCsv([])).toBe('time,actor,role,member_id,kind,summary,seq\r\n');
  });
});
