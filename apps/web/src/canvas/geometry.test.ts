import { describe, expect, it } from 'vitest';
import { containsPoint, containsRect, overlaps, scrollToReveal } from './geometry';

const r = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

describe('geometry', () => {
  it('treats touching rectangles as not overlapping', () => {
    expect(overlaps(r(0, 0, 10, 10), r(10, 0, 10, 10))).toBe(false);
    expect(overlaps(r(0, 0, 10, 10), r(9, 9, 10, 10))).toBe(true);
  });

  it('tells whether a point or a rectangle lies inside', () => {
    expect(containsPoint(r(0, 0, 10, 10), { x: 10, y: 10 })).toBe(true);
    expect(containsPoint(r(0, 0, 10, 10), { x: 11, y: 5 })).toBe(false);
    expect(containsRect(r(0, 0, 10, 10), r(2, 2, 8, 8))).toBe(true);
    expect(containsRect(r(0, 0, 10, 10), r(2, 2, 9, 8))).toBe(false);
  });

  it('scrolls just enough to show a card above or below the view, and not at all when it is visible', () => {
    expect(scrollToReveal(r(0, 500, 10, 50), 0, 400)).toBe(158);
    expect(scrollToReveal(r(0, 100, 10, 50), 300, 400)).toBe(92);
    expect(scrollToReveal(r(0, 350, 10, 50), 300, 400)).toBe(300);
    // A card taller than the view shows its top.
    expect(scrollToReveal(r(0, 500, 10, 900), 0, 400)).toBe(492);
  });
});
