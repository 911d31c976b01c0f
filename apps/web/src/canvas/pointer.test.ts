import { type BoardState, CATEGORIES, type CardState, type Category } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { type BoardLayout, chooseBoardWidth, layoutBoard } from './boardLayout';
import type { Size } from './camera';
import { boardPoint, containsPoint, type Rect } from './geometry';
import { board, card, measure } from './layoutFixture';
import { pointerAnchors, pointerTarget } from './pointer';

const LAPTOP = { width: 1400, height: 900 };
const WALL = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

function sample(count: number, secret: (i: number) => boolean = () => false): BoardState {
  const cards: CardState[] = [];
  for (let i = 0; i < count; i++) {
    const category = CATEGORIES[i % CATEGORIES.length] as Category;
    cards.push({
      ...card(`c${i}`, category, i, `Card ${i} ${'words '.repeat((i * 5) % 13)}`),
      professionalsOnly: secret(i),
    });
  }
  return board(cards);
}

/** The board as a screen of this shape lays it out (the width chosen for the screen, as the map does). */
function laidOut(state: BoardState, view: Size): BoardLayout {
  return layoutBoard(state, view, measure, chooseBoardWidth(state, view, measure));
}

const at = (r: Rect, fx: number, fy: number) => boardPoint(r.x + r.width * fx, r.y + r.height * fy);
const EPS = 1e-6;

describe('pointer anchors: a pointer lands on the same card, at the same spot, on any screen', () => {
  const state = sample(24);
  const laptop = laidOut(state, LAPTOP);
  const wall = laidOut(state, WALL);
  const phone = laidOut(state, PHONE);

  it('the three screens lay the board out differently (raw coordinates would point elsewhere)', () => {
    expect(laptop.width).not.toBe(wall.width);
    expect(phone.stacked).toBe(true);
    // Raw coordinates from the laptop, on the wall: on another card, or well off the same spot.
    let elsewhere = 0;
    for (const id of Object.keys(laptop.cards)) {
      const from = laptop.cards[id]?.rect;
      const to = wall.cards[id]?.rect;
      if (!from || !to) continue;
      const raw = at(from, 0.3, 0.7);
      const off = Math.abs((raw.x - to.x) / to.width - 0.3) + Math.abs((raw.y - to.y) / to.height - 0.7);
      if (!containsPoint(to, raw) || off > 0.1) elsewhere++;
    }
    expect(elsewhere).toBeGreaterThan(Object.keys(laptop.cards).length / 4);
  });

  for (const [name, reader] of [
    ['a 1920 wall', wall],
    ['a phone page', phone],
  ] as const) {
    it(`a pointer over each card on a 1400-wide layout lands over the same card on ${name}, same relative spot`, () => {
      for (const id of Object.keys(laptop.cards)) {
        const from = laptop.cards[id]?.rect;
        const to = reader.cards[id]?.rect;
        if (!from || !to) throw new Error(`card ${id} not laid out`);
        const pointer = pointerAnchors(laptop, at(from, 0.3, 0.7));
        expect(pointer.on[0]).toMatchObject({ kind: 'card', id });
        const p = pointerTarget(reader, pointer);
        if (!p) throw new Error('not placed');
        expect(containsPoint(to, p)).toBe(true);
        expect((p.x - to.x) / to.width).toBeCloseTo(0.3, 6);
        expect((p.y - to.y) / to.height).toBeCloseTo(0.7, 6);
      }
    });
  }

  it('a pointer from the phone lands on the same card on the laptop', () => {
    for (const id of Object.keys(phone.cards)) {
      const from = phone.cards[id]?.rect;
      const to = laptop.cards[id]?.rect;
      if (!from || !to) throw new Error('not laid out');
      const p = pointerTarget(laptop, pointerAnchors(phone, at(from, 0.9, 0.1)));
      expect(p && containsPoint(to, p)).toBe(true);
    }
  });

  it('a pointer over a section’s empty part lands in the same section, at the same fractions', () => {
    const from = laptop.sections[2];
    const to = wall.sections.find((s) => s.category === from?.category);
    if (!from || !to) throw new Error('no section');
    const point = at(from.rect, 0.5, 0.995);
    const pointer = pointerAnchors(laptop, point);
    expect(pointer.on[0]).toMatchObject({ kind: 'section', id: from.category });
    const p = pointerTarget(wall, pointer);
    if (!p) throw new Error('not placed');
    expect(p.x).toBeCloseTo(to.rect.x + to.rect.width * 0.5, 6);
    expect(p.y).toBeCloseTo(to.rect.y + to.rect.height * 0.995, 6);
  });

  it('a pointer over nothing (the margin) keeps its coordinates on the same layout and is not drawn on another', () => {
    const margin = boardPoint(2, 2);
    const pointer = pointerAnchors(laptop, margin);
    expect(pointer.on).toEqual([]);
    expect(pointerTarget(laidOut(state, LAPTOP), pointer)).toEqual(margin);
    expect(pointerTarget(wall, pointer)).toBeNull();
    expect(pointerTarget(phone, pointer)).toBeNull();
  });

  it('a card this screen does not have (deleted, or hidden here) falls back to its section', () => {
    const id = 'c3';
    const from = laptop.cards[id]?.rect;
    if (!from) throw new Error('no card');
    const pointer = pointerAnchors(laptop, at(from, 0.5, 0.5));
    const without = sample(24);
    delete (without.cards as Record<string, CardState>)[id];
    const reader = laidOut(without, WALL);
    const section = reader.sections.find((s) => s.category === state.cards[id as never]?.category);
    const p = pointerTarget(reader, pointer);
    expect(p && section && containsPoint(section.rect, p)).toBe(true);
  });
});

describe('pointer anchors never name a professionals-only card [A6]', () => {
  const secret = (i: number) => i % 5 === 0;
  const staffBoard = sample(20, secret);
  const staff = laidOut(staffBoard, LAPTOP);
  const familyBoard = board(Object.values(staffBoard.cards).filter((c) => !c.professionalsOnly));
  const family = laidOut(familyBoard, LAPTOP);

  it('over a professionals-only card: its section only, and the family screen draws it in that section', () => {
    const hidden = staff.cards.c0?.rect;
    if (!hidden) throw new Error('no card');
    const shareable = (id: string) => staffBoard.cards[id as never]?.professionalsOnly !== true;
    const pointer = pointerAnchors(staff, at(hidden, 0.5, 0.5), shareable);
    expect(JSON.stringify(pointer)).not.toContain('"c0"');
    expect(pointer.on[0]?.kind).toBe('section');
    const p = pointerTarget(family, pointer);
    const section = family.sections.find((s) => s.category === staffBoard.cards['c0' as never]?.category);
    expect(p && section && containsPoint(section.rect, p)).toBe(true);
  });

  it('over a shared card: the family screen, laid out without the hidden cards, draws it on that card', () => {
    const from = staff.cards.c6?.rect;
    const to = family.cards.c6?.rect;
    if (!from || !to) throw new Error('no card');
    const p = pointerTarget(family, pointerAnchors(staff, at(from, 0.25, 0.5)));
    expect(p && containsPoint(to, p)).toBe(true);
    expect(((p?.x ?? 0) - to.x) / to.width).toBeCloseTo(0.25, 6);
  });

  it('fractions stay inside 0..1', () => {
    for (const id of Object.keys(staff.cards)) {
      const rect = staff.cards[id]?.rect;
      if (!rect) continue;
      for (const a of pointerAnchors(staff, at(rect, 1, 1)).on) {
        expect(a.at.x).toBeGreaterThanOrEqual(-EPS);
        expect(a.at.x).toBeLessThanOrEqual(1 + EPS);
      }
    }
  });
});
