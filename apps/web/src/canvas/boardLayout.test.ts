import {
  type BoardState,
  CATEGORIES,
  type CardState,
  type Mark,
  type PairId,
  type PairState,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import {
  BOARD_WIDTH,
  BOARD_WIDTHS,
  type BoardLayout,
  bestWidth,
  boardPages,
  chooseBoardWidth,
  layoutBoard,
  sharesBoardCoordinates,
} from './boardLayout';
import { type MeasureText, TEXT_STYLES } from './boardMetrics';
import { cardTextWidth } from './cardLayout';
import { containsRect, overlaps } from './geometry';
import { board, card, measure } from './layoutFixture';
import { sectionOf } from './layoutQueries';

function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = [
  'dad',
  'shouted',
  'school',
  'nan',
  'visits',
  'every',
  'Tuesday',
  'supercalifragilistic',
  'a',
  '',
];

function randomBoard(random: () => number): BoardState {
  const count = Math.floor(random() * 40);
  const cards: CardState[] = [];
  for (let i = 0; i < count; i++) {
    const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)] ?? 'harm';
    const words = Array.from({ length: Math.floor(random() * 60) }, () => WORDS[Math.floor(random() * 10)]);
    const text = words.join(random() < 0.2 ? '\n' : ' ') + (random() < 0.1 ? 'x'.repeat(300) : '');
    const marks: Record<string, Mark> = random() < 0.3 ? { p2: 'agree' } : {};
    cards.push(card(`c${i}`, category, Math.floor(random() * 5), text, marks));
  }
  return board(cards, randomPairs(random, cards));
}

/** Pairs some danger statements with some safety goals, as the model would (each card at most once). */
function randomPairs(random: () => number, cards: CardState[]): PairState[] {
  const dangers = cards.filter((c) => c.category === 'dangerStatement');
  const goals = cards.filter((c) => c.category === 'safetyGoal');
  const pairs: PairState[] = [];
  for (const [i, danger] of dangers.entries()) {
    const goal = goals[i];
    if (!goal || random() < 0.3) continue;
    const id = `p${i}` as PairId;
    pairs.push({
      id,
      dangerStatementId: danger.id,
      safetyGoalId: goal.id,
      createdAt: Math.floor(random() * 3),
    });
    const at = cards.indexOf(danger);
    cards[at] = { ...danger, pairId: id };
    cards[cards.indexOf(goal)] = { ...goal, pairId: id };
  }
  return pairs;
}

function allCardRects(layout: BoardLayout) {
  return Object.values(layout.cards).map((c) => c.rect);
}

describe('layoutBoard', () => {
  it('never lets two cards overlap, and lays each card out once: paired in its row, unpaired in its section, on random boards', () => {
    let rowsSeen = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const random = seededRandom(seed);
      const state = randomBoard(random);
      const viewport = { width: 320 + Math.floor(random() * 1600), height: 600 };
      const layout = layoutBoard(state, viewport, measure);
      const rects = allCardRects(layout);
      expect(rects.length).toBe(Object.keys(state.cards).length);
      for (const [i, a] of rects.entries()) {
        for (const b of rects.slice(i + 1)) expect(overlaps(a, b), `seed ${seed}`).toBe(false);
      }
      const pairs = Object.values(state.pairs);
      expect(layout.analysis.rows.map((row) => row.pairId)).toEqual(
        [...pairs].sort((p, q) => p.createdAt - q.createdAt || (p.id < q.id ? -1 : 1)).map((p) => p.id),
      );
      for (const c of Object.values(layout.cards)) {
        const section = sectionOf(layout, c.category);
        const inSection = section?.cardIds.includes(c.cardId) ?? false;
        const row = layout.analysis.rows.find((r) => r.pairId === c.rowPairId);
        // Each card is laid out exactly once: in its row when paired, in its section otherwise.
        expect(inSection, `seed ${seed} card ${c.cardId}`).toBe(c.rowPairId === null);
        expect(c.rowPairId, `seed ${seed}`).toBe(state.cards[c.cardId]?.pairId ?? null);
        if (row) {
          expect(containsRect(row.rect, c.rect), `seed ${seed} card ${c.cardId}`).toBe(true);
          expect(containsRect(layout.analysis.rect, row.rect)).toBe(true);
          expect(overlaps(row.scaleSlot, c.rect)).toBe(false);
          continue;
        }
        expect(section && containsRect(section.rect, c.rect), `seed ${seed} card ${c.cardId}`).toBe(true);
        expect(section && overlaps(section.addButton, c.rect)).toBe(false);
      }
      const areas = [...layout.sections.map((s) => s.rect), ...layout.analysis.rows.map((r) => r.rect)];
      for (const [i, a] of areas.entries()) {
        for (const b of areas.slice(i + 1)) expect(overlaps(a, b), `seed ${seed}`).toBe(false);
      }
      for (const column of layout.columns) expect(overlaps(column.rect, layout.analysis.rect)).toBe(false);
      for (const s of layout.sections) expect(s.rect.y + s.rect.height).toBeLessThanOrEqual(layout.height);
      const band = layout.analysis.rect;
      expect(band.y + band.height).toBeLessThanOrEqual(layout.height);
      rowsSeen += layout.analysis.rows.length;
    }
    expect(rowsSeen).toBeGreaterThan(30);
  });

  it('wraps every card line to fit inside the card', () => {
    for (let seed = 100; seed < 120; seed++) {
      const layout = layoutBoard(randomBoard(seededRandom(seed)), { width: 900, height: 600 }, measure);
      for (const c of Object.values(layout.cards)) {
        for (const line of c.lines) {
          expect(measure(line, TEXT_STYLES.cardText)).toBeLessThanOrEqual(cardTextWidth(c.rect.width));
        }
      }
    }
  });

  it('stacks cards by order, then id, and grows the section with longer text', () => {
    const short = board([
      card('b', 'harm', 2, 'second'),
      card('a', 'harm', 1, 'first'),
      card('c', 'harm', 2, 'third'),
    ]);
    const layout = layoutBoard(short, { width: 1200, height: 600 }, measure);
    expect(sectionOf(layout, 'harm')?.cardIds).toEqual(['a', 'b', 'c']);
    const ys = ['a', 'b', 'c'].map((id) => layout.cards[id]?.rect.y ?? Number.NaN);
    expect(ys).toEqual([...ys].sort((p, q) => p - q));

    const long = board([card('a', 'harm', 1, 'word '.repeat(200)), card('b', 'harm', 2, 'second')]);
    const grown = layoutBoard(long, { width: 1200, height: 600 }, measure);
    const before = sectionOf(layout, 'harm')?.rect.height ?? 0;
    expect(sectionOf(grown, 'harm')?.rect.height).toBeGreaterThan(before);
    expect(grown.cards.a?.lines.length).toBeGreaterThan(5);
  });

  it('puts the three columns side by side on a wide screen and stacks them on a phone', () => {
    const wide = layoutBoard(board([]), { width: 1400, height: 800 }, measure);
    expect(wide.stacked).toBe(false);
    expect(new Set(wide.columns.map((c) => c.rect.y)).size).toBe(1);
    const phone = layoutBoard(board([]), { width: 390, height: 800 }, measure);
    expect(phone.stacked).toBe(true);
    // One page per column and one for the row, each as wide as the phone, side by side.
    const pages = boardPages(phone) ?? [];
    expect(pages.map((p) => p.x)).toEqual([0, 390, 780, 1170]);
    expect(phone.width).toBe(4 * 390);
    phone.columns.forEach((c, i) => {
      const page = pages[i];
      expect(page && containsRect(page, c.rect)).toBe(true);
      expect(c.rect.width).toBe(390 - 32);
    });
    const rowPage = pages[3];
    expect(rowPage && containsRect(rowPage, phone.analysis.rect)).toBe(true);
    expect(boardPages(wide)).toBeNull();
  });

  it('lays out the same board identically on windows 1100, 1400 and 1920 wide (the camera scales it instead)', () => {
    for (let seed = 200; seed < 210; seed++) {
      const state = randomBoard(seededRandom(seed));
      const [narrow, laptop, wide] = [
        { width: 1100, height: 700 },
        { width: 1400, height: 900 },
        { width: 1920, height: 1080 },
      ].map((viewport) => layoutBoard(state, viewport, measure));
      expect(laptop?.width).toBe(BOARD_WIDTH);
      expect(narrow, `seed ${seed}`).toEqual(laptop);
      expect(wide, `seed ${seed}`).toEqual(laptop);
      expect(laptop && sharesBoardCoordinates(laptop)).toBe(true);
    }
  });

  it('lays a phone’s stacked column out to the phone, whose coordinates are its own', () => {
    const phone = layoutBoard(board([card('a', 'harm', 1, 'first')]), { width: 390, height: 800 }, measure);
    expect(phone.stacked).toBe(true);
    expect(sharesBoardCoordinates(phone)).toBe(false);
    expect(phone.cards.a?.rect.width).toBeLessThan(390);
  });

  it('lays out a card whose id is __proto__ like any other (ids come from other browsers)', () => {
    const layout = layoutBoard(
      board([card('__proto__', 'harm', 1, 'odd id')]),
      { width: 1200, height: 600 },
      measure,
    );
    expect(Object.keys(layout.cards)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(layout.cards, '__proto__')?.value.lines).toEqual(['odd id']);
  });

  it('gives every one of the seven sections room even on an empty board', () => {
    const layout = layoutBoard(board([]), { width: 1200, height: 300 }, measure);
    expect(layout.sections.map((s) => s.category)).toEqual([...CATEGORIES]);
    for (const s of layout.sections) expect(s.rect.height).toBeGreaterThan(s.addButton.height);
    expect(layout.height).toBeGreaterThanOrEqual(300);
  });
});

describe('choosing the board’s width for the screen', () => {
  it('picks the width whose aspect is closest to the view’s, with few trial layouts', () => {
    const widths = [1000, 1200, 1400, 1600, 1800];
    const tried: number[] = [];
    // A board of 2,000,000 square units: its aspect is width² / area.
    const aspect = (w: number) => {
      tried.push(w);
      return (w * w) / 2_000_000;
    };
    expect(bestWidth(widths, 1.6, aspect)).toBe(1800);
    expect(bestWidth(widths, 0.5, aspect)).toBe(1000);
    expect(bestWidth(widths, 1400 ** 2 / 2_000_000, aspect)).toBe(1400);
    // 1.1 lies between 1400 (0.98) and 1600 (1.28); 1400 is closer by ratio.
    expect(bestWidth(widths, 1.1, aspect)).toBe(1400);
    expect(new Set(tried).size).toBeLessThanOrEqual(widths.length);
  });

  it('lays a board out wider for a wide screen than for a tall one, and Fit then fills the screen', () => {
    for (let seed = 300; seed < 306; seed++) {
      const state = randomBoard(seededRandom(seed));
      const wall = { width: 1920, height: 1000 };
      const tall = { width: 1000, height: 1400 };
      const wallWidth = chooseBoardWidth(state, wall, measure);
      const tallWidth = chooseBoardWidth(state, tall, measure);
      expect(BOARD_WIDTHS).toContain(wallWidth);
      expect(wallWidth).toBeGreaterThanOrEqual(tallWidth);
      // Fitted (letterboxed) into the wall, the chosen width shows the board (nearly) as large as
      // any width could: the screen is used, not left half empty.
      const fitScale = (w: number) => {
        const laid = layoutBoard(state, wall, measure, w);
        return Math.min(wall.width / laid.width, wall.height / laid.height);
      };
      const best = Math.max(...BOARD_WIDTHS.map(fitScale));
      expect(fitScale(wallWidth), `seed ${seed}`).toBeGreaterThanOrEqual(0.9 * best);
      expect(layoutBoard(state, wall, measure, wallWidth).width).toBe(wallWidth);
    }
  });

  it('keeps a phone’s layout and ignores a nonsense width', () => {
    const state = board([card('a', 'harm', 1, 'first')]);
    expect(chooseBoardWidth(state, { width: 390, height: 700 }, measure)).toBe(BOARD_WIDTH);
    expect(layoutBoard(state, { width: 1400, height: 900 }, measure, Number.NaN).width).toBe(BOARD_WIDTH);
    expect(layoutBoard(state, { width: 1400, height: 900 }, measure, 10).width).toBeGreaterThan(800);
  });
});

describe('laying out again after an edit', () => {
  it('measures only the edited card’s text again and gives the same layout as a fresh one', () => {
    const measured: string[] = [];
    const counting: MeasureText = (text, font) => {
      measured.push(text);
      return measure(text, font);
    };
    const texts = ['Nan takes Mia to school every day', 'Dad drinks at weekends', 'Mum works nights'];
    const cards = texts.map((text, i) => card(`c${i}`, 'harm', i, text));
    const viewport = { width: 1400, height: 900 };
    layoutBoard(board(cards), viewport, counting);

    measured.length = 0;
    const edited = cards.map((c) =>
      c.id === 'c1' ? { ...c, text: 'Dad drinks at weekends and shouts' } : c,
    );
    const again = layoutBoard(board(edited), viewport, counting);
    const untouched = ['Nan takes Mia to school every day', 'Mum works nights'];
    expect(measured.filter((m) => untouched.some((text) => text.startsWith(m)))).toEqual([]);
    expect(measured).toContain('Dad drinks at weekends and shouts');
    expect(again).toEqual(layoutBoard(board(edited), viewport, measure));
  });
});
