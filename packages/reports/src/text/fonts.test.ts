import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { faceOfChar, fontFile, fontName, registerReportFonts, TEXT_LAYER_FONT } from './fonts.js';

const newDoc = (): PDFKit.PDFDocument => new PDFDocument({ size: 'A4', font: null as unknown as string });

describe('faceOfChar', () => {
  it('sends Arabic-script characters to Noto Sans Arabic and the rest to DejaVu Sans', () => {
    for (const char of ['ب', 'ہ', 'ے', '،', '٣', 'ﻻ']) expect(faceOfChar(char)).toBe('arabic');
    for (const char of ['a', 'ŵ', 'ł', 'Ω', 'Ж', 'א', '.', '7']) expect(faceOfChar(char)).toBe('latin');
  });

  it('leaves spaces, joiners and combining marks to the run around them', () => {
    for (const char of [' ', '\u200C', '\u0301']) expect(faceOfChar(char)).toBeNull();
  });
});

describe('fontFile', () => {
  it('finds every face as a plain TrueType file, which fontkit reads without unpacking tables', () => {
    for (const face of ['latin', 'arabic'] as const) {
      for (const weight of ['regular', 'bold'] as const) {
        expect(readFileSync(fontFile(face, weight)).readUInt32BE(0), `${face} ${weight}`).toBe(0x00010000);
      }
    }
  });
});

describe('registerReportFonts', () => {
  it('registers the four faces under their own names, each a different font', () => {
    const doc = newDoc();
    registerReportFonts(doc);
    const widths = (['latin', 'arabic'] as const).flatMap((face) =>
      (['regular', 'bold'] as const).map((weight) =>
        doc
          .font(fontName(face, weight))
          .fontSize(12)
          .widthOfString(face === 'latin' ? 'Ŵyr' : 'بچے'),
      ),
    );
    expect(new Set(widths).size).toBe(4);
  });

  it('measures Arabic words shaped, exactly as a font that has no text layer would', () => {
    const plain = newDoc();
    plain.registerFont('plain', registeredFontData(TEXT_LAYER_FONT));
    const expected = plain.font('plain').fontSize(14).widthOfString('یہ بچے');
    const doc = newDoc();
    registerReportFonts(doc);
    expect(doc.font(TEXT_LAYER_FONT).fontSize(14).widthOfString('یہ بچے')).toBeCloseTo(expected, 6);
  });
});

/** The bytes registerReportFonts gave pdfkit under `name` (read back from a document). */
function registeredFontData(name: string): Buffer {
  const doc = newDoc();
  registerReportFonts(doc);
  const registered = (doc as unknown as { _registeredFonts: Record<string, { src: Buffer }> })
    ._registeredFonts;
  return registered[name]?.src as Buffer;
}
