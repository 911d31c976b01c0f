import { type Face, fontName, TEXT_LAYER_FONT } from './fonts.js';
import type { TextLayerFont } from './glyphMap.js';
import { drawOutlines, type OutlinedRun, outlineRun } from './glyphOutlines.js';
import type { PlacedRun, TextLine, TextStyle } from './textLayout.js';

/**
 * Arabic-script text drawn as glyph outlines with its text laid over it invisibly (text render
 * mode 3, as scanned PDFs carry their OCR text); glyphMap.ts says why shaped Arabic cannot carry
 * its own text.
 *
 * The layer's characters are in the order they sit on the page, left to right — what PDF
 * readers expect: they put each line of text back in reading order with the bidirectional
 * algorithm, guessing its direction (pdf.js: right to left when 30% or more of it is). So:
 * - a right-to-left line is outlined whole, Latin runs too, under one layer (`drawLine`): the
 *   reader turns it around as one, numbers and English words inside it included;
 * - in a left-to-right line only the Arabic runs are outlined, each under its own layer
 *   (`drawRun`), and the rest stays text: the line is read in the order it is drawn, and an
 *   Arabic name in it is turned around on its own whatever its share of the line.
 */

/** The parts of pdfkit's document this uses. */
type Doc = PDFKit.PDFDocument;

/** How many shaped runs to keep: a run is measured, then drawn soon after. */
const CACHE_SIZE = 256;

export class OutlinedText {
  private readonly shapedRuns = new Map<string, OutlinedRun>();

  constructor(
    private readonly doc: Doc,
    private readonly layer: TextLayerFont,
    private readonly useFont: (name: string, size: number) => void,
  ) {}

  /** A run shaped once for measuring and drawing (shaping Arabic is the slowest step of a report). */
  shaped(text: string, face: Face, style: TextStyle): OutlinedRun {
    const name = fontName(face, style.weight);
    const key = `${name}\u0000${text}`;
    let run = this.shapedRuns.get(key);
    if (run === undefined) {
      if (this.shapedRuns.size >= CACHE_SIZE) this.shapedRuns.clear();
      this.useFont(name, style.size);
      run = outlineRun(this.doc, name, text);
      this.shapedRuns.set(key, run);
    }
    return run;
  }

  /** Draws a whole line with its left edge at `originX` and its baseline at `baselineY`. */
  drawLine(line: TextLine, style: TextStyle, color: string, originX: number, baselineY: number): void {
    for (const run of line.runs) this.drawOutlines(run, style, color, originX, baselineY);
    this.drawLayer(layerText(line.runs), line.width, style, originX, baselineY);
  }

  /** Draws one run of a line whose left edge is at `originX`. */
  drawRun(run: PlacedRun, style: TextStyle, color: string, originX: number, baselineY: number): void {
    this.drawOutlines(run, style, color, originX, baselineY);
    this.drawLayer(layerText([run]), run.width, style, originX + run.x, baselineY);
  }

  private drawOutlines(
    run: PlacedRun,
    style: TextStyle,
    color: string,
    originX: number,
    baselineY: number,
  ): void {
    const outlines = this.shaped(run.text, run.face, style).outlines;
    drawOutlines(this.doc, outlines, { originX: originX + run.x, baselineY, size: style.size, color });
  }

  private drawLayer(text: string, width: number, style: TextStyle, x: number, baselineY: number): void {
    const natural = (this.layer.width(text) * style.size) / 1000;
    if (natural <= 0) return;
    this.useFont(TEXT_LAYER_FONT, style.size);
    this.doc.save();
    this.doc.addContent('3 Tr');
    const options: PDFKit.Mixins.TextOptions & { horizontalScaling: number } = {
      lineBreak: false,
      baseline: 'alphabetic',
      // Stretched over what is drawn, so selecting the text highlights what is seen.
      horizontalScaling: (width / natural) * 100,
    };
    this.layer.drawing(() => this.doc.text(text, x, baselineY, options));
    this.doc.restore();
  }
}

/**
 * Runs' characters in the order they sit on the page, left to right, as written: a
 * right-to-left run turned around, its brackets not mirrored (mirroring is the reader's job).
 */
export function layerText(runs: readonly PlacedRun[]): string {
  return runs
    .map((run) => (run.rightToLeft ? Array.from(run.logical).reverse().join('') : run.logical))
    .join('');
}
