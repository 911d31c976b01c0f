/**
 * Searchable text from shaped fonts. A PDF finds the text behind a glyph through the font's
 * ToUnicode map: one glyph, one string. pdfkit keys that map by glyph id, which breaks twice:
 * - a font may draw two characters with one glyph (and DejaVu draws every character it lacks
 *   with the same empty box), so all of them would read back as the first one;
 * - Noto Sans Arabic draws ب, ت, ن and ي from one dotless base glyph plus separate dot glyphs,
 *   and fontkit's record of which character a shaped glyph came from is not reliable there
 *   (in "بنت" it gives ن to the glyph of ب), so shaped Arabic cannot carry its own text.
 *
 * So, replacing the `encode` step of pdfkit fonts:
 * - `installGlyphMap` (Latin text): each distinct (glyph, characters) pair gets its own glyph
 *   slot in the embedded subset (the outline is copied), so each maps back to its own
 *   characters; glyphs that stand for no character leave the text and are painted as outlines.
 * - Arabic-script runs are painted as outlines of the shaped glyphs (`outlineRun`), and their
 *   text is laid over them invisibly (`installTextLayer`): one unshaped glyph per character, in
 *   drawing order, stretched to the same width — the way scanned PDFs carry their OCR text.
 *
 * It reaches into pdfkit's EmbeddedFont (pinned at pdfkit 0.20.2, fontkit 2); the shape it needs
 * is checked when it is installed, so an upgrade that changes it fails loudly in the tests.
 */

import { type GlyphOutline, outlineCache, placedOutline } from './glyphOutlines.js';
import {
  type DocWithFont,
  type EmbeddedFontInternals,
  embeddedFont,
  type FontkitGlyph,
  type GlyphPosition,
} from './pdfkitFont.js';

export interface GlyphMappedFont {
  /** The glyphs left out of the text by the most recent `doc.text` call with this font. */
  takeMarks(): readonly GlyphOutline[];
}

/** Invisible to text extraction (a format character), for the rare mark that cannot leave the text. */
const ZERO_WIDTH_SPACE = 0x200b;

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** Gives each (glyph, characters) pair its own slot in the font's subset, mapped to those characters. */
function slotAllocator(
  font: EmbeddedFontInternals,
): (glyph: FontkitGlyph, codePoints: readonly number[]) => number {
  const slots = new Map<string, number>();
  return (glyph, codePoints) => {
    const key = `${glyph.id}:${codePoints.join(',')}`;
    let slot = slots.get(key);
    if (slot === undefined) {
      font.subset.glyphs.push(glyph.id);
      slot = font.subset.glyphs.length - 1;
      slots.set(key, slot);
      font.widths[slot] = glyph.advanceWidth * font.scale;
      font.unicode[slot] = codePoints;
    }
    return slot;
  };
}

/** The characters of `text` no glyph claims (those the font lacks), in text order. */
function unclaimedCodePoints(text: string, glyphs: readonly FontkitGlyph[]): number[] {
  const claimed = new Map<number, number>();
  for (const glyph of glyphs) {
    for (const codePoint of glyph.codePoints) claimed.set(codePoint, (claimed.get(codePoint) ?? 0) + 1);
  }
  const unclaimed: number[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    const count = claimed.get(codePoint) ?? 0;
    if (count > 0) claimed.set(codePoint, count - 1);
    else if (!/\s/u.test(char)) unclaimed.push(codePoint);
  }
  return unclaimed;
}

/**
 * Makes the registered font `name` map every glyph back to its own characters (see above).
 * @throws when pdfkit's font object no longer has the expected shape (a programming error).
 */
export function installGlyphMap(doc: DocWithFont, name: string): GlyphMappedFont {
  const font = embeddedFont(doc, name);
  const slotFor = slotAllocator(font);
  const pathOf = outlineCache();
  let marks: GlyphOutline[] = [];

  font.encode = (text: string, features?: unknown): [string[], GlyphPosition[]] => {
    const { glyphs, positions } = font.layout(text, features);
    const missing = unclaimedCodePoints(text, glyphs);
    const encoded: string[] = [];
    const placed: GlyphPosition[] = [];
    marks = [];
    let pen = 0;
    glyphs.forEach((glyph, index) => {
      const position = positions[index] as GlyphPosition;
      const previous = placed.at(-1);
      // The font's empty box for a character it lacks: it stands for the next unclaimed one.
      const codePoints =
        glyph.codePoints.length === 0 && glyph.id === 0
          ? [missing.shift() ?? ZERO_WIDTH_SPACE]
          : glyph.codePoints;
      if (codePoints.length === 0 && (previous !== undefined || position.xAdvance === 0)) {
        const mark = placedOutline(pathOf(glyph), pen, position, font.font.unitsPerEm);
        if (mark) marks.push(mark);
        // The text's pen must still move as far as the shaper moved it.
        if (previous !== undefined) previous.xAdvance += position.xAdvance;
      } else {
        encoded.push(hex4(slotFor(glyph, codePoints.length > 0 ? codePoints : [ZERO_WIDTH_SPACE])));
        // Copied: pdfkit caches layouts, and the advance above may change.
        placed.push({ ...position });
      }
      pen += position.xAdvance;
    });
    return [encoded, placed];
  };

  return {
    takeMarks() {
      const taken = marks;
      marks = [];
      return taken;
    },
  };
}

export interface TextLayerFont {
  /** The natural width of `text` in the layer, in thousandths of the font size. */
  width(text: string): number;
  /** Runs `draw` with the font in layer mode: a `doc.text` in it draws the text layer. */
  drawing(draw: () => void): void;
}

/**
 * Gives the registered font `name` a text-layer mode: while `drawing`, `doc.text` draws exactly
 * one glyph per character, in the order given, unshaped, so each maps back to its character.
 * Outside it the font measures and shapes as usual (its outlines are what is seen).
 */
export function installTextLayer(doc: DocWithFont, name: string): TextLayerFont {
  const font = embeddedFont(doc, name);
  const slotFor = slotAllocator(font);
  const shapedEncode = font.encode.bind(font);
  const shapedWidth = font.widthOfString.bind(font);
  const codePointsOf = (text: string): number[] => Array.from(text, (char) => char.codePointAt(0) as number);
  const width = (text: string): number =>
    codePointsOf(text).reduce(
      (sum, codePoint) => sum + font.font.glyphForCodePoint(codePoint).advanceWidth * font.scale,
      0,
    );
  let active = false;

  font.encode = (text: string, features?: unknown): [string[], GlyphPosition[]] => {
    if (!active) return shapedEncode(text, features);
    const encoded: string[] = [];
    const placed: GlyphPosition[] = [];
    for (const codePoint of codePointsOf(text)) {
      const glyph = font.font.glyphForCodePoint(codePoint);
      encoded.push(hex4(slotFor(glyph, [codePoint])));
      const advance = glyph.advanceWidth * font.scale;
      placed.push({ xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance });
    }
    return [encoded, placed];
  };
  // pdfkit measures what it has drawn; in layer mode that must not shape the text again.
  font.widthOfString = (text: string, size: number, features?: unknown): number =>
    active ? (width(text) * size) / 1000 : shapedWidth(text, size, features);

  return {
    width,
    drawing(draw) {
      active = true;
      try {
        draw();
      } finally {
        active = false;
      }
    },
  };
}
