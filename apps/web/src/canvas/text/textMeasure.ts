import type { FontSpec, MeasureText, TextStyle } from '../boardMetrics';
import { FONT_FAMILY } from '../colors';

/** The CSS font string Konva builds for the same settings, so measured and drawn widths agree. */
export function cssFont(font: FontSpec): string {
  return `${font.style} ${font.weight} ${font.size}px ${FONT_FAMILY}`;
}

/** Konva's `fontStyle` property for a font ("italic bold", "normal", …). */
export function konvaFontStyle(font: FontSpec): string {
  if (font.style === 'italic' && font.weight === 'bold') return 'italic bold';
  if (font.style === 'italic') return 'italic';
  return font.weight;
}

/**
 * Konva props for static text in one of the layout's styles: the font the layout measured with,
 * and no hit-testing or perfect-draw pass (the shapes underneath take the pointer).
 */
export function staticTextProps(style: TextStyle) {
  return {
    fontFamily: FONT_FAMILY,
    fontSize: style.size,
    fontStyle: konvaFontStyle(style),
    lineHeight: style.lineHeight / style.size,
    listening: false,
    perfectDrawEnabled: false,
  } as const;
}

const CACHE_LIMIT = 20_000;

/** Measures with an offscreen 2D canvas, caching widths because layout re-measures on every edit. */
export function createCanvasMeasure(): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (text, font) => {
    const css = cssFont(font);
    const key = `${css}\u0000${text}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    if (cache.size > CACHE_LIMIT) cache.clear();
    let width = text.length * font.size * 0.6;
    if (context) {
      context.font = css;
      width = context.measureText(text).width;
    }
    cache.set(key, width);
    return width;
  };
}
