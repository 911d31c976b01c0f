/**
 * pdfkit's embedded font object, as far as the report code reaches into it (glyphMap.ts and
 * glyphOutlines.ts say why). pdfkit is pinned at 0.20.2 with fontkit 2; the shape is checked on
 * every access, so an upgrade that changes it fails loudly in the tests instead of quietly
 * producing PDFs whose text cannot be searched.
 */

/** The parts of a fontkit glyph the reports read. */
export interface FontkitGlyph {
  readonly id: number;
  readonly codePoints: readonly number[];
  readonly advanceWidth: number;
  readonly path: { readonly commands: readonly PathCommand[] };
}

/** One step of a fontkit glyph outline, in font units, y up. */
export interface PathCommand {
  readonly command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  readonly args: readonly number[];
}

/** A glyph's placement in thousandths of the font size (pdfkit scales fontkit's positions so). */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** pdfkit's EmbeddedFont, as far as the reports use it. */
export interface EmbeddedFontInternals {
  layout(
    text: string,
    features?: unknown,
  ): { readonly glyphs: readonly FontkitGlyph[]; readonly positions: readonly GlyphPosition[] };
  encode(text: string, features?: unknown): [string[], GlyphPosition[]];
  widthOfString(text: string, size: number, features?: unknown): number;
  readonly subset: { readonly glyphs: number[] };
  readonly unicode: (readonly number[])[];
  readonly widths: number[];
  readonly scale: number;
  readonly font: { readonly unitsPerEm: number; glyphForCodePoint(codePoint: number): FontkitGlyph };
}

export interface DocWithFont {
  font(name: string): unknown;
}

function isEmbeddedFont(value: unknown): value is EmbeddedFontInternals {
  if (typeof value !== 'object' || value === null) return false;
  const font = value as Partial<Record<keyof EmbeddedFontInternals, unknown>>;
  const subset = font.subset as { glyphs?: unknown } | undefined;
  const inner = font.font as { unitsPerEm?: unknown; glyphForCodePoint?: unknown } | undefined;
  return (
    typeof font.layout === 'function' &&
    typeof font.encode === 'function' &&
    typeof font.widthOfString === 'function' &&
    Array.isArray(subset?.glyphs) &&
    Array.isArray(font.unicode) &&
    Array.isArray(font.widths) &&
    typeof font.scale === 'number' &&
    typeof inner?.unitsPerEm === 'number' &&
    typeof inner.glyphForCodePoint === 'function'
  );
}

/**
 * The embedded font registered in `doc` as `name` (pdfkit keeps one per name per document).
 * @throws when pdfkit's font object no longer has the expected shape (a programming error).
 */
export function embeddedFont(doc: DocWithFont, name: string): EmbeddedFontInternals {
  doc.font(name);
  const font = (doc as unknown as { _font: unknown })._font;
  if (!isEmbeddedFont(font)) throw new Error(`pdfkit font internals changed: cannot use ${name}`);
  return font;
}
