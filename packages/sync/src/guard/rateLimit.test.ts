import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './rateLimit.js';

describe('createTokenBucket', () => {
  it('allows a burst, then refuses until time refills the bucket', () => {
    let clock = 1_000;
    const bucket = createTokenBucket({ perSecond: 10, burst: 3, now: () => clock });
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    clock += 100; // one token at 10 per second
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('never holds more than the burst, however long it was idle', () => {
    let clock = 0;
    const bucket = createTokenBucket({ perSecond: 10, burst: 2, now: () => clock });
    clock += 60_000;
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });

  it('does not mint tokens when the clock steps backwards', () => {
    let clock = 10_000;
    const bucket = createTokenBucket({ perSecond: 10, burst: 1, now: () => clock });
    expect(bucket.take()).toBe(true);
    clock -= 5_000;
    expect(bucket.take()).toBe(false);
    clock += 100;
    expect(bucket.take()).toBe(true);
  });
});
