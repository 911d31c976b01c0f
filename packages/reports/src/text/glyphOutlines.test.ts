import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { fontFile } from './fonts.js';
import { drawOutlines, outlineRun, outlineSteps } from './glyphOutlines.js';

const NOTO = readFileSync(fontFile('arabic', 'regular'));

function newDoc(): PDFKit.PDFDocument {
  return new PDFDocument({ size: 'A4', font: null as unknown as string });
}

describe('outlineRun and drawOutlines', () => {
  it('outlines a shaped run left to right and writes each glyph under its own placing transform', () => {
    const doc = newDoc();
    doc.registerFont('arabic', NOTO);
    const run = outlineRun(doc, 'arabic', 'سلام');
    expect(run.outlines.length).toBeGreaterThanOrEqual(4);
    expect(run.advance).toBeGreaterThan(0);
    const xs = run.outlines.map((outline) => outline.x);
    expect(xs[0]).toBeLessThan(xs.at(-1) as number);
    const addContent = vi.spyOn(doc, 'addContent');
    drawOutlines(doc, run.outlines, { originX: 100, baselineY: 200, size: 10, color: '#000000' });
    const written = addContent.mock.calls.map(([data]) => String(data)).join('\n');
    expect(written.match(/ cm\n/g)).toHaveLength(run.outlines.length);
    expect(written).toMatch(/^q 0\.01 0 0 -0\.01 \d+(\.\d+)? 200(\.\d+)? cm$/m);
    expect(written.match(/\nf\nQ/g)).toHaveLength(run.outlines.length);
  });
});

describe('outlineSteps', () => {
  it('turns quadratic curves into the cubic curves that trace them exactly', () => {
    const steps = outlineSteps([
      { command: 'moveTo', args: [0, 0] },
      { command: 'quadraticCurveTo', args: [30, 60, 90, 0] },
      { command: 'closePath', args: [] },
    ]);
    expect(steps).toEqual([
      { op: 'M', points: [0, 0] },
      { op: 'C', points: [20, 40, 50, 40, 90, 0] },
      { op: 'Z' },
    ]);
  });
});
