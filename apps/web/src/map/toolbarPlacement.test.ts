import { describe, expect, it } from 'vitest';
import { rectsOverlap, TOOLBAR_MARGIN, toolbarPlacement } from './toolbarPlacement';

const VIEW = { width: 1400, height: 800 };
const BAR = { width: 320, height: 44 };

function box(p: { x: number; y: number }, size = BAR) {
  return { x: p.x, y: p.y, ...size };
}

function onScreen(p: { x: number; y: number }, view = VIEW, size = BAR): boolean {
  return (
    p.x >= TOOLBAR_MARGIN - 1e-9 &&
    p.y >= TOOLBAR_MARGIN - 1e-9 &&
    p.x + size.width <= view.width - TOOLBAR_MARGIN + 1e-9 &&
    p.y + size.height <= view.height - TOOLBAR_MARGIN + 1e-9
  );
}

describe('toolbarPlacement', () => {
  it('puts the toolbar above a card with room above it, left edges aligned', () => {
    const card = { x: 200, y: 300, width: 240, height: 120 };
    const p = toolbarPlacement(card, VIEW, BAR);
    expect(p.side).toBe('above');
    expect(p.x).toBe(200);
    expect(p.y + BAR.height).toBeLessThanOrEqual(card.y);
    expect(rectsOverlap(box(p), card)).toBe(false);
  });

  it('goes below a card at the top of the screen', () => {
    const card = { x: 200, y: 10, width: 240, height: 120 };
    const p = toolbarPlacement(card, VIEW, BAR);
    expect(p.side).toBe('below');
    expect(p.y).toBeGreaterThanOrEqual(card.y + card.height);
    expect(rectsOverlap(box(p), card)).toBe(false);
  });

  it('goes to the right of a card as tall as the screen, and left when the right is full', () => {
    const tall = { x: 100, y: 0, width: 240, height: 800 };
    const right = toolbarPlacement(tall, VIEW, BAR);
    expect(right.side).toBe('right');
    expect(rectsOverlap(box(right), tall)).toBe(false);
    const atRightEdge = { x: 1100, y: 0, width: 300, height: 800 };
    const left = toolbarPlacement(atRightEdge, VIEW, BAR);
    expect(left.side).toBe('left');
    expect(rectsOverlap(box(left), atRightEdge)).toBe(false);
  });

  it('keeps the toolbar on screen for a card partly off the left or right edge', () => {
    const offLeft = toolbarPlacement({ x: -150, y: 300, width: 240, height: 120 }, VIEW, BAR);
    expect(onScreen(offLeft)).toBe(true);
    const offRight = toolbarPlacement({ x: 1300, y: 300, width: 240, height: 120 }, VIEW, BAR);
    expect(onScreen(offRight)).toBe(true);
  });

  it('on a phone wider than the toolbar, keeps it on screen and off the card', () => {
    const phone = { width: 390, height: 600 };
    const bar = { width: 300, height: 48 };
    const card = { x: 12, y: 200, width: 366, height: 140 };
    const p = toolbarPlacement(card, phone, bar);
    expect(onScreen(p, phone, bar)).toBe(true);
    expect(rectsOverlap(box(p, bar), card)).toBe(false);
  });

  it('never leaves the screen and never covers the card when any side has room (sweep)', () => {
    for (let x = -300; x <= 1500; x += 50)
      for (let y = -300; y <= 900; y += 50)
        for (const [w, h] of [
          [240, 120],
          [500, 300],
          [80, 40],
        ] as const) {
          const card = { x, y, width: w, height: h };
          const p = toolbarPlacement(card, VIEW, BAR);
          expect(onScreen(p)).toBe(true);
          if (p.side !== 'inside') expect(rectsOverlap(box(p), card)).toBe(false);
        }
  });

  it('falls back to the top edge over a card that fills the screen', () => {
    const p = toolbarPlacement({ x: -10, y: -10, width: 1500, height: 900 }, VIEW, BAR);
    expect(p.side).toBe('inside');
    expect(onScreen(p)).toBe(true);
  });

  it('survives hostile numbers (NaN, infinities, negative sizes)', () => {
    const p = toolbarPlacement(
      { x: Number.NaN, y: Number.POSITIVE_INFINITY, width: -5, height: Number.NaN },
      { width: Number.NaN, height: -1 },
      { width: Number.POSITIVE_INFINITY, height: Number.NaN },
    );
    expect(Number.isFinite(p.x)).toBe(true);
    expect(Number.isFinite(p.y)).toBe(true);
  });
});
