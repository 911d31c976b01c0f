import type { ScaleId } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { extractPdf, fullText } from '../testing/pdfText.js';
import { PageFlow } from '../text/pageFlow.js';
import { participantDirectory } from './boardReading.js';
import { writeMap, writePlan, writeScales, writeTrajectory } from './recordSections.js';
import { emptyBoard, makeCard, sampleBoard, sampleRestricted } from './reportBoard.fixture.js';

const newFlow = (): PageFlow =>
  new PageFlow({ margin: 48, footer: 40, title: 'Sections', createdAt: new Date(0) });

describe('record sections', () => {
  it('lists cards of both documents in board order under each category with its count', async () => {
    const board = sampleBoard();
    const restricted = sampleRestricted();
    const earlier = makeCard('c-before', 'complicatingFactor', 'Listed first by order', { order: -5 });
    const flow = newFlow();
    const shared = { ...board, cards: { ...board.cards, [earlier.id]: earlier } };
    await writeMap(flow, shared, restricted, participantDirectory(board, restricted), 'Europe/London');
    const text = fullText(await extractPdf(await flow.finish()));
    expect(text).toContain('Complicating factors (3)');
    const order = ['Listed first by order', 'Police intelligence', 'The family lives far from school.'].map(
      (t) => text.indexOf(t),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('Safety goals (1)');
    expect(text).toContain('Next steps (1)');
  });

  it('says how many had scored a private scale without showing any value', async () => {
    const board = {
      ...emptyBoard('x'),
      scales: { overall: { id: 'overall' as ScaleId, mode: 'private' as const, ratings: {}, scored: [] } },
    };
    const flow = newFlow();
    writeScales(flow, board, participantDirectory(board), 'UTC');
    const text = fullText(await extractPdf(await flow.finish()));
    expect(text).toContain('Overall scale');
    expect(text).toContain('0 had scored.');
  });

  it('prints what was left empty in the plan rather than leaving it out', async () => {
    const flow = newFlow();
    await writePlan(flow, emptyBoard('x'));
    const text = fullText(await extractPdf(await flow.finish()));
    expect(text).toContain('No one has been added.');
    expect(text).toContain('No rules.');
    expect(text).toContain('Bottom lines (not filled in)');
    expect(text).toContain('Review date Not set');
  });

  it('says so when no meeting has been closed yet', async () => {
    const flow = newFlow();
    writeTrajectory(flow, { moments: [], scales: [] }, emptyBoard('x'), 'UTC');
    expect(fullText(await extractPdf(await flow.finish()))).toContain('No meeting has been closed yet.');
  });
});
