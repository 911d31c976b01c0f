/** How long to wait before each reconnection attempt. */
export interface BackoffOptions {
  /** The ceiling of the first retry's wait. */
  readonly baseMs: number;
  /** No wait is ever longer than this. */
  readonly capMs: number;
}

/** The web client's schedule: doubling from half a second, never more than 30 seconds apart. */
export const RECONNECT_BACKOFF: BackoffOptions = Object.freeze({ baseMs: 500, capMs: 30_000 });

/**
 * "Full jitter" exponential backoff: a uniformly random wait in [0, min(cap, base · 2^attempt)).
 * The randomness is the point: when a server restarts in the middle of a meeting, every tablet
 * loses its link at the same moment, and without jitter they would all come back in lockstep.
 * `attempt` counts failed attempts since the last good connection (0 for the first retry);
 * `random` returns a number in [0, 1), as Math.random does.
 * @example backoffDelay(3, Math.random) // somewhere in [0, 4000) ms
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  { baseMs, capMs }: BackoffOptions = RECONNECT_BACKOFF,
): number {
  // 2^30 · base is far beyond any cap: stop doubling there so the number stays finite.
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.min(Math.floor(r * ceiling), Math.max(0, ceiling - 1));
}
