import {
  newUserRequest,
  resetPasswordRequest,
  type StaffAccount,
  staffAccountResponse,
  staffAccountsResponse,
  userResponse,
} from '@kinmap/protocol';
import type { Logger } from '@kinmap/sync';
import type { Context, Hono } from 'hono';
import type { AccessControl } from '../access/accessControl.js';
import type { AuditEventKind, AuditLog } from '../audit/auditLog.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { parseJsonBody } from '../http/jsonBody.js';
import { reply } from '../http/reply.js';
import type { RequestIdEnv } from '../http/requestId.js';
import { publicUser, requireStaff } from './accountRoutes.js';
import { hashPassword } from './password.js';
import type { UserRecord } from './users.js';

export interface StaffRoutesOptions {
  readonly access: AccessControl;
  readonly logger: Logger;
  readonly audit: Pick<AuditLog, 'record'>;
}

/** What an administrator sees of an account: never its password hash. */
const staffAccount = (user: UserRecord): StaffAccount => ({
  ...publicUser(user),
  createdAt: user.createdAt,
  disabledAt: user.disabledAt,
});

/** Throws 401/403 unless the request carries an administrator's session. */
function requireAdmin(c: Context, access: AccessControl): UserRecord {
  const { user } = requireStaff(c, access);
  if (!user.isAdmin)
    throw new ApiError(403, ApiErrorCode.forbidden, 'Only an administrator can manage staff accounts');
  return user;
}

/**
 * The administrators' staff screen (SPEC [SA1]–[SA3]): list, add, disable or enable again, and set
 * a new password. Disabling and a new password end the account's sessions and close its live
 * sockets at once; an administrator cannot disable their own account or the last administrator.
 * Every change is an audit event with ids only.
 */
export function registerStaffRoutes(
  app: Hono<RequestIdEnv>,
  { access, logger, audit }: StaffRoutesOptions,
): void {
  const { users } = access;

  const target = (c: Context): UserRecord => {
    const user = users.byId(c.req.param('id') ?? '');
    if (!user) throw new ApiError(404, ApiErrorCode.notFound, 'No such staff account');
    return user;
  };

  const record = (kind: AuditEventKind, admin: UserRecord, user: UserRecord, extra = {}) => {
    audit.record({
      boardId: null,
      actorMemberId: null,
      kind,
      detail: { userId: user.id, by: admin.id, ...extra },
    });
    logger.info(`account.${kind}`, { userId: user.id, by: admin.id, ...extra });
  };

  /** Ends every session of the account and closes every socket it holds, by session or ticket. */
  const signOutEverywhere = (user: UserRecord): { sessions: number; sockets: number } => {
    const sessionIds = access.sessions.revokeUser(user.id);
    let sockets = 0;
    for (const id of sessionIds) sockets += access.liveSockets.closeSession(id);
    for (const member of access.members.ofUser(user.id)) sockets += access.liveSockets.closeMember(member.id);
    return { sessions: sessionIds.length, sockets };
  };

  app.get('/api/users', (c) => {
    requireAdmin(c, access);
    return reply(c, staffAccountsResponse, { users: users.list().map(staffAccount) });
  });

  // [SA1] Only an administrator adds staff.
  app.post('/api/users', async (c) => {
    const admin = requireAdmin(c, access);
    const body = parseJsonBody(newUserRequest, await c.req.text());
    const passwordHash = await hashPassword(body.password, access.scryptCost);
    const created = users.create({
      email: body.email,
      displayName: body.displayName,
      passwordHash,
      isAdmin: body.isAdmin ?? false,
    });
    if (!created.ok) throw new ApiError(409, ApiErrorCode.emailTaken, 'An account with this email exists');
    record('account-created', admin, created.value, { isAdmin: created.value.isAdmin });
    return reply(c, userResponse, { user: publicUser(created.value) }, 201);
  });

  // [SA2] Disabling signs the account out everywhere; never oneself, never the last administrator.
  app.post('/api/users/:id/disable', (c) => {
    const admin = requireAdmin(c, access);
    const user = target(c);
    if (user.id === admin.id)
      throw new ApiError(409, ApiErrorCode.accountProtected, 'You cannot disable your own account');
    if (user.isAdmin && user.disabledAt === null && users.activeAdminCount() <= 1)
      throw new ApiError(409, ApiErrorCode.accountProtected, 'The last administrator cannot be disabled');
    if (user.disabledAt === null) users.setDisabled(user.id, access.now());
    const ended = signOutEverywhere(user);
    record('account-disabled', admin, user, ended);
    return reply(c, staffAccountResponse, { user: staffAccount(users.byId(user.id) ?? user) });
  });

  app.post('/api/users/:id/enable', (c) => {
    const admin = requireAdmin(c, access);
    const user = target(c);
    users.setDisabled(user.id, null);
    record('account-enabled', admin, user);
    return reply(c, staffAccountResponse, { user: staffAccount(users.byId(user.id) ?? user) });
  });

  // [SA3] A new password, chosen by the administrator and passed on in person; old sessions end.
  app.post('/api/users/:id/password', async (c) => {
    const admin = requireAdmin(c, access);
    const user = target(c);
    const body = parseJsonBody(resetPasswordRequest, await c.req.text());
    users.setPasswordHash(user.id, await hashPassword(body.password, access.scryptCost));
    const ended = signOutEverywhere(user);
    record('password-reset', admin, user, ended);
    return reply(c, staffAccountResponse, { user: staffAccount(users.byId(user.id) ?? user) });
  });
}
