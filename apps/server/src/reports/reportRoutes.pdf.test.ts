import { addCard, CATEGORIES } from '@kinmap/model';
import { extractPdf, fullText } from '@kinmap/reports/testing';
import { describe, expect, it } from 'vitest';
import { historyFixtures, TEXTS } from '../history/history.fixture.js';

/**
 * The PDF routes end to end: what the family summary and the record contain, read back with pdf.js
 * as a reader (or a search index) would. SPEC [VE8], [VE9], [VE12].
 */

/** PDFs of large boards take seconds on a loaded machine: a generous bound, not a measurement. */
const PDF_TEST_TIMEOUT = 120_000;

const setup = historyFixtures();

/** Words of the professionals-only card that appear nowhere else on the board. */
const SECRET_WORDS = ['disclosure', 'Zgłoszenie', 'poufne'];

/** The text of a PDF as one line, runs of white space collapsed (lines wrap anywhere). */
async function pdfText(res: Response): Promise<{ text: string; pages: number }> {
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toBe('application/pdf');
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const pdf = await extractPdf(bytes);
  return { text: fullText(pdf), pages: pdf.pageCount };
}

describe('family summary PDF', () => {
  it(
    '[VE8] never contains professionals-only text, now or from a version, for anyone who may download it',
    async () => {
      const f = await setup();
      await f.richBoard();
      const version = await f.saveVersion();
      const paths = [
        `/api/boards/${f.boardId}/reports/family.pdf`,
        `/api/boards/${f.boardId}/reports/family.pdf?version=${version.id}`,
      ];
      for (const path of paths) {
        for (const who of [f.family, f.network, f.facilitator]) {
          const res = await f.call('GET', path, { cookie: who.cookie });
          const suffix = path.includes('version=') ? 'v1' : 'current';
          expect(res.headers.get('Content-Disposition')).toBe(
            `attachment; filename="kinmap-${f.boardId}-${suffix}-family-summary.pdf"`,
          );
          const { text } = await pdfText(res);
          expect(text).toContain('Nain');
          expect(text).toContain('dziecko');
          for (const word of SECRET_WORDS) expect(text, word).not.toContain(word);
        }
      }
      expect((await f.call('GET', paths[0] as string, { cookie: f.viewer.cookie })).status).toBe(403);
      const exports = f.events().filter((e) => e.kind === 'export');
      expect(exports).toHaveLength(6);
      expect(exports.map((e) => e.detail.versionId)).toEqual([
        null,
        null,
        null,
        version.id,
        version.id,
        version.id,
      ]);
      expect(exports.every((e) => e.detail.format === 'family-pdf')).toBe(true);
    },
    PDF_TEST_TIMEOUT,
  );

  it('[VE8] refuses a malformed or unknown version, and a viewer', async () => {
    const f = await setup();
    const base = `/api/boards/${f.boardId}/reports/family.pdf`;
    const { cookie } = f.family;
    expect((await f.call('GET', `${base}?version=not%20an%20id`, { cookie })).status).toBe(400);
    expect((await f.call('GET', `${base}?version=aaaaaaaaaaaaaaaaaaaaaa`, { cookie })).status).toBe(404);
    expect((await f.call('GET', base)).status).toBe(401);
    expect(f.events().filter((e) => e.kind === 'export')).toEqual([]);
  });
});

describe('record PDF', () => {
  it(
    '[VE9] staff get everything, professionals-only cards included, with the version id, hash and who generated it',
    async () => {
      const f = await setup();
      await f.richBoard();
      const version = await f.saveVersion();
      const res = await f.call('GET', `/api/boards/${f.boardId}/reports/record.pdf?version=${version.id}`, {
        cookie: f.practitioner.cookie,
      });
      expect(res.headers.get('Content-Disposition')).toBe(
        `attachment; filename="kinmap-${f.boardId}-v1-record.pdf"`,
      );
      const { text } = await pdfText(res);
      // Not vacuous: the words the family summary must lack are here.
      for (const word of [...SECRET_WORDS, 'Nain', 'dziecko', version.id, version.contentHash]) {
        expect(text, word).toContain(word);
      }
      expect(text).toContain('by Pat');
      expect(f.events().find((e) => e.kind === 'export')?.detail).toEqual({
        format: 'record-pdf',
        versionId: version.id,
        role: 'practitioner',
      });
    },
    PDF_TEST_TIMEOUT,
  );

  it(
    '[VE9] without a version it is the board now, marked as not a saved version; only staff may have it',
    async () => {
      const f = await setup();
      await f.card('Dylan is doing well at school');
      const path = `/api/boards/${f.boardId}/reports/record.pdf`;
      const res = await f.call('GET', path, { cookie: f.facilitator.cookie });
      expect(res.headers.get('Content-Disposition')).toBe(
        `attachment; filename="kinmap-${f.boardId}-current-record.pdf"`,
      );
      const { text } = await pdfText(res);
      expect(text).toContain('Not a saved version');
      expect(text).toContain('Dylan is doing well at school');
      for (const who of [f.family, f.network, f.viewer]) {
        expect((await f.call('GET', path, { cookie: who.cookie })).status).toBe(403);
      }
      expect(
        f
          .events()
          .filter((e) => e.kind === 'refused')
          .map((e) => e.detail.rule),
      ).toEqual(['VE9', 'VE9', 'VE9']);
    },
    PDF_TEST_TIMEOUT,
  );
});

describe('PDFs of a large board', () => {
  it(
    '[VE8] 300 cards in Welsh, Polish, Arabic and Urdu with a 5,000-character card make searchable PDFs',
    async () => {
      const f = await setup();
      await f.registerEveryone();
      const scripts = [TEXTS.welsh, TEXTS.polish, TEXTS.arabic, TEXTS.urdu];
      const long = `Dechrau ${'Mae Nain yn helpu. '.repeat(300)}`.slice(0, 4_990).concat(' Diweddglo');
      await f.change((doc) => {
        for (let i = 0; i < 300; i++) {
          const text = i === 0 ? long : `${scripts[i % 4]} #${i}`;
          const category = CATEGORIES[i % CATEGORIES.length] ?? 'harm';
          const added = addCard(doc, f.facilitator.actor, { category, text });
          if (!added.ok) return added;
        }
        return { ok: true, value: null };
      });
      await f.card(TEXTS.secret, 'harm', { restricted: true });
      const { text, pages } = await pdfText(
        await f.call('GET', `/api/boards/${f.boardId}/reports/family.pdf`, { cookie: f.family.cookie }),
      );
      expect(pages).toBeGreaterThan(1);
      for (const word of ['Dechrau', 'Diweddglo', 'ysgol', 'Żółć', '#296'])
        expect(text, word).toContain(word);
      for (const word of SECRET_WORDS) expect(text, word).not.toContain(word);

      const record = await pdfText(
        await f.call('GET', `/api/boards/${f.boardId}/reports/record.pdf`, { cookie: f.facilitator.cookie }),
      );
      expect(record.pages).toBeGreaterThan(pages);
      for (const word of ['Dechrau', 'Diweddglo', 'ysgol', 'Żółć', '#296', ...SECRET_WORDS]) {
        expect(record.text, word).toContain(word);
      }
    },
    PDF_TEST_TIMEOUT,
  );
});
