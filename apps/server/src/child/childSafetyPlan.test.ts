import { addPerson, addRule, type BoardState, readChildTool } from '@kinmap/model';
import { childToolRoomId } from '@kinmap/protocol';
import { extractPdf, fullText } from '@kinmap/reports/testing';
import { describe, expect, it } from 'vitest';
import { historyFixtures } from '../history/history.fixture.js';
import { howChildWillKnow } from './childToolRoutes.js';

/**
 * The safety plan for the child (issue 15): a tool written for the child, started from the plan's
 * rules (how the child will know each), printed in large type, shown as the child chooses ([CT3]).
 */

const setup = historyFixtures();

const rule = (order: number, howChildWillKnow: string) => ({
  id: `r${order}`,
  text: 'rule',
  responsibleMemberIds: [],
  redFlags: '',
  networkResponse: '',
  howChildWillKnow,
  order,
});
const boardWith = (rules: ReturnType<typeof rule>[]) =>
  ({ rules: Object.fromEntries(rules.map((r) => [r.id, r])) }) as unknown as BoardState;

describe('the safety plan for the child', () => {
  it('starts from the rules’ “how the child will know”, in their order, one per line, stopping at the first that does not fit', () => {
    expect(
      howChildWillKnow(
        boardWith([
          rule(2, 'Nan will tell you\nat teatime'),
          rule(1, 'Mum will show you the plan'),
          rule(3, '  '),
        ]),
      ),
    ).toBe('Mum will show you the plan\nNan will tell you at teatime');
    const long = 'x'.repeat(3_000);
    // Whole lines in order until one does not fit: none is skipped to let a later one in.
    expect(howChildWillKnow(boardWith([rule(1, long), rule(2, long), rule(3, 'short')]))).toBe(long);
    expect(howChildWillKnow(boardWith([]))).toBe('');
  });

  it('is started by staff for a child, holds the rules’ words, and prints for those the child chose', async () => {
    const f = await setup();
    const { personId } = await f.change((doc) => addPerson(doc, f.facilitator.actor, { name: 'Jo', age: 7 }));
    await f.change((doc) =>
      addRule(doc, f.facilitator.actor, {
        text: 'Dad does not drink when he looks after Jo',
        responsibleMemberIds: [],
        howChildWillKnow: 'Nain will come every evening to read your story',
      }),
    );
    const started = await f.call('POST', `/api/boards/${f.boardId}/child-tools`, {
      cookie: f.practitioner.cookie,
      body: { personId, kind: 'child-safety-plan' },
    });
    expect(started.status).toBe(201);
    const { tool } = (await started.json()) as { tool: { id: string; kind: string } };
    expect(tool.kind).toBe('child-safety-plan');
    const read = await f.rooms.read(childToolRoomId(f.boardId, tool.id), readChildTool);
    expect(read.ok && read.value?.areas).toEqual({
      helpers: { words: '', strokes: [], stickers: [] },
      different: { words: 'Nain will come every evening to read your story', strokes: [], stickers: [] },
      tell: { words: '', strokes: [], stickers: [] },
    });
    // The family may start none of the child's tools.
    const refused = await f.call('POST', `/api/boards/${f.boardId}/child-tools`, {
      cookie: f.family.cookie,
      body: { personId, kind: 'child-safety-plan' },
    });
    expect(refused.status).toBe(403);

    const pdfPath = `/api/boards/${f.boardId}/child-tools/${tool.id}/tool.pdf`;
    expect((await f.call('GET', pdfPath, { cookie: f.family.cookie })).status).toBe(403);
    const shown = await f.call('PUT', `/api/boards/${f.boardId}/child-tools/${tool.id}/visibility`, {
      cookie: f.practitioner.cookie,
      body: { visibility: 'meeting' },
    });
    expect(shown.status).toBe(200);
    const pdf = await f.call('GET', pdfPath, { cookie: f.family.cookie });
    expect(pdf.status).toBe(200);
    const text = fullText(await extractPdf(new Uint8Array(await pdf.arrayBuffer())));
    expect(text).toContain("Jo's safety plan");
    expect(text).toContain('What will be different');
    expect(text).toContain('Nain will come every evening to read your story');
    expect(text).toContain("Written by Pat with Jo's family.");
  }, 120_000);
});
