import { addPerson, setChildWords } from '@kinmap/model';
import { childToolRoomId } from '@kinmap/protocol';
import { extractPdf, fullText } from '@kinmap/reports/testing';
import { describe, expect, it } from 'vitest';
import { historyFixtures } from '../history/history.fixture.js';

/**
 * A child's tool in the PDFs (issue 14, SPEC [CT3]): its own printout only for those the child
 * chose, and in the record only as the child chose, with a line saying what was withheld.
 */

const PDF_TEST_TIMEOUT = 120_000;
const setup = historyFixtures();
const WORDS = 'Pan mae dad yn gweiddi rwy’n cuddio — boję się';

async function pdfText(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toBe('application/pdf');
  return fullText(await extractPdf(new Uint8Array(await res.arrayBuffer())));
}

describe("a child's tool in the PDFs", () => {
  it(
    'prints the tool only for those the child chose, and the record says what it withheld',
    async () => {
      const f = await setup();
      const { personId: jo } = await f.change((doc) =>
        addPerson(doc, f.facilitator.actor, { name: 'Jo', age: 9 }),
      );
      const started = await f.call('POST', `/api/boards/${f.boardId}/child-tools`, {
        cookie: f.practitioner.cookie,
        body: { personId: jo, kind: 'three-houses' },
      });
      expect(started.status).toBe(201);
      const { tool } = (await started.json()) as { tool: { id: string } };
      const wrote = await f.rooms.change(childToolRoomId(f.boardId, tool.id), (doc) =>
        setChildWords(doc, 'worries', WORDS),
      );
      expect(wrote.ok).toBe(true);
      const pdfPath = `/api/boards/${f.boardId}/child-tools/${tool.id}/tool.pdf`;
      const record = `/api/boards/${f.boardId}/reports/record.pdf`;

      // Only the worker: the family and the facilitator are refused the printout.
      for (const who of [f.family, f.facilitator, f.viewer]) {
        expect((await f.call('GET', pdfPath, { cookie: who.cookie })).status).toBe(403);
      }
      const printed = await pdfText(await f.call('GET', pdfPath, { cookie: f.practitioner.cookie }));
      expect(printed).toContain("Jo's Three Houses");
      expect(printed).toContain(WORDS);

      // The facilitator's record names the tool and says it was withheld, with none of its words.
      const chairs = await pdfText(await f.call('GET', record, { cookie: f.facilitator.cookie }));
      expect(chairs).toContain("The child's own tools");
      expect(chairs).toContain('Jo: Three Houses');
      expect(chairs).toContain('Withheld: Jo chose not to show this to the person who printed this record.');
      expect(chairs).not.toContain('gweiddi');
      // The worker's record holds the child's words.
      const workers = await pdfText(await f.call('GET', record, { cookie: f.practitioner.cookie }));
      expect(workers).toContain('Shown to only their worker (Pat).');
      expect(workers).toContain(WORDS);

      // Once the child shows it to everyone at the meeting, the family may print it too.
      const shown = await f.call('PUT', `/api/boards/${f.boardId}/child-tools/${tool.id}/visibility`, {
        cookie: f.practitioner.cookie,
        body: { visibility: 'meeting' },
      });
      expect(shown.status).toBe(200);
      expect(await pdfText(await f.call('GET', pdfPath, { cookie: f.family.cookie }))).toContain(WORDS);
      expect((await f.call('GET', pdfPath, { cookie: f.viewer.cookie })).status).toBe(403);
      const exports = f
        .events()
        .filter((event) => event.kind === 'export' && event.detail.format === 'child-tool-pdf');
      expect(exports.map((event) => event.actor)).toEqual([f.practitioner.memberId, f.family.memberId]);
    },
    PDF_TEST_TIMEOUT,
  );
});
