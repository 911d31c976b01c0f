import type { MiddlewareHandler } from 'hono';

export interface SecurityHeadersOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** The Content-Security-Policy for a request's host; null leaves it out. */
  readonly contentSecurityPolicy?: ((host: string | null) => string) | null;
}

/**
 * The basics for every response: no MIME sniffing, no Referer (share links carry their token
 * in the fragment, but a page's path names the board), no framing (clickjacking).
 */
export const DEFAULT_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

// Only a plain host[:port] is echoed into the policy; anything else falls back to 'self' alone.
const PLAIN_HOST = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9A-Fa-f:.]{2,45}\](:\d{1,5})?$/;

/**
 * Scripts only from this origin (no inline script, no eval), no plugins, no framing, no <base>
 * rewrites. Styles allow 'unsafe-inline' because React and Konva set inline styles. The sync
 * socket is allowed by naming ws:/wss: on this same host (older browsers do not count ws: as 'self').
 * @example defaultContentSecurityPolicy('localhost:3000')
 */
export function defaultContentSecurityPolicy(host: string | null): string {
  const sockets = host && PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders({
  headers = DEFAULT_SECURITY_HEADERS,
  contentSecurityPolicy = defaultContentSecurityPolicy,
}: SecurityHeadersOptions = {}): MiddlewareHandler {
  return async function securityHeadersMiddleware(c, next) {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    if (contentSecurityPolicy) {
      c.res.headers.set('Content-Security-Policy', contentSecurityPolicy(c.req.header('Host') ?? null));
    }
  };
}
