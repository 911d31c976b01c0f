import {
  type DocWithFont,
  type EmbeddedFontInternals,
  embeddedFont,
  type FontkitGlyph,
  type GlyphPosition,
  type PathCommand,
} from './pdfkitFont.js';

/**
 * Glyphs painted as vector outlines rather than text: the shaped glyphs of Arabic-script runs
 * (whose text is carried by an invisible layer, glyphMap.ts) and the odd mark glyph that stands
 * for no character. Written straight into the page's content: pdfkit's own path API parses an
 * SVG string per glyph, which made Arabic the slowest part of a report.
 */

/** An outline reduced to what PDF paths have (no quadratic curves): M x y, L x y, C x1 y1 x2 y2 x y, Z. */
export type OutlineStep =
  | { readonly op: 'M' | 'L'; readonly points: readonly [number, number] }
  | { readonly op: 'C'; readonly points: readonly [number, number, number, number, number, number] }
  | { readonly op: 'Z' };

/** A glyph painted as an outline, placed relative to the start of its run. */
export interface GlyphOutline {
  /** The outline in font units, y up. */
  readonly steps: readonly OutlineStep[];
  /** Where its origin sits, in thousandths of the font size from the run's start and baseline (y up). */
  readonly x: number;
  readonly y: number;
  readonly unitsPerEm: number;
}

/**
 * A glyph's outline as PDF path steps: TrueType outlines are quadratic curves, which PDF lacks,
 * so each becomes the cubic curve that traces it exactly.
 */
export function outlineSteps(commands: readonly PathCommand[]): OutlineStep[] {
  const steps: OutlineStep[] = [];
  let [x, y] = [0, 0];
  let [startX, startY] = [0, 0];
  for (const { command, args } of commands) {
    const a = args as number[];
    if (command === 'moveTo' || command === 'lineTo') {
      [x, y] = [a[0] ?? 0, a[1] ?? 0];
      if (command === 'moveTo') [startX, startY] = [x, y];
      steps.push({ op: command === 'moveTo' ? 'M' : 'L', points: [x, y] });
    } else if (command === 'quadraticCurveTo') {
      const [qx = 0, qy = 0, ex = 0, ey = 0] = a;
      steps.push({
        op: 'C',
        points: [
          x + (2 / 3) * (qx - x),
          y + (2 / 3) * (qy - y),
          ex + (2 / 3) * (qx - ex),
          ey + (2 / 3) * (qy - ey),
          ex,
          ey,
        ],
      });
      [x, y] = [ex, ey];
    } else if (command === 'bezierCurveTo') {
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0, ex = 0, ey = 0] = a;
      steps.push({ op: 'C', points: [x1, y1, x2, y2, ex, ey] });
      [x, y] = [ex, ey];
    } else {
      steps.push({ op: 'Z' });
      [x, y] = [startX, startY];
    }
  }
  return steps;
}

/** Outlines by glyph id, converted once per font. */
export function outlineCache(): (glyph: FontkitGlyph) => OutlineStep[] {
  const outlines = new Map<number, OutlineStep[]>();
  return (glyph) => {
    let steps = outlines.get(glyph.id);
    if (steps === undefined) {
      steps = outlineSteps(glyph.path.commands);
      outlines.set(glyph.id, steps);
    }
    return steps;
  };
}

const outlineCaches = new WeakMap<EmbeddedFontInternals, (glyph: FontkitGlyph) => OutlineStep[]>();

/**
 * The shaped glyphs of `text` in the registered font `name`, as outlines in drawing order
 * (fontkit lays right-to-left scripts out right to left).
 */
export interface OutlinedRun {
  readonly outlines: readonly GlyphOutline[];
  /** The run's advance, in thousandths of the font size. */
  readonly advance: number;
}

/** A glyph's outline where the shaper placed it, `pen` along the run; null when it draws nothing (a space). */
export function placedOutline(
  steps: readonly OutlineStep[],
  pen: number,
  position: GlyphPosition,
  unitsPerEm: number,
): GlyphOutline | null {
  if (steps.length === 0) return null;
  return { steps, x: pen + position.xOffset, y: position.yOffset, unitsPerEm };
}

export function outlineRun(doc: DocWithFont, name: string, text: string): OutlinedRun {
  const font = embeddedFont(doc, name);
  let pathOf = outlineCaches.get(font);
  if (pathOf === undefined) {
    pathOf = outlineCache();
    outlineCaches.set(font, pathOf);
  }
  const { glyphs, positions } = font.layout(text, []);
  const outlines: GlyphOutline[] = [];
  let pen = 0;
  glyphs.forEach((glyph, index) => {
    const position = positions[index] as GlyphPosition;
    const steps = (pathOf as (glyph: FontkitGlyph) => OutlineStep[])(glyph);
    const outline = placedOutline(steps, pen, position, font.font.unitsPerEm);
    if (outline) outlines.push(outline);
    pen += position.xAdvance;
  });
  return { outlines, advance: pen };
}

/** The parts of pdfkit's document `drawOutlines` uses. */
interface DocForOutlines {
  fillColor(color: string): unknown;
  addContent(data: string): unknown;
}

const fontUnits = (n: number): string => (Math.round(n * 10) / 10).toString();

/** PDF path operators of an outline in font units; the same string for every use of a glyph. */
const pathOperators = new WeakMap<readonly OutlineStep[], string>();

function operatorsOf(steps: readonly OutlineStep[]): string {
  let operators = pathOperators.get(steps);
  if (operators === undefined) {
    operators = steps
      .map((step) =>
        step.op === 'Z'
          ? 'h'
          : `${step.points.map(fontUnits).join(' ')} ${step.op === 'C' ? 'c' : step.op === 'M' ? 'm' : 'l'}`,
      )
      .join('\n');
    pathOperators.set(steps, operators);
  }
  return operators;
}

const placement = (n: number): string => (Math.round(n * 1000) / 1000).toString();

/**
 * Paints outlines of a run drawn at `originX` with its baseline at `baselineY` (page
 * coordinates, y down), written straight into the page's content: pdfkit's own path API parses
 * an SVG string per glyph (it was the slowest part of a page of Arabic). Each glyph is its
 * outline in font units under a placing transform, so repeated glyphs compress well.
 */
export function drawOutlines(
  doc: DocForOutlines,
  outlines: readonly GlyphOutline[],
  place: {
    readonly originX: number;
    readonly baselineY: number;
    readonly size: number;
    readonly color: string;
  },
): void {
  if (outlines.length === 0) return;
  const unit = place.size / 1000;
  const parts: string[] = [];
  for (const outline of outlines) {
    const scale = placement(place.size / outline.unitsPerEm);
    const x = placement(place.originX + outline.x * unit);
    const y = placement(place.baselineY - outline.y * unit);
    // Font units are y up; the page (as pdfkit sets it up) is y down. Nonzero winding fill.
    parts.push(`q ${scale} 0 0 -${scale} ${x} ${y} cm\n${operatorsOf(outline.steps)}\nf\nQ`);
  }
  doc.fillColor(place.color);
  doc.addContent(parts.join('\n'));
}
