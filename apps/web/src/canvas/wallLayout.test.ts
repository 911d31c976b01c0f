import { type BoardState, CATEGORIES } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import {
  type BoardLayout,
  chooseBoardWidth,
  chooseLayout,
  fittedTextPx,
  LARGE_TEXT_MIN_WIDTH,
  type LayoutChoice,
  layoutBoard,
  splitIntoLanes,
  standardChoice,
  type Viewport,
} from './boardLayout';
import { CARD_TEXT_STYLES, TEXT_STYLES } from './boardMetrics';
import { fitRect } from './camera';
import { containsRect, overlaps } from './geometry';
import { board, card, measure, WALL_CARD_TEXTS } from './layoutFixture';
import { sectionOf } from './layoutQueries';

/**
 * The wall's large-text layout (issue 13): a 30-card board fitted on a 1920×1080 wall shows its
 * card text at ≥ 24 CSS px, the whole board, using ≥ 85 % of the wall's width or height; every
 * other screen keeps a layout at least as readable as before.
 */

/** The wall's board area: 1920×1080 less the top bars (the chooser allows 120 px for them). */
const WALL: Viewport = { width: 1920, height: 1080 - 120 };
const LAPTOP: Viewport = { width: 1400, height: 900 - 120 };

function wallBoard(): BoardState {
  return board(
    WALL_CARD_TEXTS.map((text, i) => card(`c${i}`, CATEGORIES[i % CATEGORIES.length] ?? 'harm', i, text)),
  );
}

/** The long cards of the browser tests' boards (tests/e2e/boardFile.ts): 3 to 30 words each. */
function longCardBoard(count: number): BoardState {
  const words = 'mum dad nan school worried safe drinks shouting visits plan calls keeps friend night'.split(
    ' ',
  );
  const text = (i: number) =>
    Array.from({ length: 3 + ((i * 7) % 28) }, (_, w) => words[(i + w * 3) % words.length]).join(' ');
  return board(
    Array.from({ length: count }, (_, i) =>
      card(`c${i}`, CATEGORIES[i % CATEGORIES.length] ?? 'harm', i, text(i)),
    ),
  );
}

/** How much of the view the fitted board takes across and down. */
function use(layout: BoardLayout, view: Viewport): { across: number; down: number } {
  const { scale } = fitRect({ x: 0, y: 0, width: layout.width, height: layout.height }, view);
  return { across: (layout.width * scale) / view.width, down: (layout.height * scale) / view.height };
}

function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomBoard(random: () => number, cards: number): BoardState {
  const words = 'dad mum nan school visits every night worried safe drinks plan friend calls'.split(' ');
  return board(
    Array.from({ length: cards }, (_, i) => {
      const length = 1 + Math.floor(random() * 24);
      const text = Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
      return card(`c${i}`, CATEGORIES[Math.floor(random() * CATEGORIES.length)] ?? 'harm', i, text);
    }),
  );
}

describe('the wall’s large-text layout', () => {
  it('fits a 30-card board on a 1920×1080 wall with card text ≥ 24 px, whole, using ≥ 85 % of it', () => {
    const state = wallBoard();
    const choice = chooseLayout(state, WALL, measure);
    const layout = layoutBoard(state, WALL, measure, choice);
    const px = fittedTextPx(layout, WALL);
    expect(px).toBeGreaterThanOrEqual(24);
    // Today's layout (standard text, one card a row) gave about 11 px.
    const before = layoutBoard(state, WALL, measure, chooseBoardWidth(state, WALL, measure));
    expect(fittedTextPx(before, WALL)).toBeLessThan(16);
    // Whole: fitted, the board lies inside the view; and it uses the wall.
    const fitted = use(layout, WALL);
    expect(fitted.across).toBeLessThanOrEqual(1);
    expect(fitted.down).toBeLessThanOrEqual(1);
    expect(Math.max(fitted.across, fitted.down)).toBeGreaterThanOrEqual(0.85);
    expect(Math.min(fitted.across, fitted.down)).toBeGreaterThanOrEqual(0.7);
    // Every card is laid out, once.
    expect(Object.keys(layout.cards).sort()).toEqual(Object.keys(state.cards).sort());
  });

  it('shows the browser tests’ long cards (3 to 30 words) at least 1.5× as large as before', () => {
    const state = longCardBoard(30);
    const before = fittedTextPx(
      layoutBoard(state, WALL, measure, chooseBoardWidth(state, WALL, measure)),
      WALL,
    );
    const after = fittedTextPx(layoutBoard(state, WALL, measure, chooseLayout(state, WALL, measure)), WALL);
    expect(after).toBeGreaterThanOrEqual(1.5 * before);
  });

  it('keeps a laptop’s layout (Fit still uses the screen) and a phone’s one-column pages', () => {
    for (const state of [wallBoard(), longCardBoard(30)]) {
      const laptop = chooseLayout(state, LAPTOP, measure);
      expect(laptop).toEqual(standardChoice(chooseBoardWidth(state, LAPTOP, measure)));
      const fitted = use(layoutBoard(state, LAPTOP, measure, laptop), LAPTOP);
      expect(Math.max(fitted.across, fitted.down)).toBeGreaterThanOrEqual(0.85);
      const phoneView = { width: 390, height: 844 - 120 };
      const phone = chooseLayout(state, phoneView, measure);
      expect(phone).toEqual(standardChoice());
      expect(layoutBoard(state, phoneView, measure, phone)).toEqual(layoutBoard(state, phoneView, measure));
    }
  });

  it('never shows card text smaller at Fit than today’s layout, on any screen shape', () => {
    const screens: Viewport[] = [
      { width: 1920, height: 960 },
      { width: 2560, height: 1320 },
      { width: 3840, height: 2040 },
      { width: 1600, height: 1080 },
      { width: 1700, height: 2000 },
      { width: 1400, height: 780 },
      { width: 1024, height: 640 },
    ];
    for (let seed = 1; seed <= 8; seed++) {
      const state = randomBoard(seededRandom(seed), 5 + seed * 7);
      for (const view of screens) {
        const today = layoutBoard(state, view, measure, chooseBoardWidth(state, view, measure));
        const chosen = layoutBoard(state, view, measure, chooseLayout(state, view, measure));
        expect(
          fittedTextPx(chosen, view),
          `seed ${seed} ${view.width}×${view.height}`,
        ).toBeGreaterThanOrEqual(fittedTextPx(today, view) - 1e-9);
        if (view.width < LARGE_TEXT_MIN_WIDTH) expect(chosen.cardText).toBe(TEXT_STYLES.cardText);
        const fitted = use(chosen, view);
        expect(Math.max(fitted.across, fitted.down)).toBeGreaterThanOrEqual(0.85);
      }
    }
  });

  it('flows a section’s cards down one lane, then the next, in board order, inside the section and apart', () => {
    const state = longCardBoard(40);
    for (const style of CARD_TEXT_STYLES) {
      const choice: LayoutChoice = {
        width: Math.round(3200 * (style.size / 16)),
        cardText: style,
        flow: true,
      };
      const layout = layoutBoard(state, WALL, measure, choice);
      let lanesSeen = 0;
      for (const section of layout.sections) {
        const placed = section.cardIds.map((id) => layout.cards[id]).filter((c) => c !== undefined);
        // No lane stays empty: the lanes used span the section's inside.
        const lefts = [...new Set(placed.map((c) => c.rect.x))];
        const cardWidth = placed[0]?.rect.width ?? 0;
        if (placed.length > 0)
          expect(lefts.length * cardWidth + (lefts.length - 1) * 8, section.category).toBeCloseTo(
            section.rect.width - 24,
            6,
          );
        expect(placed.map((c) => c.index)).toEqual([...placed.map((c) => c.index)].sort((a, b) => a - b));
        for (const [i, c] of placed.entries()) {
          expect(containsRect(section.rect, c.rect)).toBe(true);
          expect(overlaps(section.addButton, c.rect)).toBe(false);
          expect(c.textStyle).toBe(style);
          const next = placed[i + 1];
          if (!next) continue;
          // Reading order: below in the same lane, or at the top of a lane to the right.
          if (next.rect.x === c.rect.x) expect(next.rect.y).toBeGreaterThan(c.rect.y + c.rect.height);
          else {
            expect(next.rect.x).toBeGreaterThan(c.rect.x + c.rect.width);
            expect(next.rect.y).toBe(placed[0]?.rect.y);
            lanesSeen += 1;
          }
        }
      }
      expect(lanesSeen, `${style.size}`).toBeGreaterThan(0);
      const rects = Object.values(layout.cards).map((c) => c.rect);
      for (const [i, a] of rects.entries())
        for (const b of rects.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
  });

  it('gives a column with more to show more width, so the columns end at about the same height', () => {
    const state = longCardBoard(30);
    const style = CARD_TEXT_STYLES[3] ?? TEXT_STYLES.cardText;
    const layout = layoutBoard(state, WALL, measure, { width: 4000, cardText: style, flow: true });
    const [worries, workingWell, needs] = layout.columns;
    // "What are we worried about?" holds three sections (14 cards), the others two (8 each).
    expect(worries?.rect.width).toBeGreaterThan(workingWell?.rect.width ?? 0);
    expect(worries?.rect.width).toBeGreaterThan(needs?.rect.width ?? 0);
    const total = layout.columns.reduce((sum, c) => sum + c.rect.width, 0);
    expect(total).toBeCloseTo(4000 - 2 * 16 - 2 * 16, 6);
    expect(sectionOf(layout, 'harm')?.rect.width).toBeCloseTo((worries?.rect.width ?? 0) - 20, 6);
  });
});

describe('splitting a section’s cards into lanes', () => {
  it('keeps the order, uses at most the lanes given, and makes the tallest lane as short as it can be', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 200; round++) {
      const heights = Array.from(
        { length: Math.floor(random() * 12) },
        () => 20 + Math.floor(random() * 200),
      );
      const lanes = 1 + Math.floor(random() * 4);
      const runs = splitIntoLanes(heights, lanes);
      expect(runs.length).toBeLessThanOrEqual(Math.max(1, lanes));
      expect(runs.flatMap(([from, to]) => Array.from({ length: to - from }, (_, k) => from + k))).toEqual(
        heights.map((_, i) => i),
      );
      const tallest = Math.max(
        0,
        ...runs.map(([from, to]) => heights.slice(from, to).reduce((a, b) => a + b, 0)),
      );
      // No split into `lanes` runs has a shorter tallest lane (checked by trying every split of few cards).
      if (heights.length <= 7) expect(tallest).toBeLessThanOrEqual(bestSplit(heights, lanes) + 0.5);
    }
  });
});

/** The shortest tallest lane over every split of `heights` into at most `lanes` runs (brute force). */
function bestSplit(heights: readonly number[], lanes: number): number {
  if (heights.length === 0) return 0;
  const sum = (from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0);
  if (lanes <= 1) return sum(0, heights.length);
  let best = sum(0, heights.length);
  for (let cut = 1; cut < heights.length; cut++)
    best = Math.min(best, Math.max(sum(0, cut), bestSplit(heights.slice(cut), lanes - 1)));
  return best;
}
