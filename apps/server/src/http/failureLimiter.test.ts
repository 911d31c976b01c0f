import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from './failureLimiter.js';

describe('failureLimiter', () => {
  it('[AU2] blocks a key after maxFailures in the window, until the window ends', () => {
    const clock = { now: 0 };
    const limiter = createFailureLimiter({ maxFailures: 2, windowMs: 10_000, now: () => clock.now });
    limiter.fail('a');
    expect(limiter.check('a')).toEqual({ ok: true });
    limiter.fail('a');
    expect(limiter.check('a')).toEqual({ ok: false, retryAfterS: 10 });
    expect(limiter.check('b')).toEqual({ ok: true });
    clock.now = 10_000;
    expect(limiter.check('a')).toEqual({ ok: true });
  });

  it('clears a key on reset and bounds the number of keys', () => {
    const limiter = createFailureLimiter({ maxFailures: 1, maxKeys: 2 });
    limiter.fail('a');
    limiter.reset('a');
    expect(limiter.check('a').ok).toBe(true);
    limiter.fail('x');
    limiter.fail('y');
    limiter.fail('z');
    expect(limiter.check('x').ok).toBe(true);
    expect(limiter.check('z').ok).toBe(false);
  });
});
