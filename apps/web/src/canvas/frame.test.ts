import { type BoardState, CATEGORIES, type CardState, type Category, type PairState } from '@kinmap/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BoardLayout, boardPages, layoutBoard } from './boardLayout';
import type { Size } from './camera';
import {
  cardsWhollyIn,
  firstAnchor,
  fitCamera,
  followView,
  frameAnchors,
  frameColumn,
  frameTarget,
  letterbox,
  MAX_FRAME_CARDS,
  onScreen,
} from './frame';
import type { Rect } from './geometry';
import { board, card, measure } from './layoutFixture';

const LAPTOP = { width: 1400, height: 900 };
const WALL = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

function sample(count: number): BoardState {
  const cards: CardState[] = [];
  for (let i = 0; i < count; i++) {
    const category = CATEGORIES[i % CATEGORIES.length] as Category;
    cards.push(card(`c${i}`, category, i, `Card ${i} ${'words '.repeat(i % 7)}`));
  }
  return board(cards);
}

const EPS = 1e-6;

/** The board as the wall shows it (map/projector.ts): no professionals-only card. */
function withoutProfessionalsOnly(state: BoardState): BoardState {
  const cards = Object.values(state.cards).filter((c) => !c.professionalsOnly);
  return board(cards, Object.values(state.pairs));
}
const insideView = (r: Rect, view: Size) =>
  r.x >= -EPS && r.y >= -EPS && r.x + r.width <= view.width + EPS && r.y + r.height <= view.height + EPS;

describe('frameAnchors', () => {
  const layout = layoutBoard(sample(21), LAPTOP, measure);

  it('names the first column, its sections and no loose card when the frame is that column', () => {
    const column = layout.columns[0];
    if (!column) throw new Error('no column');
    const frame = frameAnchors(layout, {
      ...column.rect,
      x: column.rect.x - 1,
      y: column.rect.y - 1,
      width: column.rect.width + 2,
      height: column.rect.height + 2,
    });
    expect(frame.columns).toEqual([column.column]);
    expect(frame.sections).toEqual([]);
    expect(frame.cards).toEqual([]);
    expect(frameColumn(layout, frame)).toBe(column.column);
  });

  it('lists the cards wholly inside, not those cut by the edge', () => {
    const section = layout.sections[0];
    const [a, b] = section?.cardIds ?? [];
    const ra = a ? layout.cards[a]?.rect : undefined;
    const rb = b ? layout.cards[b]?.rect : undefined;
    if (!ra || !rb) throw new Error('no cards');
    // The whole of the first card and half of the second.
    const rect = { x: ra.x, y: ra.y, width: ra.width, height: rb.y + rb.height / 2 - ra.y };
    const frame = frameAnchors(layout, rect);
    expect(frame.cards).toEqual([a]);
    expect(frame.sections).toEqual([]);
  });

  it('never names a card the filter refuses (professionals only), and caps the list', () => {
    const big = layoutBoard(sample(MAX_FRAME_CARDS + 40), LAPTOP, measure);
    const everything = { x: 0, y: 0, width: big.width, height: big.height };
    // Cards are listed only when not covered by a section: frame each card alone, one column wide.
    const firstColumn = big.columns[0]?.rect ?? everything;
    const rect = { ...firstColumn, x: firstColumn.x + 20, width: firstColumn.width - 40 };
    const framed = frameAnchors(big, rect);
    expect(framed.cards.length).toBeLessThanOrEqual(MAX_FRAME_CARDS);
    const hidden = frameAnchors(layout, everything, (id) => id !== 'c0');
    expect(hidden.cards).not.toContain('c0');
    expect(hidden.within?.id).not.toBe('c0');
  });

  it('falls back to where the frame sits inside one card when nothing is whole', () => {
    const id = 'c6';
    const r = layout.cards[id]?.rect;
    if (!r) throw new Error('no card');
    const rect = { x: r.x + 10, y: r.y + 5, width: r.width / 3, height: r.height / 3 };
    const frame = frameAnchors(layout, rect);
    expect(frame.cards).toEqual([]);
    expect(frame.within?.kind).toBe('card');
    expect(frame.within?.id).toBe(id);
    // The same place of the same card on the phone.
    const phone = layoutBoard(sample(21), PHONE, measure);
    const there = frameTarget(phone, frame);
    const pr = phone.cards[id]?.rect;
    if (!pr) throw new Error('no card on the phone');
    expect(there.x).toBeCloseTo(pr.x + (10 / r.width) * pr.width, 6);
    expect(there.width).toBeCloseTo(pr.width / 3, 6);
  });
});

describe('followView (a follower that is not the wall)', () => {
  const state = sample(60);
  const laptop = layoutBoard(state, LAPTOP, measure);
  const column = laptop.columns[0]?.rect;
  if (!column) throw new Error('no column');
  const frame = frameAnchors(laptop, {
    x: 0,
    y: 0,
    width: column.x + column.width + 5,
    height: laptop.height,
  });

  it('on a phone, a whole column would be unreadable: it shows its first card at reading size instead', () => {
    const phone = layoutBoard(state, PHONE, measure);
    // The phone shows one page (a column) at a time: reading size puts a page across the screen.
    const reading = PHONE.width / (boardPages(phone)?.[0]?.width ?? phone.width);
    const view = followView(phone, frame, PHONE, reading);
    expect(view.scale).toBe(reading);
    const first = firstAnchor(phone, frame);
    if (!first) throw new Error('no anchor');
    // The column's first card starts at the top of the phone's view.
    expect(first).toEqual(phone.cards.c0?.rect);
    expect(onScreen(first, view).y).toBeGreaterThanOrEqual(0);
    expect(onScreen(first, view).y).toBeLessThan(20);
  });

  it('on a screen where it stays readable, it letterboxes like the wall', () => {
    const wall = layoutBoard(state, WALL, measure);
    const section = laptop.sections[0]?.rect;
    if (!section) throw new Error('no section');
    const one = frameAnchors(laptop, { ...section, x: section.x - 2, y: section.y - 2, height: 300 });
    const view = followView(wall, one, WALL, WALL.width / wall.width);
    expect(view).toEqual(letterbox(frameTarget(wall, one), WALL));
  });
});

describe('letterbox', () => {
  it('fits a tall column into a wide wall with bands at the sides, never cropping', () => {
    const target = { x: 20, y: 30, width: 440, height: 1800 };
    const fit = letterbox(target, WALL, 16);
    const shown = onScreen(target, fit);
    expect(insideView(shown, WALL)).toBe(true);
    expect(shown.height).toBeCloseTo(WALL.height - 32, 6);
    expect(shown.x + shown.width / 2).toBeCloseTo(WALL.width / 2, 6);
  });

  it('gives the camera the letterboxed view itself (centred, even left of or above the board)', () => {
    const target = { x: 0, y: 0, width: 400, height: 300 };
    const fit = letterbox(target, WALL, 0);
    const camera = fitCamera(fit);
    expect(camera).toEqual({ scale: fit.scale, x: fit.x, y: fit.y });
    const left = (target.x - camera.x) * camera.scale;
    expect(left).toBeGreaterThanOrEqual(0);
    expect(left + target.width * camera.scale).toBeLessThanOrEqual(WALL.width + 1e-6);
  });
});

/** A random board: cards in any category with texts of any length, some professionals only, some paired. */
const arbitraryBoard = fc
  .record({
    cards: fc.array(
      fc.record({
        category: fc.constantFrom(...CATEGORIES),
        words: fc.integer({ min: 0, max: 40 }),
        long: fc.boolean(),
        professionalsOnly: fc.boolean(),
      }),
      { minLength: 0, maxLength: 45 },
    ),
    pairs: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ cards, pairs }) => {
    const states = cards.map((c, i) => ({
      ...card(
        `k${i}`,
        c.category,
        i,
        `${c.long ? 'Wordwithoutanybreakatall'.repeat(3) : ''} ${'word '.repeat(c.words)}`,
      ),
      professionalsOnly: c.professionalsOnly && i % 3 === 0,
    }));
    const worries = states.filter((c) => c.category === 'dangerStatement');
    const goals = states.filter((c) => c.category === 'safetyGoal');
    const pairStates: PairState[] = [];
    const paired: CardState[] = [];
    for (let i = 0; i < Math.min(pairs, worries.length, goals.length); i++) {
      const w = worries[i];
      const g = goals[i];
      if (!w || !g) continue;
      const id = `pair${i}` as PairState['id'];
      pairStates.push({ id, dangerStatementId: w.id, safetyGoalId: g.id, createdAt: i });
      paired.push({ ...w, pairId: id }, { ...g, pairId: id });
    }
    const byId = new Map(states.map((c) => [c.id, c]));
    for (const c of paired) byId.set(c.id, c);
    return board([...byId.values()], pairStates);
  });

/** A leader's view rectangle somewhere over the board, of any size and aspect. */
const arbitraryFrame = fc.record({
  fx: fc.double({ min: 0, max: 1, noNaN: true }),
  fy: fc.double({ min: 0, max: 1, noNaN: true }),
  fw: fc.double({ min: 0.05, max: 1.2, noNaN: true }),
  fh: fc.double({ min: 0.02, max: 1.2, noNaN: true }),
});

const FOLLOWER_SCREENS: readonly Size[] = [
  WALL,
  { width: 1280, height: 800 },
  PHONE,
  { width: 3840, height: 1200 },
  { width: 1024, height: 1366 },
];

describe('the frame travels to other layouts (property)', () => {
  it('every card wholly inside the leader’s frame is wholly inside the follower’s fitted view', () => {
    fc.assert(
      fc.property(
        arbitraryBoard,
        arbitraryFrame,
        fc.constantFrom(LAPTOP, { width: 1920, height: 1080 }, { width: 1100, height: 700 }),
        fc.constantFrom(...FOLLOWER_SCREENS),
        fc.boolean(),
        (state, f, leaderScreen, followerScreen, wallBoard) => {
          const leader = layoutBoard(state, leaderScreen, measure);
          const rect = {
            x: f.fx * leader.width,
            y: f.fy * leader.height,
            width: f.fw * leader.width,
            height: f.fh * leader.height,
          };
          const shared = (id: string) => state.cards[id]?.professionalsOnly !== true;
          const frame = frameAnchors(leader, rect, shared);
          // The follower: another screen size, and on a wall the board without professionals-only cards.
          const followerState = wallBoard ? withoutProfessionalsOnly(state) : state;
          const follower: BoardLayout = layoutBoard(followerState, followerScreen, measure);
          const fit = letterbox(frameTarget(follower, frame), followerScreen, 16);
          for (const id of cardsWhollyIn(leader, rect)) {
            if (!shared(id)) continue;
            const there = follower.cards[id];
            if (!there) throw new Error(`card ${id} missing on the follower`);
            const shown = onScreen(there.rect, fit);
            if (!insideView(shown, followerScreen))
              throw new Error(
                `card ${id} cut: ${JSON.stringify(shown)} in ${JSON.stringify(followerScreen)}`,
              );
          }
          // Through the map's camera too (the stage's transform).
          const camera = fitCamera(fit);
          for (const id of cardsWhollyIn(leader, rect)) {
            const there = shared(id) ? follower.cards[id] : undefined;
            if (!there) continue;
            const x = (there.rect.x - camera.x) * camera.scale;
            const y = (there.rect.y - camera.y) * camera.scale;
            expect(x).toBeGreaterThanOrEqual(-EPS);
            expect(y).toBeGreaterThanOrEqual(-EPS);
            expect(x + there.rect.width * camera.scale).toBeLessThanOrEqual(followerScreen.width + EPS);
            expect(y + there.rect.height * camera.scale).toBeLessThanOrEqual(followerScreen.height + EPS);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a frame holding no whole card still lands inside the follower’s board', () => {
    fc.assert(
      fc.property(
        arbitraryBoard,
        arbitraryFrame,
        fc.constantFrom(...FOLLOWER_SCREENS),
        (state, f, screen) => {
          const leader = layoutBoard(state, LAPTOP, measure);
          const rect = {
            x: f.fx * leader.width,
            y: f.fy * leader.height,
            width: 30 * f.fw,
            height: 20 * f.fh,
          };
          const follower = layoutBoard(state, screen, measure);
          const target = frameTarget(follower, frameAnchors(leader, rect));
          expect(target.width).toBeGreaterThan(0);
          expect(target.height).toBeGreaterThan(0);
          expect(target.x).toBeGreaterThanOrEqual(0);
          expect(target.y).toBeGreaterThanOrEqual(0);
          expect(target.x + target.width).toBeLessThanOrEqual(follower.width + EPS);
          expect(target.y + target.height).toBeLessThanOrEqual(follower.height + EPS);
        },
      ),
      { numRuns: 200 },
    );
  });
});
