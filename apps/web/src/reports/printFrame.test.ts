import { describe, expect, it } from 'vitest';
import { A3, PRINT_OPTIONS, printFrame } from './printFrame';

const A3_LONG_DOTS = (420 / 25.4) * 200; // ≈ 3307 dots: A3's long side at 200 dpi

describe('printFrame', () => {
  it('frames the whole board, not a part of it', () => {
    const frame = printFrame({ width: 1385, height: 2400 });
    expect(frame).toMatchObject({ x: 0, y: 0, width: 1385, height: 2400 });
  });

  it('fills A3 landscape at 200 dpi for a wide board', () => {
    const frame = printFrame({ width: 1385, height: 900 });
    expect(frame.orientation).toBe('landscape');
    expect(frame.pixelRatio).toBeCloseTo(A3_LONG_DOTS / 1385, 6);
    expect(frame.pixelWidth).toBe(Math.floor(A3_LONG_DOTS));
    expect(frame.limited).toBe(false);
  });

  it('turns the paper for a tall board, and the tighter direction decides', () => {
    // Portrait A3 is 297 × 420 mm: a board 1000 × 1500 is limited by its height.
    const frame = printFrame({ width: 1000, height: 1500 });
    expect(frame.orientation).toBe('portrait');
    expect(frame.pixelRatio).toBeCloseTo(A3_LONG_DOTS / 1500, 6);
    expect(frame.pixelHeight).toBe(Math.floor(A3_LONG_DOTS));
  });

  it('never goes below twice the board’s size, even when that is more than the paper needs', () => {
    const frame = printFrame({ width: 1385, height: 4000 });
    expect(frame.pixelRatio).toBe(2);
    expect(frame.pixelWidth).toBe(2770);
    expect(frame.pixelHeight).toBe(8000);
    expect(frame.limited).toBe(false);
  });

  it('keeps a very long board within what a browser canvas can hold, and says it did', () => {
    const frame = printFrame({ width: 1385, height: 40_000 });
    expect(frame.pixelHeight).toBeLessThanOrEqual(PRINT_OPTIONS.maxSide);
    expect(frame.pixelWidth * frame.pixelHeight).toBeLessThanOrEqual(PRINT_OPTIONS.maxPixels);
    expect(frame.pixelRatio).toBeLessThan(2);
    expect(frame.limited).toBe(true);
  });

  it('keeps the pixel count in bounds for a wide and long board', () => {
    const frame = printFrame(
      { width: 8000, height: 8000 },
      { ...PRINT_OPTIONS, maxPixels: 100_000_000, maxSide: 30_000 },
    );
    expect(frame.pixelWidth * frame.pixelHeight).toBeLessThanOrEqual(100_000_000);
    expect(frame.limited).toBe(true);
  });

  it('prints at a higher ratio for a higher dpi', () => {
    const low = printFrame(
      { width: 1385, height: 900 },
      { ...PRINT_OPTIONS, paper: A3, dpi: 150, minRatio: 1 },
    );
    const high = printFrame(
      { width: 1385, height: 900 },
      { ...PRINT_OPTIONS, paper: A3, dpi: 300, minRatio: 1 },
    );
    expect(high.pixelRatio).toBeCloseTo(2 * low.pixelRatio, 6);
  });
});
