import {
  type Actor,
  addCard,
  asScaleId,
  type BoardExport,
  boardExportJsonSchema,
  CATEGORIES,
  type CardId,
  diffBoards,
  isEmptyDiff,
  parseBoardExport,
  rate,
  type Trajectory,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type HistoryFixture, historyFixtures, TEXTS } from '../history/history.fixture.js';

const setup = historyFixtures();

const rateAs = (doc: Y.Doc, actor: Actor, value: number, reason: string) =>
  rate(doc, actor, asScaleId('overall'), { value, reason });

async function exportOf(
  f: HistoryFixture,
  path = `/api/boards/${f.boardId}/export.json`,
  cookie = f.facilitator.cookie,
) {
  const res = await f.call('GET', path, { cookie });
  expect(res.status).toBe(200);
  return { res, text: await res.text() };
}

/** `b` is `a` imported by the same person, so its title is marked as a copy; all else is equal. */
function expectSameBoard(a: BoardExport, imported: BoardExport) {
  expect(imported.shared.meta.title).toBe(`${a.shared.meta.title} (copy)`);
  const b = {
    ...imported,
    shared: { ...imported.shared, meta: { ...imported.shared.meta, title: a.shared.meta.title } },
  };
  expect(isEmptyDiff(diffBoards(a.shared, b.shared))).toBe(true);
  expect(a.restricted && b.restricted && isEmptyDiff(diffBoards(a.restricted, b.restricted))).toBe(true);
  expect(b.shared.participants).toEqual(a.shared.participants);
  expect(b.shared.meta.title).toBe(a.shared.meta.title);
}

/** Imports an export's text as `cookie`; returns the new board's id and the importer's member id. */
async function importText(f: HistoryFixture, text: string, cookie = f.facilitator.cookie) {
  const res = await f.call('POST', '/api/boards/import', { cookie, body: text });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; memberId: string };
}

describe('JSON export', () => {
  it('[VE10] staff export the board now or a saved version as an attachment named by id and number, never the title', async () => {
    const f = await setup();
    await f.richBoard();
    const version = await f.saveVersion();
    const current = await exportOf(f);
    expect(current.res.headers.get('Content-Disposition')).toBe(
      `attachment; filename="kinmap-${f.boardId}-current.json"`,
    );
    expect(current.res.headers.get('Content-Type')).toContain('application/json');
    expect(current.res.headers.get('Cache-Control')).toBe('no-store');
    const parsed = parseBoardExport(JSON.parse(current.text));
    expect(parsed.ok).toBe(true);
    const exported = JSON.parse(current.text) as BoardExport;
    expect(exported).toMatchObject({
      format: 'kinmap.board-export',
      formatVersion: 1,
      version: null,
      meeting: null,
    });
    expect(exported.board).toEqual({ id: f.boardId, title: 'Teulu Jones — Łódź' });

    const saved = await exportOf(
      f,
      `/api/boards/${f.boardId}/versions/${version.id}/export.json`,
      f.practitioner.cookie,
    );
    expect(saved.res.headers.get('Content-Disposition')).toBe(
      `attachment; filename="kinmap-${f.boardId}-v1.json"`,
    );
    const savedExport = JSON.parse(saved.text) as BoardExport;
    expect(savedExport.version).toEqual(version);
    expect(Object.values(savedExport.restricted?.cards ?? {}).map((c) => c.text)).toEqual([TEXTS.secret]);
    expect(
      f
        .events()
        .filter((e) => e.kind === 'export')
        .map((e) => e.detail),
    ).toEqual([
      { format: 'board-json', versionId: null, role: 'facilitator' },
      { format: 'board-json', versionId: version.id, role: 'practitioner' },
    ]);
    for (const who of [f.family, f.network, f.viewer]) {
      expect(
        (await f.call('GET', `/api/boards/${f.boardId}/export.json`, { cookie: who.cookie })).status,
      ).toBe(403);
    }
    const unknown = `/api/boards/${f.boardId}/versions/aaaaaaaaaaaaaaaaaaaaaa/export.json`;
    expect((await f.call('GET', unknown, { cookie: f.facilitator.cookie })).status).toBe(404);
  });

  it('[VE10] serves the model’s JSON Schema of the export to anyone', async () => {
    const f = await setup();
    const res = await f.app.request('/api/schema/board-export-v1.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/schema+json');
    // What the schema says is the model's business (boardExport.test.ts); the route serves it whole.
    expect(await res.json()).toEqual(boardExportJsonSchema());
  });
});

describe('JSON import', () => {
  it('[VE11] an export imported through the routes becomes a new board equal to it, led by the importer', async () => {
    const f = await setup();
    const ids = await f.richBoard();
    const original = await exportOf(f);
    const created = await importText(f, original.text);
    expect(created.id).not.toBe(f.boardId);
    const member = f.access.members.get(created.memberId);
    expect(member).toMatchObject({ boardId: created.id, role: 'facilitator' });
    const copy = await exportOf(f, `/api/boards/${created.id}/export.json`);
    const [a, b] = [JSON.parse(original.text), JSON.parse(copy.text)] as BoardExport[];
    expectSameBoard(a as BoardExport, b as BoardExport);
    expect(b?.shared.cards[ids.welsh]?.text).toBe(TEXTS.welsh);
    expect(b?.restricted?.cards[ids.secret]?.text).toBe(TEXTS.secret);
    const imported = f.access.db
      .prepare("SELECT detail FROM audit_events WHERE board_id = ? AND kind = 'import'")
      .get(created.id) as { detail: string };
    expect(JSON.parse(imported.detail)).toMatchObject({ cards: 7 });
    const audit = await f.call('GET', `/api/boards/${created.id}/audit`, { cookie: f.facilitator.cookie });
    const { entries } = (await audit.json()) as { entries: { kind: string; summary: string }[] };
    expect(entries.find((e) => e.kind === 'import')?.summary).toBe(
      'imported this board from a file (7 cards)',
    );
  });

  it('[VE10] [VE11] a 300-card board in Welsh, Polish, Arabic and Urdu with a 5,000-character card exports and imports whole', async () => {
    const f = await setup();
    const scripts = [TEXTS.welsh, TEXTS.polish, TEXTS.arabic, TEXTS.urdu];
    const long = `${TEXTS.urdu} ${'Dylan — ŵ ż ع ے '.repeat(400)}`.slice(0, 5_000);
    const cardIds = await f.change((doc) => {
      const made: CardId[] = [];
      for (let i = 0; i < 300; i++) {
        const text = i === 0 ? long : `${scripts[i % 4]} #${i}`;
        const category = CATEGORIES[i % CATEGORIES.length] ?? 'harm';
        const added = addCard(doc, f.facilitator.actor, { category, text });
        if (!added.ok) return added;
        made.push(added.value.cardId);
      }
      return { ok: true, value: made };
    });
    const original = await exportOf(f);
    expect(original.text.length).toBeGreaterThan(16 * 1024);
    const exported = JSON.parse(original.text) as BoardExport;
    expect(Object.keys(exported.shared.cards)).toHaveLength(300);
    expect(exported.shared.cards[cardIds[0] as string]?.text).toBe(long);
    expect(exported.shared.cards[cardIds[0] as string]?.text).toHaveLength(5_000);
    for (const [i, id] of cardIds.entries()) {
      if (i > 0) expect(exported.shared.cards[id]?.text).toBe(`${scripts[i % 4]} #${i}`);
    }
    const created = await importText(f, original.text);
    const copy = JSON.parse((await exportOf(f, `/api/boards/${created.id}/export.json`)).text) as BoardExport;
    expectSameBoard(exported, copy);
  });

  it('[VE11] refuses what is not a Kinmap export with 400, people without a staff account, and bodies over 8 MiB', async () => {
    const f = await setup();
    await f.richBoard();
    const good = JSON.parse((await exportOf(f)).text) as BoardExport;
    const firstCard = Object.keys(good.shared.cards)[0] as string;
    const bad: unknown[] = [
      '{not json',
      { hello: 'world' },
      { ...good, format: 'other.format' },
      { ...good, formatVersion: 2 },
      {
        ...good,
        shared: {
          ...good.shared,
          cards: {
            ...good.shared.cards,
            [firstCard]: { ...good.shared.cards[firstCard], category: 'gossip' },
          },
        },
      },
      { ...good, restricted: { ...good.shared } },
    ];
    const boardsBefore = (f.access.db.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n;
    for (const body of bad) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const res = await f.call('POST', '/api/boards/import', { cookie: f.facilitator.cookie, body: text });
      expect(res.status, text.slice(0, 60)).toBe(400);
      // The message names where, never what: no card text comes back.
      expect(await res.text()).not.toContain('Nain');
    }
    const text = JSON.stringify(good);
    expect((await f.call('POST', '/api/boards/import', { body: text })).status).toBe(401);
    expect((await f.call('POST', '/api/boards/import', { cookie: f.family.cookie, body: text })).status).toBe(
      403,
    );
    const huge = JSON.stringify({ ...good, padding: 'x'.repeat(8 * 1024 * 1024) });
    expect(
      (await f.call('POST', '/api/boards/import', { cookie: f.facilitator.cookie, body: huge })).status,
    ).toBe(413);
    expect((f.access.db.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n).toBe(
      boardsBefore,
    );
  });
});

describe('trajectory', () => {
  it('[VE7] shows each meeting’s scores and now, to everyone on the board but viewers', async () => {
    const f = await setup();
    await f.richBoard();
    const meet = async (date: string) => {
      const meetingId = await f.startMeeting(date);
      const closed = await f.call('POST', `/api/boards/${f.boardId}/meetings/${meetingId}/close`, {
        cookie: f.facilitator.cookie,
        body: {},
      });
      expect(closed.status).toBe(200);
    };
    await meet('2025-03-12');
    await f.change((doc) => rateAs(doc, f.family.actor, 7, 'Mae pethau’n well'));
    await meet('2025-04-09');
    await f.saveVersion(); // a manual version is not a meeting: not on the chart
    await f.change((doc) => rateAs(doc, f.family.actor, 8, 'Dobrze'));
    for (const who of [f.facilitator, f.practitioner, f.family, f.network]) {
      const res = await f.call('GET', `/api/boards/${f.boardId}/trajectory`, { cookie: who.cookie });
      expect(res.status).toBe(200);
      const chart = (await res.json()) as Trajectory;
      expect(chart.moments.map((m) => m.label)).toEqual(['2025-03-12', '2025-04-09', 'Now']);
      const overall = chart.scales.find((s) => s.scaleId === 'overall');
      const alex = overall?.lines.find((line) => line.key === f.family.memberId);
      expect(alex?.points.map((p) => p.value)).toEqual([4, 7, 8]);
    }
    expect(
      (await f.call('GET', `/api/boards/${f.boardId}/trajectory`, { cookie: f.viewer.cookie })).status,
    ).toBe(403);
  });
});
