import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createConnectionLimiter } from './connectionLimiter.js';
import { overLimit, summarized } from './upgradeAdmission.js';

const fromAddress = (remoteAddress: string) => ({ socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('overLimit', () => {
  it('[L3] refuses with 429, rate-limited and Retry-After once the address has no token left', () => {
    const limiter = createConnectionLimiter({ perSecond: 0.5, burst: 1, now: () => 0 });
    expect(overLimit(fromAddress('::ffff:10.0.0.9'), limiter)).toBeNull();
    expect(overLimit(fromAddress('10.0.0.9'), limiter)).toMatchObject({
      ok: false,
      status: 429,
      code: 'rate-limited',
      retryAfterS: 2,
    });
    expect(overLimit(fromAddress('10.0.0.9'), undefined)).toBeNull();
  });
});

describe('summarized', () => {
  it('logs the first refusal of a flood at once, then one line with the count at most every 10 s', () => {
    const lines: unknown[] = [];
    const clock = { now: 0 };
    const log = summarized(
      { info() {}, warn: (event, fields) => lines.push([event, fields]), error() {} },
      () => clock.now,
    );
    log.count();
    for (let i = 0; i < 500; i++) log.count();
    expect(lines).toEqual([['sync.upgradesLimited', { refused: 1 }]]);
    clock.now = 10_000;
    log.count();
    expect(lines.at(-1)).toEqual(['sync.upgradesLimited', { refused: 501 }]);
  });
});
