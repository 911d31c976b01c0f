import { isIPv6 } from 'node:net';

/**
 * Limits how often one address may open a WebSocket: a token bucket per address, checked before
 * the upgrade does any work (no authentication, no room). A flood of connections opened and
 * dropped from one address gets 429 while everyone else, and every socket already open, carries on.
 */
export interface ConnectionLimiter {
  /** Spends one token of `address`; `ok: false` with the whole seconds until the next one. */
  take(address: string): { readonly ok: true } | { readonly ok: false; readonly retryAfterS: number };
  /** Addresses tracked now (bounded by `maxAddresses`). */
  size(): number;
}

export interface ConnectionLimiterOptions {
  /** Sustained upgrades per second per address. */
  readonly perSecond: number;
  /** Upgrades one address may open at once after a quiet period. */
  readonly burst: number;
  readonly now?: () => number;
  /** Addresses tracked at most; the least recently seen are forgotten first (memory bound under a spray). */
  readonly maxAddresses?: number;
}

/** 20 new WebSockets a second per address, 40 at once: a council office behind one NAT reconnecting after a restart. */
export const DEFAULT_CONNECTION_LIMIT = Object.freeze({ perSecond: 20, burst: 40 });

/**
 * @example
 * const limiter = createConnectionLimiter({ perSecond: 20, burst: 40 });
 * if (!limiter.take(addressKey(request.socket.remoteAddress)).ok) refuse(socket, 429);
 */
export function createConnectionLimiter({
  perSecond,
  burst,
  now = Date.now,
  maxAddresses = 100_000,
}: ConnectionLimiterOptions): ConnectionLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(address) {
      const at = now();
      const bucket = buckets.get(address) ?? { tokens: burst, at };
      // A clock that steps backwards must not mint tokens.
      bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, at - bucket.at) * perSecond) / 1000);
      bucket.at = at;
      // Re-inserting keeps the Map in least-recently-seen order, so eviction drops idle addresses.
      buckets.delete(address);
      if (buckets.size >= maxAddresses) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      buckets.set(address, bucket);
      if (bucket.tokens < 1) {
        return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
      }
      bucket.tokens -= 1;
      return { ok: true };
    },
    size: () => buckets.size,
  };
}

/**
 * The key one client is counted under: an IPv4 address as is (also when IPv4-mapped, `::ffff:a.b.c.d`),
 * an IPv6 address by its /64 prefix, since one host can pick any address of its /64 at will.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
