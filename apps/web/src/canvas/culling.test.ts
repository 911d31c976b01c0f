import { describe, expect, it } from 'vitest';
import { CULL_FROM_CARDS, cullingArea, drawWindow, overlaps, sameRect } from './culling';

const camera = { x: 0, y: 3000, scale: 1 };
const view = { width: 1000, height: 800 };

describe('drawWindow', () => {
  it('covers the visible area and a viewport of margin on every side', () => {
    const area = drawWindow(camera, view);
    expect(area.x).toBeLessThanOrEqual(-1000);
    expect(area.y).toBeLessThanOrEqual(2200);
    expect(area.x + area.width).toBeGreaterThanOrEqual(2000);
    expect(area.y + area.height).toBeGreaterThanOrEqual(4600);
  });

  it('works in board units when the map is zoomed', () => {
    const area = drawWindow({ x: 0, y: 3000, scale: 2 }, view);
    expect(area.y).toBeLessThanOrEqual(3000 - 400);
    expect(area.y + area.height).toBeGreaterThanOrEqual(3000 + 800);
  });

  it('stays the same for a small scroll, so the canvas is not re-rendered', () => {
    expect(sameRect(drawWindow(camera, view), drawWindow({ ...camera, y: 3005 }, view))).toBe(true);
  });
});

describe('overlaps', () => {
  const area = { x: 0, y: 0, width: 100, height: 100 };
  it('keeps a card that is partly inside and drops one wholly outside', () => {
    expect(overlaps({ x: 90, y: 90, width: 50, height: 50 }, area)).toBe(true);
    expect(overlaps({ x: 0, y: 100, width: 50, height: 50 }, area)).toBe(false);
    // Wholly left, right, above, or touching only at an edge: not drawn.
    expect(overlaps({ x: -60, y: 10, width: 50, height: 50 }, area)).toBe(false);
    expect(overlaps({ x: 100, y: 10, width: 50, height: 50 }, area)).toBe(false);
    expect(overlaps({ x: 10, y: -50, width: 50, height: 50 }, area)).toBe(false);
    expect(overlaps({ x: -50, y: 10, width: 50, height: 50 }, area)).toBe(false);
  });

  it('keeps everything when there is no window yet', () => {
    expect(overlaps({ x: 5000, y: 5000, width: 1, height: 1 }, null)).toBe(true);
  });
});

describe('cullingArea', () => {
  const area = { x: 0, y: 0, width: 100, height: 100 };
  it('draws a small board whole and culls a large one', () => {
    expect(cullingArea(area, CULL_FROM_CARDS - 1)).toBeNull();
    expect(cullingArea(area, CULL_FROM_CARDS)).toBe(area);
  });
});
