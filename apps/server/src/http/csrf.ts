import type { MiddlewareHandler } from 'hono';
import { readCookie } from '../access/memberAuthenticator.js';
import { ApiError, ApiErrorCode } from './apiError.js';
import { sameHost } from './origin.js';

export interface CsrfOptions {
  readonly cookieName: string;
  /** Routes checked even without a cookie: they set one (login CSRF). */
  readonly alwaysPaths?: readonly string[];
}

export const CSRF_HEADER = 'X-Kinmap-CSRF';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard for cookie-authenticated state changes (ISSUE 4 design): a
 * POST/PUT/PATCH/DELETE that carries the session cookie (or sets one) must send
 * `X-Kinmap-CSRF: 1` — a custom header a cross-site form cannot send and a cross-site fetch cannot
 * send without a CORS preflight this server never grants — AND an `Origin` (or `Referer`) whose
 * host is this request's host. Bodies must be JSON. SameSite=Strict is the second layer.
 * Requests without the cookie (bearer tokens, scripts) are not affected.
 */
export function csrf({ cookieName, alwaysPaths = [] }: CsrfOptions): MiddlewareHandler {
  return async function csrfMiddleware(c, next) {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const hasCookie = readCookie(c.req.header('Cookie'), cookieName) !== null;
    if (!hasCookie && !alwaysPaths.includes(c.req.path)) return next();
    if (c.req.header(CSRF_HEADER) !== '1') {
      throw new ApiError(403, ApiErrorCode.csrf, `This request needs the ${CSRF_HEADER}: 1 header`);
    }
    const origin = c.req.header('Origin') ?? c.req.header('Referer');
    if (!sameHost(origin, c.req.url)) {
      throw new ApiError(403, ApiErrorCode.csrf, 'This request must come from the same origin');
    }
    // A body is only ever parsed as JSON; a form or text type is refused before anyone reads it.
    const type = c.req.header('Content-Type');
    if (type !== undefined && !/^application\/json\s*(;|$)/i.test(type)) {
      throw new ApiError(415, ApiErrorCode.unsupportedMediaType, 'The body must be application/json');
    }
    return next();
  };
}
