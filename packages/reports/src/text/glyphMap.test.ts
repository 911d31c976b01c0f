import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractPdf, textLines } from '../testing/pdfText.js';
import { fontFile } from './fonts.js';
import { installGlyphMap, installTextLayer } from './glyphMap.js';

const DEJAVU = readFileSync(fontFile('latin', 'regular'));
const NOTO = readFileSync(fontFile('arabic', 'regular'));

function newDoc(): PDFKit.PDFDocument {
  return new PDFDocument({ size: 'A4', font: null as unknown as string });
}

function bytesOf(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.end();
  });
}

describe('installGlyphMap', () => {
  it('gives characters drawn with the same glyph their own slots, so each reads back as itself', async () => {
    // DejaVu has no Chinese: both characters are drawn with its one empty box.
    const doc = newDoc();
    doc.registerFont('latin', DEJAVU);
    installGlyphMap(doc, 'latin');
    doc.font('latin').fontSize(12).text('中文 ok', 50, 50, { lineBreak: false });
    expect(textLines(await extractPdf(await bytesOf(doc)))).toEqual(['中文 ok']);
  });

  it('leaves glyphs that stand for no character out of the text and hands them back as outlines', () => {
    const doc = newDoc();
    doc.registerFont('arabic', NOTO);
    const font = installGlyphMap(doc, 'arabic');
    doc.font('arabic').fontSize(12).text('بنت', 50, 50, { lineBreak: false, features: [] });
    // Noto Sans Arabic draws the dots of ب, ن and ت as glyphs of their own.
    const marks = font.takeMarks();
    expect(marks).toHaveLength(3);
    expect(marks.every((mark) => mark.steps.length > 0)).toBe(true);
    expect(font.takeMarks()).toEqual([]);
  });
});

describe('installTextLayer', () => {
  it('draws one unshaped glyph per character in the order given, each reading back as itself', async () => {
    const doc = newDoc();
    doc.registerFont('arabic', NOTO);
    const layer = installTextLayer(doc, 'arabic');
    doc.font('arabic').fontSize(12);
    // Drawn right to left, as the letters of بنت sit on the page; pdf.js reads it back in order.
    layer.drawing(() => doc.text('تنب', 50, 50, { lineBreak: false }));
    expect(textLines(await extractPdf(await bytesOf(doc)))).toEqual(['بنت']);
  });

  it('measures shaped text as usual outside layer mode', () => {
    const plain = newDoc();
    plain.registerFont('arabic', NOTO);
    const shaped = plain.font('arabic').fontSize(12).widthOfString('بنت', { features: [] });
    const doc = newDoc();
    doc.registerFont('arabic', NOTO);
    const layer = installTextLayer(doc, 'arabic');
    expect(doc.font('arabic').fontSize(12).widthOfString('بنت', { features: [] })).toBeCloseTo(shaped, 6);
    expect((layer.width('بنت') * 12) / 1000).not.toBeCloseTo(shaped, 1);
  });
});
