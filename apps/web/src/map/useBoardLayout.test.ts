import { type BoardState, CATEGORIES, type CardState } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { chooseLayout, layoutBoard } from '../canvas/boardLayout';
import type { FontSpec, MeasureText } from '../canvas/boardMetrics';
import { board, card, measure } from '../canvas/layoutFixture';
import { sharedCardLayouts } from './useBoardLayout';

const LAPTOP = { width: 1400, height: 900 };

/** A measure that records what it was asked to measure (0.55 em a character, as the fixture's). */
function countingMeasure(): { measure: MeasureText; seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    measure: (text: string, font: FontSpec) => {
      seen.push(text);
      return text.length * font.size * 0.55;
    },
  };
}

/** `count` cards, each text naming its card (`c12w`), long enough to wrap. */
function bigBoard(count = 60): BoardState {
  const cards = Array.from({ length: count }, (_, i) =>
    card(
      `c${i}`,
      i % 2 === 0 ? 'harm' : 'nextStep',
      i,
      `c${i}w words that wrap over more than one line of the card`,
    ),
  );
  return board(cards);
}

function withText(state: BoardState, id: string, text: string): BoardState {
  const edited = { ...(state.cards[id] as CardState), text };
  return { ...state, cards: { ...state.cards, [id]: edited } };
}

/** Which cards' words a list of measured strings touched. */
function cardsMeasured(seen: readonly string[]): Set<string> {
  return new Set(seen.flatMap((text) => [...text.matchAll(/c(\d+)w/g)].map((m) => `c${m[1]}`)));
}

describe('incremental layout', () => {
  it('a keystroke in one card measures that card only', () => {
    const { measure, seen } = countingMeasure();
    let state = bigBoard();
    layoutBoard(state, LAPTOP, measure);
    expect(cardsMeasured(seen).size).toBe(60);
    seen.length = 0;
    state = withText(state, 'c10', `${state.cards.c10?.text}x`);
    layoutBoard(state, LAPTOP, measure);
    expect([...cardsMeasured(seen)]).toEqual(['c10']);
  });

  it('still measures one card after thousands of keystrokes have filled the wrap memory', {
    timeout: 120_000,
  }, () => {
    const { measure, seen } = countingMeasure();
    let state = bigBoard(8);
    layoutBoard(state, LAPTOP, measure);
    // Ten thousand keystrokes in another card since, each laid out: more wrappings than the memory holds.
    const base = state.cards.c0?.text ?? '';
    const others = new Set<string>();
    for (let i = 0; i < 10_050; i++) {
      seen.length = 0;
      state = withText(state, 'c0', `${base} ${i}`);
      layoutBoard(state, LAPTOP, measure);
      for (const id of cardsMeasured(seen)) if (id !== 'c0') others.add(id);
    }
    // Never all wrapped again at once when the memory is full (it used to be cleared).
    expect([...others]).toEqual([]);
    seen.length = 0;
    state = withText(state, 'c4', `${state.cards.c4?.text}z`);
    layoutBoard(state, LAPTOP, measure);
    expect([...cardsMeasured(seen)]).toEqual(['c4']);
  });

  it('keeps the layout object of every card that stays where it was, wrapped as it was', () => {
    const { measure } = countingMeasure();
    const state = bigBoard();
    const first = layoutBoard(state, LAPTOP, measure);
    // Same text length: nothing moves, only c10 is a new object.
    const edited = withText(state, 'c10', (state.cards.c10?.text ?? '').replace('words', 'wordz'));
    const next = sharedCardLayouts(first, layoutBoard(edited, LAPTOP, measure));
    const renewed = Object.keys(next.cards).filter((id) => next.cards[id] !== first.cards[id]);
    expect(renewed).toEqual(['c10']);
    // A card that grows a line pushes the cards below it in its section, and only those.
    const grown = withText(state, 'c10', `${state.cards.c10?.text} ${'long '.repeat(20)}`);
    const after = sharedCardLayouts(next, layoutBoard(grown, LAPTOP, measure));
    const moved = Object.keys(after.cards).filter((id) => after.cards[id] !== next.cards[id]);
    expect(moved).toContain('c10');
    expect(moved.every((id) => after.cards[id]?.category === 'harm')).toBe(true);
    expect(moved.every((id) => Number(id.slice(1)) >= 10)).toBe(true);
  });

  it('a new mark renews the card layout so its badges are drawn, though the card keeps its size', () => {
    const state = bigBoard(4);
    const first = layoutBoard(state, LAPTOP, measure);
    const marked: BoardState = {
      ...state,
      cards: { ...state.cards, c0: { ...(state.cards.c0 as CardState), marks: { p2: 'agree' } } },
    };
    const next = sharedCardLayouts(first, layoutBoard(marked, LAPTOP, measure));
    expect(next.cards.c0?.rect).toEqual(first.cards.c0?.rect);
    expect(next.cards.c0?.chips.map((c) => c.kind)).toEqual(['author', 'agree']);
    const both: BoardState = {
      ...marked,
      cards: {
        ...marked.cards,
        c0: { ...(marked.cards.c0 as CardState), marks: { p2: 'agree', p3: 'dispute' } },
      },
    };
    const after = sharedCardLayouts(next, layoutBoard(both, LAPTOP, measure));
    expect(after.cards.c0?.chips.map((c) => c.kind)).toEqual(['author', 'dispute', 'agree']);
    // Unmarked cards keep their objects.
    expect(after.cards.c1).toBe(first.cards.c1);
  });

  it('on a wall’s large-text layout too: a keystroke measures one card, moves only its column’s, keeps the lanes', () => {
    const wall = { width: 1920, height: 960 };
    let state = board(
      Array.from({ length: 30 }, (_, i) =>
        card(`c${i}`, CATEGORIES[i % CATEGORIES.length] ?? 'harm', i, `c${i}w the nan takes them to school`),
      ),
    );
    const choice = chooseLayout(state, wall, measure);
    expect(choice.flow).toBe(true);
    expect(choice.lanes?.length).toBe(3);
    const { measure: counting, seen } = countingMeasure();
    const first = layoutBoard(state, wall, counting, choice);
    seen.length = 0;
    // c7 is a harm card: it grows by several lines.
    state = withText(state, 'c7', `${state.cards.c7?.text} ${'and again '.repeat(12)}`);
    const next = sharedCardLayouts(first, layoutBoard(state, wall, counting, choice));
    expect([...cardsMeasured(seen)]).toEqual(['c7']);
    expect(next.lanes).toEqual(first.lanes);
    expect(next.columns.map((c) => c.rect.width)).toEqual(first.columns.map((c) => c.rect.width));
    const renewed = Object.keys(next.cards).filter((id) => next.cards[id] !== first.cards[id]);
    expect(renewed).toContain('c7');
    // Only cards of its column move (its section's, and the sections below it); the other columns keep theirs.
    const worries = ['harm', 'dangerStatement', 'complicatingFactor'];
    expect(renewed.filter((id) => !worries.includes(next.cards[id]?.category ?? ''))).toEqual([]);
    expect(renewed.length).toBeLessThan(14);
  });
});
