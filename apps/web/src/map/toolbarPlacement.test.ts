import { describe, expect, it } from 'vitest';
import { rectsOverlap, TOOLBAR_MARGIN, TOOLBAR_MIN_SHARED, toolbarPlacement } from './toolbarPlacement';

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

describe('toolbarPlacement among other cards', () => {
  // A dense column: cards 8 px apart, as a section lays them out.
  const column = (x: number, top: number, count: number, width = 360, height = 90, gap = 8) =>
    Array.from({ length: count }, (_, i) => ({ x, y: top + i * (height + gap), width, height }));
  const covered = (
    p: { x: number; y: number },
    others: readonly { x: number; y: number; width: number; height: number }[],
  ) => others.filter((o) => rectsOverlap(box(p), o)).length;

  it('does not sit over the card above or below; goes beside the card when that side is free', () => {
    const cards = column(100, 40, 8);
    const chosen = cards[3];
    if (!chosen) throw new Error('no card');
    const others = cards.filter((c) => c !== chosen);
    const p = toolbarPlacement(chosen, VIEW, BAR, others);
    expect(covered(p, others)).toBe(0);
    expect(rectsOverlap(box(p), chosen)).toBe(false);
    expect(p.side).toBe('right');
  });

  it('slides along a side to the free part when the aligned spot covers a neighbour', () => {
    // A neighbour column to the right covers the aligned spot beside the card, and the card above
    // covers the spot above; the right side is free lower down (the neighbour column ends).
    const chosen = { x: 100, y: 300, width: 360, height: 200 };
    const above = { x: 100, y: 200, width: 360, height: 92 };
    const right = { x: 476, y: 250, width: 360, height: 100 };
    const below = { x: 100, y: 508, width: 360, height: 300 };
    const others = [above, right, below];
    const p = toolbarPlacement(chosen, VIEW, BAR, others);
    expect(covered(p, others)).toBe(0);
    expect(rectsOverlap(box(p), chosen)).toBe(false);
    expect(p.side).toBe('right');
    expect(p.y).toBeGreaterThanOrEqual(right.y + right.height);
    expect(p.y).toBeLessThan(chosen.y + chosen.height);
  });

  it('keeps the first choice (above, left edges aligned) when it covers nothing', () => {
    const chosen = { x: 200, y: 300, width: 240, height: 120 };
    const others = [{ x: 700, y: 300, width: 240, height: 120 }];
    const p = toolbarPlacement(chosen, VIEW, BAR, others);
    expect(p).toMatchObject({ side: 'above', x: 200 });
  });

  it('when every spot covers something, takes the least covered one and never the chosen card', () => {
    // Cards all around, edge to edge with small gaps: nothing is free.
    const grid: { x: number; y: number; width: number; height: number }[] = [];
    for (let cx = 0; cx < 4; cx++) grid.push(...column(4 + cx * 350, 4, 9, 340, 80, 8));
    const chosen = grid[13];
    if (!chosen) throw new Error('no card');
    const others = grid.filter((c) => c !== chosen);
    const p = toolbarPlacement(chosen, VIEW, BAR, others);
    expect(rectsOverlap(box(p), chosen)).toBe(false);
    expect(onScreen(p)).toBe(true);
    const area = (q: { x: number; y: number }) =>
      others.reduce((sum, o) => {
        const w = Math.min(q.x + BAR.width, o.x + o.width) - Math.max(q.x, o.x);
        const h = Math.min(q.y + BAR.height, o.y + o.height) - Math.max(q.y, o.y);
        return sum + (w > 0 && h > 0 ? w * h : 0);
      }, 0);
    // No worse than the plain spots beside the card.
    const plain = toolbarPlacement(chosen, VIEW, BAR);
    expect(area(p)).toBeLessThanOrEqual(area(plain));
    expect(area(p)).toBeLessThan(BAR.width * BAR.height);
  });

  it('finds a free spot whenever one exists beside the card (random dense boards)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    let free = 0;
    for (let run = 0; run < 200; run++) {
      const cards: { x: number; y: number; width: number; height: number }[] = [];
      for (let c = 0; c < 3; c++) {
        let y = 20 + random() * 200;
        while (y < 800) {
          const height = 40 + random() * 160;
          cards.push({ x: 20 + c * 460, y, width: 440, height });
          y += height + 8 + (random() < 0.2 ? 60 : 0);
        }
      }
      const chosen = cards[Math.floor(random() * cards.length)];
      if (!chosen) continue;
      const others = cards.filter((c) => c !== chosen);
      const p = toolbarPlacement(chosen, VIEW, BAR, others);
      expect(rectsOverlap(box(p), chosen)).toBe(false);
      if (!freeSpotBeside(chosen, others)) continue;
      free++;
      expect(covered(p, others)).toBe(0);
    }
    // The boards are dense: many chosen cards have a free spot only away from the aligned ones.
    expect(free).toBeGreaterThan(50);
  });

  it('keeps off a section’s Add button too when it can, but never trades a card for a button', () => {
    const chosen = { x: 100, y: 300, width: 360, height: 200 };
    // Cards above, to the left and to the right: only the spots below are free of cards.
    const cards = [
      { x: 100, y: 200, width: 360, height: 92 },
      { x: 0, y: 0, width: 96, height: 800 },
      { x: 600, y: 0, width: 300, height: 800 },
    ];
    const add = { x: 100, y: 510, width: 84, height: 32 };
    const clear = toolbarPlacement(chosen, VIEW, BAR, cards, [add]);
    expect(clear.side).toBe('below');
    expect(covered(clear, cards)).toBe(0);
    expect(rectsOverlap(box(clear), add)).toBe(false);
    // A control under every card-free spot: the toolbar covers the control, never a card.
    const wide = { x: 100, y: 510, width: 400, height: 32 };
    const p = toolbarPlacement(chosen, VIEW, BAR, cards, [wide]);
    expect(covered(p, cards)).toBe(0);
    expect(rectsOverlap(box(p), chosen)).toBe(false);
  });

  it('ignores hostile rectangles among the others (NaN, infinities)', () => {
    const chosen = { x: 200, y: 300, width: 240, height: 120 };
    const p = toolbarPlacement(chosen, VIEW, BAR, [
      { x: Number.NaN, y: 0, width: 10, height: 10 },
      { x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 5 },
    ]);
    expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(rectsOverlap(box(p), chosen)).toBe(false);
  });
});

/**
 * The oracle: a 1 px scan of every spot beside the card (at the gap from one side, sharing at least
 * TOOLBAR_MIN_SHARED px of that side, on screen) for one that covers no other card.
 */
function freeSpotBeside(
  card: { x: number; y: number; width: number; height: number },
  others: readonly { x: number; y: number; width: number; height: number }[],
): boolean {
  const g = 8;
  const spots: { x: number; y: number }[] = [];
  const share = TOOLBAR_MIN_SHARED;
  for (let x = card.x - BAR.width + share; x <= card.x + card.width - share; x++) {
    spots.push({ x, y: card.y - g - BAR.height }, { x, y: card.y + card.height + g });
  }
  for (let y = card.y - BAR.height + share; y <= card.y + card.height - share; y++) {
    spots.push({ x: card.x + card.width + g, y }, { x: card.x - g - BAR.width, y });
  }
  return spots.some(
    (p) => onScreen(p) && !rectsOverlap(box(p), card) && others.every((o) => !rectsOverlap(box(p), o)),
  );
}
