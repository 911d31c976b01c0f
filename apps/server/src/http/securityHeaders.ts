import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export interface SecurityHeadersOptions {
  /**
   * Sends `Strict-Transport-Security` (Hono's default: 180 days, subdomains included). Only when
   * the app is served over https (KINMAP_SECURE_COOKIES=1): over http the header is ignored anyway.
   */
  readonly strictTransportSecurity?: boolean;
}

// Only a plain host[:port] is echoed into the policy; anything else falls back to 'self' alone.
const PLAIN_HOST = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9A-Fa-f:.]{2,45}\](:\d{1,5})?$/;

/** The sync socket is allowed by naming ws:/wss: on this same host (older browsers do not count ws: as 'self'). */
function connectSources(host: string | null): string {
  return host && PLAIN_HOST.test(host) ? `'self' ws://${host} wss://${host}` : "'self'";
}

/**
 * Scripts only from this origin (no inline script, no eval), no plugins, no framing, no <base>
 * rewrites. Styles allow 'unsafe-inline' because React and Konva set inline styles.
 */
const POLICY = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', connectSources],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
] as const;

/**
 * The Content-Security-Policy sent for a request to `host`.
 * @example defaultContentSecurityPolicy('localhost:3000')
 */
export function defaultContentSecurityPolicy(host: string | null): string {
  return POLICY.map(([name, value]) => `${name} ${typeof value === 'string' ? value : value(host)}`).join(
    '; ',
  );
}

/** Hono's directive names (camelCase) with the same values; connect-src is computed per request. */
const honoPolicy = Object.fromEntries(
  POLICY.map(([name, value]) => [
    name.replace(/-([a-z])/g, (_m, letter: string) => letter.toUpperCase()),
    [typeof value === 'string' ? value : (c: Context) => value(c.req.header('Host') ?? null)],
  ]),
);

/**
 * Hono's secure headers, set on every response (errors included): no MIME sniffing, no Referer
 * (share links carry their token in the fragment, but a page's path names the board), no framing
 * (clickjacking), a same-origin opener, and the policy above. Hono's other defaults stay off so
 * the set is exactly the one docs/SECURITY.md lists.
 * @example app.use('*', securityHeaders({ strictTransportSecurity: secureCookies }))
 */
export function securityHeaders({
  strictTransportSecurity = false,
}: SecurityHeadersOptions = {}): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: honoPolicy,
    xContentTypeOptions: true,
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    crossOriginOpenerPolicy: 'same-origin',
    strictTransportSecurity,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
}
