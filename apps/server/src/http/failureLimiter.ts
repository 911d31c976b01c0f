/**
 * Counts failures per key (an IP, an email) in a fixed window: after `maxFailures` within
 * `windowMs` the key is blocked until the window ends. Used for login, setup and invite opening.
 */
export interface FailureLimiter {
  /** `ok: false` with the seconds until the key may try again. */
  check(key: string): { readonly ok: true } | { readonly ok: false; readonly retryAfterS: number };
  fail(key: string): void;
  /** A success clears the key's failures. */
  reset(key: string): void;
}

export interface FailureLimiterOptions {
  readonly maxFailures?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
  /** Keys tracked at most; the oldest windows are dropped first (memory bound under a spray). */
  readonly maxKeys?: number;
}

export function createFailureLimiter({
  maxFailures = 5,
  windowMs = 15 * 60_000,
  now = Date.now,
  maxKeys = 100_000,
}: FailureLimiterOptions = {}): FailureLimiter {
  const windows = new Map<string, { count: number; endsAt: number }>();
  const current = (key: string) => {
    const entry = windows.get(key);
    if (entry && entry.endsAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    check(key) {
      const entry = current(key);
      if (!entry || entry.count < maxFailures) return { ok: true };
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((entry.endsAt - now()) / 1000)) };
    },
    fail(key) {
      const entry = current(key);
      if (entry) {
        entry.count++;
        return;
      }
      if (windows.size >= maxKeys) {
        // Map iteration is insertion order: the first key is the oldest window.
        const oldest = windows.keys().next().value;
        if (oldest !== undefined) windows.delete(oldest);
      }
      windows.set(key, { count: 1, endsAt: now() + windowMs });
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
