import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { embeddedFont } from './pdfkitFont.js';

const require = createRequire(import.meta.url);

describe('embeddedFont', () => {
  it('hands back the font pdfkit uses for a registered name', () => {
    const doc = new PDFDocument({ size: 'A4', font: null as unknown as string });
    doc.registerFont('body', require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    const font = embeddedFont(doc, 'body');
    expect(font.font.unitsPerEm).toBe(2048);
    expect(embeddedFont(doc, 'body')).toBe(font);
  });

  it('refuses a font object without the shape it relies on', () => {
    const fake = { font: () => undefined, _font: { layout: () => ({}) } };
    expect(() => embeddedFont(fake, 'x')).toThrow(/pdfkit font internals changed/);
  });
});
