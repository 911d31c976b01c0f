import { describe, expect, it, vi } from 'vitest';
import { extractPdf, fullText } from '../testing/pdfText.js';
import { PageFlow } from '../text/pageFlow.js';
import { TRAJECTORY } from './reportBoard.fixture.js';
import { chartGeometry, chartLines, drawTrajectoryChart, lineSegments, yOfScore } from './trajectoryChart.js';

const box = { x: 50, y: 100, width: 400, height: 100 };

describe('chart geometry', () => {
  it('spaces the meetings evenly and puts a single meeting in the middle', () => {
    const three = chartGeometry(box, 3);
    const [a, b, c] = three.xs as [number, number, number];
    expect(b - a).toBeCloseTo(c - b, 6);
    expect(a).toBeGreaterThan(three.left);
    expect(c).toBeLessThan(three.left + three.width);
    const one = chartGeometry(box, 1);
    expect(one.xs).toEqual([one.left + one.width / 2]);
  });

  it('puts 0 at the bottom and 10 at the top, and keeps stray scores inside', () => {
    const geometry = chartGeometry(box, 2);
    expect(yOfScore(geometry, 0)).toBe(200);
    expect(yOfScore(geometry, 10)).toBe(100);
    expect(yOfScore(geometry, 5)).toBe(150);
    expect(yOfScore(geometry, 14)).toBe(100);
  });

  it('breaks a line where a score is missing', () => {
    const geometry = chartGeometry(box, 4);
    const segments = lineSegments(geometry, [3, 4, null, 6]);
    expect(segments.map((segment) => segment.length)).toEqual([2, 1]);
    expect(segments[1]?.[0]).toEqual([geometry.xs[3], yOfScore(geometry, 6)]);
  });
});

describe('chartLines', () => {
  it('names each person (never "Family (average)") and labels only the averages as averages, people first', () => {
    const lines = chartLines(TRAJECTORY.scales[0]?.lines ?? [], { people: true, groups: true });
    expect(lines.map((line) => [line.label, line.group])).toEqual([
      ['Mariam Khan (Family)', false],
      ['Tariq Khan (Family)', false],
      ['Jan Kowalski (Practitioner)', false],
      ['Family (average)', true],
      ['Professionals (average)', true],
    ]);
    expect(lines[0]?.values).toEqual([5, 7, 7]);
    expect(chartLines(TRAJECTORY.scales[0]?.lines ?? [], { people: false, groups: true })).toHaveLength(2);
  });

  it('gives two members of one family different colours and different dashes', () => {
    const [mum, dad] = chartLines(TRAJECTORY.scales[0]?.lines ?? [], { people: true, groups: false });
    expect(mum?.color).not.toBe(dad?.color);
    expect(mum?.dash.join(' ')).not.toBe(dad?.dash.join(' '));
  });
});

describe('drawTrajectoryChart', () => {
  it('draws each line as vector segments through its scores, with dates and names as text', async () => {
    const flow = new PageFlow({ margin: 50, footer: 30, title: 'Chart', createdAt: new Date(0) });
    const lineTo = vi.spyOn(flow.doc, 'lineTo');
    const lines = chartLines(TRAJECTORY.scales[0]?.lines ?? [], { people: true, groups: true });
    drawTrajectoryChart(flow, { moments: TRAJECTORY.moments, lines, timeZone: 'Europe/London' });
    // Six grid lines, then each score line: Mariam 2 + Tariq 2 + Jan 1 + Family 2 + Professionals 1,
    // then 5 legend swatches.
    expect(lineTo).toHaveBeenCalledTimes(6 + 8 + 5);
    // Each person's own dash pattern, and the averages' long dash, are in the page.
    const dash = vi.spyOn(flow.doc, 'dash');
    drawTrajectoryChart(flow, { moments: TRAJECTORY.moments, lines, timeZone: 'Europe/London' });
    const patterns = dash.mock.calls.map(([pattern]) => JSON.stringify(pattern));
    expect(new Set(patterns).size).toBe(3);
    const text = fullText(await extractPdf(await flow.finish()));
    for (const label of [
      '10 Jan 2025',
      '12 Mar 2025',
      'Initial conference',
      'Now',
      'Mariam Khan (Family)',
      'Tariq Khan (Family)',
      'Family (average)',
    ]) {
      expect(text).toContain(label);
    }
  });
});
