export interface TokenBucket {
  /** Takes `cost` tokens (default 1); false when there are not enough (the caller is over its rate). */
  take(cost?: number): boolean;
}

export interface TokenBucketOptions {
  /** Tokens added per second (the sustained rate). */
  readonly perSecond: number;
  /** Bucket size: how many messages may arrive at once after a quiet period. */
  readonly burst: number;
  readonly now: () => number;
}

/**
 * A token bucket that refills continuously from `now()`; no timers, so an idle connection costs nothing.
 * @example
 * const bucket = createTokenBucket({ perSecond: 100, burst: 300, now: Date.now });
 * if (!bucket.take()) socket.close(4429, 'rate limited');
 */
export function createTokenBucket({ perSecond, burst, now }: TokenBucketOptions): TokenBucket {
  let tokens = burst;
  let refilledAt = now();
  return {
    take(cost = 1) {
      const at = now();
      // A clock that steps backwards must not mint tokens.
      tokens = Math.min(burst, tokens + (Math.max(0, at - refilledAt) * perSecond) / 1000);
      refilledAt = at;
      if (tokens < cost) return false;
      tokens -= cost;
      return true;
    },
  };
}
