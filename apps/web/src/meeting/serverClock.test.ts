import { describe, expect, it } from 'vitest';
import { clockOffset } from './serverClock';

describe('clockOffset', () => {
  it('reads a device clock minutes slow from the server’s Date header, within the header’s second', () => {
    // The device is 5 minutes behind: its 1,000 is the server's 301,000.
    const offset = clockOffset([{ sentAt: 1_000, receivedAt: 1_040, serverDate: 301_000 }]);
    expect(Math.abs(offset - 300_000)).toBeLessThanOrEqual(520);
  });

  it('narrows the window by intersecting samples taken at different moments of a second', () => {
    // True offset 300,700 ms: the server clock is local + 300,700, headers are truncated to seconds.
    const truth = 300_700;
    const at = (local: number) => ({
      sentAt: local,
      receivedAt: local + 20,
      serverDate: Math.floor((local + 10 + truth) / 1000) * 1000,
    });
    const offset = clockOffset([at(1_000), at(1_260), at(1_520), at(1_780)]);
    expect(Math.abs(offset - truth)).toBeLessThanOrEqual(150);
    expect(Math.abs(clockOffset([at(1_000)]) - truth)).toBeGreaterThan(150);
  });

  it('ignores broken samples and falls back to the last one when samples disagree', () => {
    expect(clockOffset([])).toBe(0);
    expect(clockOffset([{ sentAt: 5, receivedAt: 1, serverDate: 10_000 }])).toBe(0);
    expect(clockOffset([{ sentAt: 0, receivedAt: 10, serverDate: Number.NaN }])).toBe(0);
    const disagree = clockOffset([
      { sentAt: 0, receivedAt: 10, serverDate: 1_000_000 },
      { sentAt: 20, receivedAt: 30, serverDate: 5_000 },
    ]);
    expect(disagree).toBe(Math.round((5_000 - 30 + 5_000 + 1_000 - 20) / 2));
  });
});
