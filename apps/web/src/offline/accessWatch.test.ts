import { describe, expect, it } from 'vitest';
import type { ApiFailure, ApiResult, BoardAccess } from '../lib/api';
import { type AccessEnd, watchAccess } from './accessWatch';

const OK: ApiResult<BoardAccess> = {
  ok: true,
  value: { id: 'b1', title: 'Case', createdAt: 1, role: 'family', memberId: 'm1' },
};
const failure = (reason: ApiFailure): ApiResult<BoardAccess> => ({ ok: false, reason });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(answers: ApiResult<BoardAccess>[]) {
  let clock = 0;
  let asked = 0;
  const ends: AccessEnd[] = [];
  const watch = watchAccess({
    fetchAccess: async () => answers[Math.min(asked++, answers.length - 1)] ?? OK,
    ended: (why) => ends.push(why),
    intervalMs: 5000,
    now: () => clock,
  });
  return { watch, ends, asked: () => asked, advance: (ms: number) => (clock += ms) };
}

describe('watchAccess', () => {
  it('says access ended when the board answers 401 or 403, and that the board is gone on 404', async () => {
    for (const [reason, why] of [
      ['unauthorized', 'revoked'],
      ['forbidden', 'revoked'],
      ['not-found', 'gone'],
    ] as const) {
      const { watch, ends } = setUp([failure(reason)]);
      watch.check();
      await settle();
      expect(ends).toEqual([why]);
    }
  });

  it('learns nothing from being offline or a server error', async () => {
    const { watch, ends, advance } = setUp([failure('failed'), failure('rate-limited'), OK]);
    watch.check();
    advance(5000);
    watch.check();
    advance(5000);
    watch.check();
    await settle();
    expect(ends).toEqual([]);
  });

  it('asks at most once per interval, unless the network just came back', async () => {
    const { watch, asked, advance } = setUp([failure('failed')]);
    watch.check();
    advance(4999);
    watch.check();
    expect(asked()).toBe(1);
    watch.check({ force: true });
    expect(asked()).toBe(2);
    advance(5000);
    watch.check();
    expect(asked()).toBe(3);
  });

  it('stays quiet once stopped, even when an answer is on its way', async () => {
    const { watch, ends, asked } = setUp([failure('forbidden')]);
    watch.check();
    watch.stop();
    await settle();
    watch.check({ force: true });
    expect(ends).toEqual([]);
    expect(asked()).toBe(1);
  });
});
