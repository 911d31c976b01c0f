import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type GlyphMappedFont, installGlyphMap, installTextLayer, type TextLayerFont } from './glyphMap.js';

/**
 * The fonts embedded in reports. DejaVu Sans covers Latin (Welsh ŵ ŷ, Polish ą ę ł ż), Greek,
 * Cyrillic and Hebrew; Noto Sans Arabic covers the Arabic script, including the Urdu letters
 * (ہ ے) DejaVu lacks. Text is split into runs by script and each run drawn in its own font:
 * Latin runs as text, Arabic runs as glyph outlines under an invisible text layer (glyphMap.ts).
 */
export type Face = 'latin' | 'arabic';
export type Weight = 'regular' | 'bold';

export const FACES: readonly Face[] = ['latin', 'arabic'];
export const WEIGHTS: readonly Weight[] = ['regular', 'bold'];

/**
 * DejaVu comes from its npm package; Noto Sans Arabic is shipped with this package as TrueType
 * (fonts/README.md says where it came from). Both are found from this module's own location, so
 * they load the same from `src` (tests) and from `dist` (the built server).
 */
export function fontFile(face: Face, weight: Weight): string {
  if (face === 'latin') {
    const file = weight === 'regular' ? 'DejaVuSans.ttf' : 'DejaVuSans-Bold.ttf';
    return createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);
  }
  const file = weight === 'regular' ? 'NotoSansArabic-Regular.ttf' : 'NotoSansArabic-Bold.ttf';
  return fileURLToPath(new URL(`../../fonts/${file}`, import.meta.url));
}

/**
 * How tall a line of each face is, in font sizes: above the baseline, below it. Noto Sans
 * Arabic reaches further both ways (marks above and below the letters) than DejaVu.
 */
export const FACE_METRICS: Readonly<Record<Face, { readonly ascent: number; readonly descent: number }>> = {
  latin: { ascent: 0.95, descent: 0.27 },
  arabic: { ascent: 1.1, descent: 0.55 },
};

/** The name a face and weight are registered under in a document. */
export function fontName(face: Face, weight: Weight): string {
  return `kinmap-${face}-${weight}`;
}

/** Arabic-script blocks (Arabic, Supplement, Extended-A/B, Presentation Forms-A/B). */
const ARABIC_BLOCKS = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
/** Characters every face has and that should not split a run: spaces and joiners. */
const NEUTRAL = /[\s\u200B-\u200F]/u;
/** Combining marks stay in the run of the letter they sit on. */
const MARK = /\p{M}/u;

/**
 * The face a character needs; null when it can go in either (spaces, joiners, combining marks),
 * so that it does not break a run of Arabic words in two.
 */
export function faceOfChar(char: string): Face | null {
  const code = char.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d) ? null : 'latin';
  if (ARABIC_BLOCKS.test(char)) return 'arabic';
  if (NEUTRAL.test(char) || MARK.test(char)) return null;
  return 'latin';
}

let fontData: Readonly<Record<Face, Readonly<Record<Weight, Buffer>>>> | null = null;

/** The font files, read once per process (about 1.5 MB together). */
function loadFontData(): Readonly<Record<Face, Readonly<Record<Weight, Buffer>>>> {
  if (fontData === null) {
    const read = (face: Face): Readonly<Record<Weight, Buffer>> => ({
      regular: readFileSync(fontFile(face, 'regular')),
      bold: readFileSync(fontFile(face, 'bold')),
    });
    fontData = { latin: read('latin'), arabic: read('arabic') };
  }
  return fontData;
}

/** The parts of pdfkit's document registration uses. */
interface DocForFonts {
  registerFont(name: string, src: Buffer): unknown;
  font(name: string): unknown;
}

/** The report fonts of one document, mapped for searchable text (glyphMap.ts). */
export interface ReportFonts {
  /** Fonts drawn as text, by registered name. */
  readonly text: ReadonlyMap<string, GlyphMappedFont>;
  /** The invisible layer that carries the text of Arabic-script runs. */
  readonly layer: TextLayerFont;
}

/** The font whose text-layer mode carries the text of Arabic-script runs (glyphMap.ts). */
export const TEXT_LAYER_FONT = fontName('arabic', 'regular');

/** Registers the report fonts in `doc`; pdfkit embeds only the fonts and glyphs used. */
export function registerReportFonts(doc: DocForFonts): ReportFonts {
  const data = loadFontData();
  const text = new Map<string, GlyphMappedFont>();
  for (const face of FACES) {
    for (const weight of WEIGHTS) {
      const name = fontName(face, weight);
      doc.registerFont(name, data[face][weight]);
      // Arabic-script runs are outlined, never drawn as text in their own fonts.
      if (face === 'latin') text.set(name, installGlyphMap(doc, name));
      else doc.font(name);
    }
  }
  return { text, layer: installTextLayer(doc, TEXT_LAYER_FONT) };
}
