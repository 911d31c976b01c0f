import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Context } from 'hono';
import proxyAddr from 'proxy-addr';

/** Finds the address of the client behind a request, for rate limits and connection bounds. */
export type ClientAddressOf = (request: Pick<IncomingMessage, 'headers' | 'socket'>) => string;

export type TrustedProxiesResult =
  | { readonly ok: true; readonly value: readonly string[] }
  | { readonly ok: false; readonly detail: string };

/**
 * Parses KINMAP_TRUSTED_PROXIES: comma-separated IP addresses and CIDR ranges (`10.0.0.0/8`,
 * `fd00::/8`, also `proxy-addr`'s names `loopback`, `linklocal`, `uniquelocal`). Unset or empty:
 * none, and X-Forwarded-For is ignored.
 * @example parseTrustedProxies('127.0.0.1, 10.0.0.0/8') // { ok: true, value: ['127.0.0.1', '10.0.0.0/8'] }
 */
export function parseTrustedProxies(raw: string | undefined): TrustedProxiesResult {
  const value = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  try {
    proxyAddr.compile(value);
  } catch {
    return { ok: false, detail: 'entries must be IP addresses or CIDR ranges, separated by commas' };
  }
  return { ok: true, value };
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the right-most
 * address in X-Forwarded-For that is not itself a trusted proxy (each proxy appends the address it
 * saw; whatever a client wrote further left is not believed). With no trusted proxies the header is
 * never read, since any client can send it.
 * @example const addressOf = createClientAddress(['10.0.0.0/8']); addressOf(request) // '203.0.113.7'
 */
export function createClientAddress(trustedProxies: readonly string[]): ClientAddressOf {
  const peerOf: ClientAddressOf = (request) => request.socket.remoteAddress ?? 'unknown';
  if (trustedProxies.length === 0) return peerOf;
  const trust = proxyAddr.compile([...trustedProxies]);
  return function clientAddressOf(request) {
    const found = proxyAddr(request as IncomingMessage, trust);
    // A proxy that wrote something other than an address: count the request under the proxy.
    return isIP(found) === 0 ? peerOf(request) : found;
  };
}

/** The same, for a Hono request under @hono/node-server (`c.env.incoming`); 'unknown' elsewhere. */
export function contextAddress(addressOf: ClientAddressOf): (c: Context) => string {
  return function clientAddress(c) {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    return incoming?.socket ? addressOf(incoming) : 'unknown';
  };
}
