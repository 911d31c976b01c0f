export interface TokenBucket {
  /** Takes one token; false when the bucket is empty (the caller is over its rate). */
  take(): boolean;
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
    take() {
      const at = now();
      // A clock that steps backwards must not mint tokens.
      tokens = Math.min(burst, tokens + (Math.max(0, at - refilledAt) * perSecond) / 1000);
      refilledAt = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
