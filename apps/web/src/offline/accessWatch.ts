import type { ApiResult, BoardAccess } from '../lib/api';

/** Why this person can no longer open the board. */
export type AccessEnd = 'revoked' | 'gone';

export interface AccessWatch {
  /** Asks the server, at most once per interval unless `force` (e.g. the network just came back). */
  check(options?: { readonly force?: boolean }): void;
  stop(): void;
}

export interface AccessWatchOptions {
  readonly fetchAccess: () => Promise<ApiResult<BoardAccess>>;
  readonly ended: (why: AccessEnd) => void;
  readonly intervalMs?: number;
  readonly now?: () => number;
}

/** After a lost connection, asks the server at most this often whether the board still opens. */
export const ACCESS_CHECK_INTERVAL_MS = 5000;

/**
 * Whether a failed (re)connection means the person's access ended. Revoked while offline, the
 * upgrade answers 401/403 and the socket never opens, so no close code can say it: the board's
 * HTTP route does. 404 means the board is gone. Any other failure (offline, server down) says
 * nothing, and the next check will ask again.
 */
export function watchAccess({
  fetchAccess,
  ended,
  intervalMs = ACCESS_CHECK_INTERVAL_MS,
  now = Date.now,
}: AccessWatchOptions): AccessWatch {
  let last = Number.NEGATIVE_INFINITY;
  let stopped = false;
  return {
    check({ force = false } = {}) {
      const at = now();
      if (stopped || (!force && at - last < intervalMs)) return;
      last = at;
      void fetchAccess().then((result) => {
        if (stopped || result.ok) return;
        if (result.reason === 'unauthorized' || result.reason === 'forbidden') ended('revoked');
        else if (result.reason === 'not-found') ended('gone');
      });
    },
    stop() {
      stopped = true;
    },
  };
}
