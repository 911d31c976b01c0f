import type { MiddlewareHandler } from 'hono';

export interface SecurityHeadersOptions {
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The basics for every response: no MIME sniffing, no Referer (share links carry their token
 * in the fragment, but a page's path names the board), no framing (clickjacking).
 */
export const DEFAULT_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

export function securityHeaders({
  headers = DEFAULT_SECURITY_HEADERS,
}: SecurityHeadersOptions = {}): MiddlewareHandler {
  return async function securityHeadersMiddleware(c, next) {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
