import { type BoardExport, readBoard } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { historyFixtures, TEXTS } from '../history/history.fixture.js';

const setup = historyFixtures();

/**
 * A board holding records an older version or a foreign writer stored (written into the room's
 * document directly, past the update guard): readers repair the malformed fields instead of
 * dropping the cards, the server logs ids and field names only, and the export re-imports.
 */
describe('reading a board with malformed records', () => {
  async function damagedBoard() {
    const f = await setup();
    const { welsh, polish } = await f.richBoard();
    await f.change((doc) => {
      doc.transact(() => {
        const cards = doc.getMap<unknown>('cards');
        (cards.get(welsh) as Y.Map<unknown>).set('category', 'constructor');
        (cards.get(polish) as Y.Map<unknown>).set('order', 'first');
        ((cards.get(polish) as Y.Map<unknown>).get('text') as Y.Text).insert(0, 'x'.repeat(25_000));
        const odd = new Y.Map<unknown>();
        cards.set('__proto__', odd);
        for (const [key, value] of Object.entries({
          id: '__proto__',
          category: 'harm',
          authorId: f.facilitator.memberId,
          authorRole: 'facilitator',
          createdAt: 1,
          updatedAt: 1,
          order: 9,
          professionalsOnly: false,
          pairId: null,
        }))
          odd.set(key, value);
        odd.set('text', new Y.Text('Odd id'));
      });
      return { ok: true as const, value: undefined };
    });
    return { f, welsh, polish };
  }

  it('exports every card, logs the repairs by id and field without text, and the export re-imports', async () => {
    const { f, welsh, polish } = await damagedBoard();
    const res = await f.call('GET', `/api/boards/${f.boardId}/export.json`, { cookie: f.facilitator.cookie });
    expect(res.status).toBe(200);
    const text = await res.text();
    const exported = JSON.parse(text) as BoardExport;
    const ids = Object.keys(exported.shared.cards);
    expect(ids).toEqual(expect.arrayContaining([welsh, polish, '__proto__']));

    const repaired = f.logs.map((line) => JSON.parse(line)).filter((l) => l.event === 'board.read_repaired');
    expect(repaired.length).toBeGreaterThan(0);
    const logged = repaired.map((l) => l.fields.repairs).join(' ');
    expect(logged).toContain(`cards/${welsh}/category:defaulted`);
    expect(logged).toContain(`cards/${polish}/order:defaulted`);
    expect(logged).toContain(`cards/${polish}/text:truncated`);
    const allLogs = f.logs.join('\n');
    for (const words of [TEXTS.welsh, TEXTS.polish, 'xxxxxxxx', 'Odd id'])
      expect(allLogs).not.toContain(words);

    const back = await f.call('POST', '/api/boards/import', { cookie: f.facilitator.cookie, body: text });
    expect(back.status, await back.clone().text()).toBe(201);
    const { id } = (await back.json()) as { id: string };
    const imported = await f.rooms.read(id, readBoard);
    expect(imported.ok && Object.keys(imported.value.cards).sort()).toEqual([...ids].sort());
  });

  it('keeps the cards in a saved version and its record PDF', async () => {
    const { f, welsh } = await damagedBoard();
    const version = await f.saveVersion();
    const opened = await f.call('GET', `/api/boards/${f.boardId}/versions/${version.id}`, {
      cookie: f.facilitator.cookie,
    });
    expect(opened.status).toBe(200);
    const body = (await opened.json()) as { shared: { cards: Record<string, unknown> } };
    expect(Object.keys(body.shared.cards)).toEqual(expect.arrayContaining([welsh, '__proto__']));
    const pdf = await f.call('GET', `/api/boards/${f.boardId}/reports/record.pdf?version=${version.id}`, {
      cookie: f.facilitator.cookie,
    });
    expect(pdf.status).toBe(200);
  });
});
