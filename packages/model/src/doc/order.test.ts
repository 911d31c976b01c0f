import { describe, expect, it } from 'vitest';
import { compareOrdered, type Ordered, orderBetween, planOrder } from './order.js';

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('orderBetween', () => {
  it('starts at 0 and steps by one past either end', () => {
    expect(orderBetween(null, null)).toBe(0);
    expect(orderBetween(3, null)).toBe(4);
    expect(orderBetween(null, 3)).toBe(2);
  });

  it('returns a value strictly between distinct neighbours', () => {
    const next = random(11);
    for (let i = 0; i < 1_000; i++) {
      const a = (next() - 0.5) * 1e6;
      const b = a + next() * 1e3 + 1e-6;
      const mid = orderBetween(a, b);
      expect(mid).toBeGreaterThan(a);
      expect(mid).toBeLessThan(b);
    }
  });

  it('returns the shared value for equal neighbours, signalling that there is no room', () => {
    expect(orderBetween(2, 2)).toBe(2);
    expect(orderBetween(5, 1)).toBe(5);
  });

  it('keeps finding room for fifty inserts at the same place', () => {
    let low = 0;
    const high = 1;
    for (let i = 0; i < 50; i++) {
      const mid = orderBetween(low, high);
      expect(mid > low && mid < high).toBe(true);
      low = mid;
    }
  });
});

describe('planOrder', () => {
  const list = (orders: number[]): Ordered[] => orders.map((order, i) => ({ id: `c${i}`, order }));

  it('places between neighbours without renumbering when there is room', () => {
    expect(planOrder(list([0, 1, 2]), 1)).toEqual({ order: 0.5, renumber: [] });
    expect(planOrder(list([0, 1]), 99)).toEqual({ order: 2, renumber: [] });
    expect(planOrder([], 0)).toEqual({ order: 0, renumber: [] });
  });

  it('renumbers the siblings around a gap when the neighbours are tied', () => {
    const plan = planOrder(list([0, 5, 5]), 2);
    expect(plan.order).toBe(2);
    expect(plan.renumber).toEqual([
      { id: 'c1', order: 1 },
      { id: 'c2', order: 3 },
    ]);
  });

  it('renumbers when floating point runs out between neighbours', () => {
    const a = 1;
    const b = 1 + Number.EPSILON;
    const plan = planOrder(list([a, b]), 1);
    expect(plan.order).toBe(1);
    expect(plan.renumber).toEqual([
      { id: 'c0', order: 0 },
      { id: 'c1', order: 2 },
    ]);
  });

  it('always yields an order that sorts the new record at the requested index', () => {
    const next = random(3);
    for (let round = 0; round < 200; round++) {
      const siblings = list(
        Array.from({ length: Math.floor(next() * 6) }, () => Math.floor(next() * 3)),
      ).sort(compareOrdered);
      const index = Math.floor(next() * (siblings.length + 1));
      const plan = planOrder(siblings, index);
      const moved = new Map(plan.renumber.map((r) => [r.id, r.order]));
      const after = siblings.map((s) => ({ id: s.id, order: moved.get(s.id) ?? s.order }));
      // The new record's id sorts last among equals, so require strict room on both sides.
      const merged = [...after, { id: 'new', order: plan.order }].sort(compareOrdered);
      expect(merged.findIndex((r) => r.id === 'new')).toBe(index);
      expect(merged.filter((r) => r.id !== 'new').map((r) => r.id)).toEqual(siblings.map((s) => s.id));
    }
  });
});
