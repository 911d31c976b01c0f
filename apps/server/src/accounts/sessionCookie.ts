import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE, SESSION_TTL_MS } from './sessions.js';

export interface CookieSettings {
  /** Adds `Secure` (KINMAP_SECURE_COOKIES=1): required once the server is behind https. */
  readonly secure: boolean;
}

/** `kinmap_session`: HttpOnly (no script reads it), SameSite=Strict (no cross-site sends), Path=/. */
export function writeSessionCookie(c: Context, secret: string, { secure }: CookieSettings): void {
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(c: Context, { secure }: CookieSettings): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure, httpOnly: true, sameSite: 'Strict' });
}

/**
 * The client's address for rate limits: the socket's peer address under @hono/node-server, or
 * 'unknown' (app.request() in tests). X-Forwarded-For is not trusted: any client can set it.
 */
export function socketAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
