import PDFDocument from 'pdfkit';
import type { CellLine, FlowOptions, LaidPart, Part } from './flowTypes.js';
import { INK, RULE } from './flowTypes.js';
import { type Face, fontName, type ReportFonts, registerReportFonts } from './fonts.js';
import { drawOutlines } from './glyphOutlines.js';
import { OutlinedText } from './outlinedText.js';
import { layoutText, lineHeight, type Measure, type TextLine, type TextStyle } from './textLayout.js';

/**
 * Text flowing down A4 pages: the layout (textLayout.ts) decides the lines, this draws them and
 * starts a new page when the next line does not fit. Reports are built from blocks of
 * paragraphs; a block that fits on one page is never split.
 */

export type { FlowOptions, Part } from './flowTypes.js';
export { INK, INK_MUTED, RULE } from './flowTypes.js';

/** Breathing room for the event loop: yield after this many blocks. */
const BLOCKS_PER_PAUSE = 10;
const PAGES_PER_PAUSE = 10;

export class PageFlow {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;
  y: number;
  private readonly fonts: ReportFonts;
  private blocksSincePause = 0;
  private readonly outlined: OutlinedText;
  private pendingHeadings: Part[] = [];
  private currentFont = '';
  private currentSize = 0;
  private readonly restricted = new Set<number>();

  constructor(options: FlowOptions) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: options.margin,
      bufferPages: true,
      // No default font: pdfkit would load Helvetica's metrics for nothing.
      font: null as unknown as string,
      lang: 'en-GB',
      displayTitle: true,
      info: { Title: options.title, Creator: 'Kinmap', Producer: 'Kinmap', CreationDate: options.createdAt },
    });
    this.fonts = registerReportFonts(this.doc);
    this.outlined = new OutlinedText(this.doc, this.fonts.layer, (name, size) => this.useFont(name, size));
    this.left = options.margin;
    this.width = this.doc.page.width - 2 * options.margin;
    this.top = options.margin;
    this.bottom = this.doc.page.height - options.margin - options.footer;
    this.y = this.top;
  }

  /** Widths measured with the document's own fonts. */
  readonly measure: Measure = (text, face, style, wholeRun) => {
    if (face === 'arabic' && wholeRun)
      return (this.outlined.shaped(text, face, style).advance * style.size) / 1000;
    this.setFont(face, style);
    return this.doc.widthOfString(text, wholeRun ? { features: [] } : {});
  };

  layout(text: string, style: TextStyle, width: number): TextLine[] {
    return layoutText(text, { width, style, measure: this.measure });
  }

  /** Whether professionals-only content is drawn on the page (index from 0, as stampPages gives). */
  hasRestricted(pageIndex: number): boolean {
    return this.restricted.has(pageIndex);
  }

  /** Notes that the page being written holds professionals-only content. */
  private noteRestricted(part: Part): void {
    if (part.restricted !== true) return;
    const range = this.doc.bufferedPageRange();
    this.restricted.add(range.count - 1);
  }

  get remaining(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` fits below the cursor. */
  ensureSpace(height: number): void {
    if (height > this.remaining && this.y > this.top) this.newPage();
  }

  space(height: number): void {
    this.y = Math.min(this.y + height, this.bottom);
  }

  /**
   * Queues heading paragraphs: they are drawn with whatever comes next (a block, a row of
   * columns, a chart), so a heading is never left alone at the foot of a page.
   */
  heading(parts: readonly Part[]): void {
    this.pendingHeadings.push(...parts);
  }

  /** Draws queued headings now, with room for `following` points of what comes after them. */
  flushHeadings(following: number): void {
    if (this.pendingHeadings.length === 0) return;
    this.block([], following);
  }

  /**
   * Draws paragraphs (after any queued headings) as one block: on this page if it fits, else on
   * the next page if it fits there, else flowing over as many pages as it needs. `keepWithNext`
   * reserves room below the block.
   */
  block(blockParts: readonly Part[], keepWithNext = 0): void {
    const parts = [...this.pendingHeadings, ...blockParts];
    this.pendingHeadings = [];
    const laid: LaidPart[] = parts.map((part) => {
      const lines = this.layout(part.text, part.style, this.width - (part.indent ?? 0));
      const height = (part.before ?? 0) + lines.reduce((sum, line) => sum + lineHeight(line, part.style), 0);
      return { part, lines, height };
    });
    const total = laid.reduce((sum, item) => sum + item.height, 0);
    if (total + keepWithNext <= this.bottom - this.top) this.ensureSpace(total + keepWithNext);
    for (const { part, lines } of laid) {
      this.y += part.before ?? 0;
      for (const line of lines) {
        const height = lineHeight(line, part.style);
        if (this.y + height > this.bottom) this.newPage();
        const indent = part.indent ?? 0;
        const x = line.direction === 'rtl' ? this.left : this.left + indent;
        this.drawLine(line, part.style, part.color ?? INK, { x, width: this.width - indent, y: this.y });
        this.noteRestricted(part);
        if (part.bar !== undefined) this.drawBar(line, part.bar, height);
        this.y += height;
      }
    }
  }

  /**
   * Cells side by side (a danger statement beside its safety goal), each a list of paragraphs.
   * The n-th paragraphs of all cells start level (a label above each text); lines are drawn
   * row by row, so long texts continue on the next page in every column.
   */
  columns(cells: readonly (readonly Part[])[], gap: number): void {
    const cellWidth = (this.width - gap * (cells.length - 1)) / cells.length;
    const rows = this.columnRows(cells, cellWidth);
    const firstRows = rows.slice(0, 4).reduce((sum, row) => sum + row.height, 0);
    this.flushHeadings(firstRows);
    this.ensureSpace(firstRows);
    for (const row of rows) {
      if (this.y + row.height > this.bottom) this.newPage();
      row.cells.forEach((cellLine, i) => {
        if (cellLine === undefined) return;
        const { line, part, above } = cellLine;
        const indent = part.indent ?? 0;
        const x = this.left + i * (cellWidth + gap) + (line.direction === 'rtl' ? 0 : indent);
        this.drawLine(line, part.style, part.color ?? INK, {
          x,
          width: cellWidth - indent,
          y: this.y + above,
        });
        this.noteRestricted(part);
      });
      this.y += row.height;
    }
  }

  /** The rows of lines of side-by-side cells, paragraph by paragraph. */
  private columnRows(
    cells: readonly (readonly Part[])[],
    cellWidth: number,
  ): { readonly cells: readonly (CellLine | undefined)[]; readonly height: number }[] {
    const rows: { cells: (CellLine | undefined)[]; height: number }[] = [];
    const paragraphs = Math.max(0, ...cells.map((parts) => parts.length));
    for (let index = 0; index < paragraphs; index += 1) {
      const laid: CellLine[][] = cells.map((parts) => {
        const part = parts[index];
        if (part === undefined) return [];
        return this.layout(part.text, part.style, cellWidth - (part.indent ?? 0)).map((line, i) => {
          const above = i === 0 ? (part.before ?? 0) : 0;
          return { line, part, above, height: above + lineHeight(line, part.style) };
        });
      });
      const count = Math.max(0, ...laid.map((lines) => lines.length));
      for (let row = 0; row < count; row += 1) {
        const rowCells = laid.map((lines) => lines[row]);
        rows.push({ cells: rowCells, height: Math.max(0, ...rowCells.map((cell) => cell?.height ?? 0)) });
      }
    }
    return rows;
  }

  /** A thin horizontal rule across the text width. */
  rule(color = RULE): void {
    this.flushHeadings(0);
    this.doc
      .save()
      .moveTo(this.left, this.y)
      .lineTo(this.left + this.width, this.y)
      .lineWidth(0.75)
      .strokeColor(color)
      .stroke()
      .restore();
  }

  /**
   * Draws one laid-out line with its top at `y` inside [x, x + width]: left-to-right lines
   * from the left, right-to-left lines from the right (or as `align` says).
   */
  drawLine(
    line: TextLine,
    style: TextStyle,
    color: string,
    box: { readonly x: number; readonly width: number; readonly y: number; readonly align?: 'start' | 'end' },
  ): void {
    const fromRight = (line.direction === 'rtl') !== (box.align === 'end');
    const originX = fromRight ? box.x + box.width - line.width : box.x;
    const baselineY = box.y + line.ascent;
    if (line.direction === 'rtl' && line.runs.some((run) => run.face === 'arabic')) {
      this.outlined.drawLine(line, style, color, originX, baselineY);
      return;
    }
    for (const run of line.runs) {
      if (run.face === 'arabic') {
        this.outlined.drawRun(run, style, color, originX, baselineY);
        continue;
      }
      const name = this.setFont(run.face, style);
      this.doc.fillColor(color);
      this.doc.text(run.text, originX + run.x, baselineY, {
        lineBreak: false,
        baseline: 'alphabetic',
        ...(run.wholeRun ? { features: [] } : {}),
      });
      const marks = this.fonts.text.get(name)?.takeMarks() ?? [];
      const place = { originX: originX + run.x, baselineY, size: style.size, color };
      if (marks.length > 0) drawOutlines(this.doc, marks, place);
    }
  }

  /** Yields to the event loop now and then, so a long report does not hold up other requests. */
  async pause(): Promise<void> {
    this.blocksSincePause += 1;
    if (this.blocksSincePause < BLOCKS_PER_PAUSE) return;
    this.blocksSincePause = 0;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /**
   * Runs `stamp` on every page once the content is complete (footers with "page X of Y"),
   * yielding to the event loop every few pages.
   */
  async stampPages(stamp: (pageIndex: number, pageCount: number) => void): Promise<void> {
    this.flushHeadings(0);
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      this.doc.switchToPage(index);
      stamp(index - range.start, range.count);
      if ((index - range.start) % PAGES_PER_PAUSE === PAGES_PER_PAUSE - 1) {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }

  /**
   * Finishes the document and collects its bytes. The pages are written out first and the fonts
   * embedded after a turn of the event loop: each is a stretch of synchronous work.
   */
  async finish(): Promise<Uint8Array> {
    this.flushHeadings(0);
    const chunks: Buffer[] = [];
    const ended = new Promise<Uint8Array>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      this.doc.on('error', reject);
    });
    this.doc.flushPages();
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.doc.end();
    return ended;
  }

  private drawBar(line: TextLine, color: string, height: number): void {
    const x = line.direction === 'rtl' ? this.left + this.width - 2 : this.left;
    this.doc.save().rect(x, this.y, 2, height).fill(color).restore();
  }

  private setFont(face: Face, style: TextStyle): string {
    const name = fontName(face, style.weight);
    this.useFont(name, style.size);
    return name;
  }

  /** Switches font only when it changes: pdfkit's own font and size setters are not free. */
  private useFont(name: string, size: number): void {
    if (this.currentFont !== name) {
      this.doc.font(name);
      this.currentFont = name;
    }
    if (this.currentSize !== size) {
      this.doc.fontSize(size);
      this.currentSize = size;
    }
  }
}
