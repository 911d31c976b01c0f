import { may, POLICY_SUMMARIES, type PolicyRuleId } from '@kinmap/model';
import type { Context, MiddlewareHandler } from 'hono';
import type { AuditLog } from '../audit/auditLog.js';
import { type BoardRegistry, isBoardId } from '../boards/boardRegistry.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import type { AccessControl } from './accessControl.js';
import { AUTH_FAILURE_RESPONSE, type Authenticator, type BoardMember } from './authenticator.js';
import { memberOnBoard, requireSignedIn } from './memberAuthenticator.js';

/** What a guarded route reads: `c.var.member`, resolved once per request. */
export type BoardEnv = { Variables: { member: BoardMember } };

/** Who is asking about the board in the path (`:id`); throws the route's 404/401/403. */
export type ResolveMember = (c: Context) => BoardMember;

/**
 * The board routes' way in: unknown board 404, signed out 401, signed in but not a live member of
 * this board 403 (SPEC [AU6]).
 */
export function memberBySession({
  registry,
  access,
}: {
  readonly registry: BoardRegistry;
  readonly access: AccessControl;
}): ResolveMember {
  return function resolveBySession(c) {
    const boardId = c.req.param('id') ?? '';
    if (!isBoardId(boardId) || registry.get(boardId) === null) {
      throw new ApiError(404, ApiErrorCode.notFound, 'No such board');
    }
    const who = requireSignedIn(c, access);
    const member = memberOnBoard(access, who, boardId);
    if (!member) throw new ApiError(403, ApiErrorCode.forbidden, 'You are not a member of this board');
    return { boardId, memberId: member.id, role: member.role, sessionId: who.session.id, via: 'session' };
  };
}

/**
 * The way in the upgrade takes too ([E1]): unknown board 404, no live member's session 401 (a
 * member of another board is nobody here), a refused ticket 403.
 */
export function memberByAuthenticator(authenticate: Authenticator): ResolveMember {
  return function resolveByAuthenticator(c) {
    const result = authenticate({ boardId: c.req.param('id') ?? '', headers: c.req.header() });
    if (!result.ok) {
      const { status, code, message } = AUTH_FAILURE_RESPONSE[result.reason];
      throw new ApiError(status, code, message);
    }
    const { ok: _ok, ...member } = result;
    return member;
  };
}

export interface BoardGuardOptions {
  readonly resolve: ResolveMember;
  /** Refusals are audit events with the rule id (SPEC [AD2]). */
  readonly audit?: Pick<AuditLog, 'record'> | undefined;
}

/** What a guard throws for a member whose role does not hold a rule. */
export type Refuse = (member: BoardMember, rule: PolicyRuleId, message?: string) => never;

/** Records a refusal by `rule` ([AD2]), then throws the 403. */
export function refuser(audit: Pick<AuditLog, 'record'> | undefined): Refuse {
  return function refuse(member, rule, message = `A ${member.role} may not ${POLICY_SUMMARIES[rule]}`) {
    audit?.record({
      boardId: member.boardId,
      actorMemberId: member.memberId,
      kind: 'refused',
      detail: { rule, role: member.role },
    });
    throw new ApiError(403, ApiErrorCode.forbidden, message);
  };
}

/**
 * One middleware per board route: resolves the member once, checks the rule against the policy
 * table (`may`), and hands the member on as `c.var.member`.
 * @example app.get('/api/boards/:id/versions', guard('VE3'), (c) => c.json(list(c.var.member.boardId)))
 */
export function boardGuard({ resolve, audit }: BoardGuardOptions) {
  const refuse = refuser(audit);
  return function guard(rule: PolicyRuleId): MiddlewareHandler<BoardEnv> {
    return async function boardGuardMiddleware(c, next) {
      const member = resolve(c);
      if (!may(member.role, rule)) refuse(member, rule);
      c.set('member', member);
      await next();
    };
  };
}
