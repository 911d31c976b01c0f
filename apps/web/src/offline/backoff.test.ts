import { describe, expect, it } from 'vitest';
import { backoffDelay, RECONNECT_BACKOFF } from './backoff';

/** mulberry32: a tiny seeded generator, so the schedule is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('backoffDelay', () => {
  it('waits a random time below 500 ms doubling per failed attempt, capped at 30 s', () => {
    const random = seeded(42);
    const schedule = Array.from({ length: 12 }, (_, attempt) => backoffDelay(attempt, random));
    const ceilings = [500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000];
    schedule.forEach((delay, attempt) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(ceilings[attempt] ?? 0);
    });
    // The same seed gives the same schedule: the jitter is reproducible in tests.
    const again = seeded(42);
    expect(Array.from({ length: 12 }, (_, attempt) => backoffDelay(attempt, again))).toEqual(schedule);
  });

  it('spreads clients that fail at the same moment instead of sending them back together', () => {
    const random = seeded(7);
    const firstRetries = Array.from({ length: 200 }, () => backoffDelay(4, random));
    const distinct = new Set(firstRetries.map((ms) => Math.floor(ms / 500)));
    // 200 clients over a window of 8 s: they land in (nearly) every half-second slot.
    expect(distinct.size).toBeGreaterThanOrEqual(14);
    expect(Math.max(...firstRetries)).toBeLessThan(8000);
  });

  it('takes the whole window as the random value goes from 0 to just under 1', () => {
    expect(backoffDelay(0, () => 0)).toBe(0);
    expect(backoffDelay(0, () => 0.999_999)).toBe(499);
    expect(backoffDelay(2, () => 0.5)).toBe(1000);
    expect(backoffDelay(100, () => 0.999_999)).toBe(RECONNECT_BACKOFF.capMs - 1);
  });

  it('stays inside the window whatever the random source returns', () => {
    expect(backoffDelay(1, () => 1)).toBe(999);
    expect(backoffDelay(1, () => -3)).toBe(0);
    expect(backoffDelay(-5, () => 0.5)).toBe(250);
    expect(backoffDelay(3, () => 0.5, { baseMs: 100, capMs: 300 })).toBe(150);
  });
});
