import type { BoardId, Role } from '@kinmap/model';
import type { Context } from 'hono';
import { SESSION_COOKIE, type SessionRecord } from '../accounts/sessions.js';
import type { UserRecord } from '../accounts/users.js';
import { type BoardRegistry, isBoardId } from '../boards/boardRegistry.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import type { AccessControl } from './accessControl.js';
import type { Authenticator, AuthResult } from './authenticator.js';
import type { MemberRecord } from './members.js';

/** The signed-in device behind a request: its session, its staff user (if any). */
export interface SignedIn {
  readonly session: SessionRecord;
  readonly user: UserRecord | null;
}

/**
 * The value of one cookie in a `Cookie` header, or null.
 * @example readCookie('a=1; kinmap_session=xyz', 'kinmap_session') // 'xyz'
 */
export function readCookie(header: string | string[] | undefined, name: string): string | null {
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The live session a Cookie header carries; a disabled user's session signs in nobody. */
export function signedIn(
  access: AccessControl,
  cookieHeader: string | string[] | undefined,
): SignedIn | null {
  const secret = readCookie(cookieHeader, SESSION_COOKIE);
  if (secret === null) return null;
  const session = access.sessions.lookup(secret);
  if (session === null) return null;
  const user = session.userId === null ? null : access.users.byId(session.userId);
  if (user?.disabledAt != null) return null;
  return { session, user };
}

/** Throws 401 unless the request carries a live session. */
export function requireSignedIn(c: Context, access: AccessControl): SignedIn {
  const who = signedIn(access, c.req.header('Cookie'));
  if (!who) throw new ApiError(401, ApiErrorCode.notSignedIn, 'Sign in first');
  return who;
}

/**
 * Who this device is on a board: the staff user's member, else a guest member bound to the
 * session. Revoked members open nothing.
 */
export function memberOnBoard(access: AccessControl, who: SignedIn, boardId: string): MemberRecord | null {
  if (!isBoardId(boardId)) return null;
  if (who.user) {
    const staff = access.members.ofUserOnBoard(who.user.id, boardId);
    if (staff) return staff;
  }
  for (const memberId of access.sessions.memberIds(who.session.id)) {
    const member = access.members.get(memberId);
    if (member && member.boardId === boardId && member.revokedAt === null) return member;
  }
  return null;
}

export interface AccessAuthenticatorOptions {
  readonly registry: BoardRegistry;
  readonly access: AccessControl;
}

/**
 * The cookie session first, then a one-time ticket (only when the request offers one, i.e. the
 * WebSocket upgrade). Order: malformed or unknown board (404; board ids carry 128 random bits, so
 * revealing that one exists gives nothing away), a live member's session, then the ticket; nothing
 * else opens a board. A ticket that does not open this board is a 403, never a 401: it was spent.
 * Results carry `memberId` and `via`, so the upgrade can demand a same-origin `Origin` for cookie
 * connections.
 */
export function createAccessAuthenticator({ registry, access }: AccessAuthenticatorOptions): Authenticator {
  return function authenticateByAccess(request) {
    const { boardId } = request;
    if (!isBoardId(boardId) || registry.get(boardId) === null) return { ok: false, reason: 'unknown-board' };
    const who = signedIn(access, request.headers?.cookie);
    const member = who ? memberOnBoard(access, who, boardId) : null;
    if (who && member) return granted(boardId, member.role, member.id, who.session.id, 'session');
    if (request.ticket) {
      const grant = access.tickets.redeem(request.ticket, boardId);
      const holder = grant ? access.members.get(grant.memberId) : null;
      // Re-checked at redemption: a member revoked, a session signed out, or an account
      // disabled after the ticket was issued gets nothing.
      if (
        !grant ||
        !holder ||
        holder.revokedAt !== null ||
        accountDisabled(access, holder.userId) ||
        !sessionStillLive(access, grant.sessionId)
      )
        return { ok: false, reason: 'ticket-refused' };
      return granted(boardId, holder.role, holder.id, grant.sessionId, 'ticket');
    }
    return { ok: false, reason: 'not-signed-in' };
  };
}

/** A staff member whose account an administrator disabled opens nothing, by ticket either. */
function accountDisabled(access: AccessControl, userId: string | null): boolean {
  return userId !== null && access.users.byId(userId)?.disabledAt != null;
}

/** A ticket's session must still sign someone in: not revoked, not expired, its user not disabled. */
function sessionStillLive(access: AccessControl, sessionId: string | null): boolean {
  if (sessionId === null) return true;
  const session = access.sessions.liveById(sessionId);
  if (session === null) return false;
  const user = session.userId === null ? null : access.users.byId(session.userId);
  return user?.disabledAt == null;
}

function granted(
  boardId: BoardId,
  role: Role,
  memberId: string,
  sessionId: string | null,
  via: 'session' | 'ticket',
): AuthResult {
  return { ok: true, boardId, role, memberId, sessionId, via };
}
