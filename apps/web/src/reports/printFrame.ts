/**
 * How big the picture of the map is: the whole board (not the part on screen), drawn at a pixel
 * ratio that prints it sharply. The board is fitted onto the paper (turned to match the board's
 * shape), the ratio gives at least `dpi` dots per inch there and never less than `minRatio` times
 * the board's own size; a canvas the browser cannot make (too long a side, too many pixels) is
 * avoided by lowering the ratio, and `limited` says so.
 */

export interface PaperSize {
  readonly widthMm: number;
  readonly heightMm: number;
}

export const A3: PaperSize = { widthMm: 420, heightMm: 297 };

export interface PrintOptions {
  readonly paper: PaperSize;
  readonly dpi: number;
  readonly minRatio: number;
  /** Longest canvas side browsers draw reliably (Chromium's hard limit is 32,767). */
  readonly maxSide: number;
  /** Most pixels in one canvas (memory: 4 bytes each, twice over while encoding the PNG). */
  readonly maxPixels: number;
}

export const PRINT_OPTIONS: PrintOptions = {
  paper: A3,
  dpi: 200,
  minRatio: 2,
  maxSide: 16_384,
  maxPixels: 64_000_000,
};

export interface PrintFrame {
  /** The part of the board drawn, in board units: all of it. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Canvas pixels per board unit. */
  readonly pixelRatio: number;
  /** The picture's size in pixels. */
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  readonly orientation: 'landscape' | 'portrait';
  /** True when the browser's canvas limits made the picture smaller than asked. */
  readonly limited: boolean;
}

const MM_PER_INCH = 25.4;

/**
 * The frame and pixel ratio for a picture of a board `width` × `height` board units big.
 * @example printFrame({ width: 1385, height: 900 }).pixelRatio // ≈ 2.39: A3 landscape at 200 dpi
 */
export function printFrame(
  board: { readonly width: number; readonly height: number },
  options: PrintOptions = PRINT_OPTIONS,
): PrintFrame {
  const width = Math.max(1, board.width);
  const height = Math.max(1, board.height);
  const orientation = width >= height ? 'landscape' : 'portrait';
  const long = Math.max(options.paper.widthMm, options.paper.heightMm);
  const short = Math.min(options.paper.widthMm, options.paper.heightMm);
  const [paperW, paperH] = orientation === 'landscape' ? [long, short] : [short, long];
  const dots = (mm: number) => (mm / MM_PER_INCH) * options.dpi;
  // Fitted onto the paper whole: the tighter of the two directions decides.
  const fitted = Math.min(dots(paperW) / width, dots(paperH) / height);
  const wanted = Math.max(options.minRatio, fitted);
  const possible = Math.min(
    options.maxSide / Math.max(width, height),
    Math.sqrt(options.maxPixels / (width * height)),
  );
  const pixelRatio = Math.min(wanted, possible);
  return {
    x: 0,
    y: 0,
    width,
    height,
    pixelRatio,
    // Konva sizes its canvas as floor(size × ratio).
    pixelWidth: Math.floor(width * pixelRatio),
    pixelHeight: Math.floor(height * pixelRatio),
    orientation,
    limited: possible < wanted,
  };
}
