import { loginRequest, meResponse, type StaffUser, setupRequest, userResponse } from '@kinmap/protocol';
import type { Logger } from '@kinmap/sync';
import type { Context, Hono } from 'hono';
import type { AccessControl } from '../access/accessControl.js';
import { requireSignedIn, type SignedIn, signedIn } from '../access/memberAuthenticator.js';
import type { AuditLog } from '../audit/auditLog.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { parseJsonBody } from '../http/jsonBody.js';
import { reply } from '../http/reply.js';
import type { RequestIdEnv } from '../http/requestId.js';
import { hashPassword, verifyPassword } from './password.js';
import { type CookieSettings, clearSessionCookie, writeSessionCookie } from './sessionCookie.js';
import { normaliseEmail, type UserRecord } from './users.js';

export interface AccountRoutesOptions {
  readonly access: AccessControl;
  readonly logger: Logger;
  readonly cookies: CookieSettings;
  readonly clientAddress: (c: Context) => string;
  /** Sign-in and sign-out are audit events (SPEC [AD2]); they belong to no board. */
  readonly audit?: Pick<AuditLog, 'record'>;
}

/** What a client may see of a staff account. */
export const publicUser = (user: UserRecord): StaffUser => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  isAdmin: user.isAdmin,
});

/** Throws 401/403 unless the request carries a staff user's session. */
export function requireStaff(c: Context, access: AccessControl): SignedIn & { user: UserRecord } {
  const who = requireSignedIn(c, access);
  if (!who.user) throw new ApiError(403, ApiErrorCode.forbidden, 'Only staff accounts can do this');
  return { ...who, user: who.user };
}

function tooMany(c: Context, retryAfterS: number): never {
  c.header('Retry-After', String(retryAfterS));
  throw new ApiError(429, ApiErrorCode.rateLimited, 'Too many attempts; try again later');
}

/**
 * First run, sign-in, sign-out and who-am-I (docs/PROTOCOL.md "Accounts"; staff accounts: staffRoutes.ts;
 * SPEC [AU1]–[AU6]). Emails, names and passwords are never logged: ids only.
 */
export function registerAccountRoutes(
  app: Hono<RequestIdEnv>,
  { access, logger, cookies, clientAddress, audit }: AccountRoutesOptions,
): void {
  const { users, sessions, setup, limiters } = access;

  /** A fresh session for a staff user, keeping the device's guest members (no session fixation). */
  const signIn = (c: Context, userId: string): void => {
    const previous = signedIn(access, c.req.header('Cookie'));
    const { secret, session } = sessions.create(userId);
    if (previous) {
      for (const memberId of sessions.memberIds(previous.session.id))
        sessions.addMember(session.id, memberId);
      sessions.revoke(previous.session.id);
      access.tickets.voidSession(previous.session.id);
    }
    writeSessionCookie(c, secret, cookies);
  };

  app.post('/api/setup', async (c) => {
    const ip = `setup:${clientAddress(c)}`;
    const allowed = limiters.setupByIp.check(ip);
    if (!allowed.ok) tooMany(c, allowed.retryAfterS);
    const body = parseJsonBody(setupRequest, await c.req.text());
    if (users.count() > 0)
      throw new ApiError(410, ApiErrorCode.setupClosed, 'The administrator exists already');
    if (!setup.check(body.code)) {
      limiters.setupByIp.fail(ip);
      throw new ApiError(403, ApiErrorCode.setupClosed, 'The setup code is wrong or has expired');
    }
    const passwordHash = await hashPassword(body.password, access.scryptCost);
    const user = users.createFirst({
      email: body.email,
      displayName: body.displayName,
      passwordHash,
      isAdmin: true,
    });
    if (!user) throw new ApiError(410, ApiErrorCode.setupClosed, 'The administrator exists already');
    setup.clear();
    signIn(c, user.id);
    logger.info('account.setup', { userId: user.id });
    return reply(c, userResponse, { user: publicUser(user) }, 201);
  });

  app.post('/api/login', async (c) => {
    const body = parseJsonBody(loginRequest, await c.req.text());
    const ipKey = clientAddress(c);
    const emailKey = normaliseEmail(body.email);
    for (const [limiter, key] of [
      [limiters.loginByIp, ipKey],
      [limiters.loginByEmail, emailKey],
    ] as const) {
      const allowed = limiter.check(key);
      if (!allowed.ok) tooMany(c, allowed.retryAfterS);
    }
    const user = users.byEmail(emailKey);
    // An unknown email costs the same scrypt work as a wrong password.
    const matches = await verifyPassword(body.password, user?.passwordHash ?? (await access.dummyHash()));
    if (!user || !matches || user.disabledAt !== null) {
      limiters.loginByIp.fail(ipKey);
      limiters.loginByEmail.fail(emailKey);
      logger.info('account.loginFailed', { known: user !== null });
      throw new ApiError(401, ApiErrorCode.badCredentials, 'Wrong email or password');
    }
    limiters.loginByEmail.reset(emailKey);
    signIn(c, user.id);
    logger.info('account.login', { userId: user.id });
    audit?.record({ boardId: null, actorMemberId: null, kind: 'login', detail: { userId: user.id } });
    return reply(c, userResponse, { user: publicUser(user) });
  });

  app.post('/api/logout', (c) => {
    const who = signedIn(access, c.req.header('Cookie'));
    if (who) {
      sessions.revoke(who.session.id);
      // A ticket asked for before logout opens nothing after it.
      access.tickets.voidSession(who.session.id);
      const closed = access.liveSockets.closeSession(who.session.id);
      logger.info('account.logout', { userId: who.user?.id ?? '', sockets: closed });
      audit?.record({
        boardId: null,
        actorMemberId: null,
        kind: 'logout',
        detail: { userId: who.user?.id ?? null, sockets: closed },
      });
      // A guest device's members sign out of their boards: those boards' audits show it.
      for (const memberId of sessions.memberIds(who.session.id)) {
        const member = access.members.get(memberId);
        if (member) audit?.record({ boardId: member.boardId, actorMemberId: member.id, kind: 'logout' });
      }
    }
    clearSessionCookie(c, cookies);
    return c.body(null, 204);
  });

  // "Who am I" is asked by every page before anyone signs in: nobody is an answer, not an error.
  app.get('/api/me', (c) => {
    const who = signedIn(access, c.req.header('Cookie'));
    if (!who) return reply(c, meResponse, { user: null, members: [] });
    const members = sessions.memberIds(who.session.id).flatMap((id) => {
      const member = access.members.get(id);
      if (member === null || member.revokedAt !== null) return [];
      return [{ id: member.id, boardId: member.boardId, role: member.role, displayName: member.displayName }];
    });
    return reply(c, meResponse, { user: who.user ? publicUser(who.user) : null, members });
  });
}
