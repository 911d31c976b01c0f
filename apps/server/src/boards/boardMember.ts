import { isId, type Role } from '@kinmap/model';
import type { Context } from 'hono';
import type { AccessControl } from '../access/accessControl.js';
import { memberOnBoard } from '../access/memberAuthenticator.js';
import type { MemberRecord } from '../access/members.js';
import { requireSignedIn } from '../accounts/accountRoutes.js';
import type { AuditLog } from '../audit/auditLog.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { type BoardRegistry, isBoardId } from './boardRegistry.js';

/** Facilitators and practitioners: the professionals who run the plan. */
export const STAFF_ROLES: readonly Role[] = ['facilitator', 'practitioner'];
/** Everyone on the board but viewers. */
export const CONTRIBUTOR_ROLES: readonly Role[] = ['facilitator', 'practitioner', 'family', 'network'];

export interface BoardMemberDeps {
  readonly registry: BoardRegistry;
  readonly access: AccessControl;
  readonly audit: Pick<AuditLog, 'record'>;
}

/**
 * The member behind a request on `:id`, if their role is in `allowed`: unknown board 404, signed
 * out 401, not a member 403, a role not allowed 403 (recorded as `refused` with `rule`, [AD2]).
 * @example const member = boardMember(c, deps, STAFF_ROLES, 'VE3', 'read versions')
 */
export function boardMember(
  c: Context,
  { registry, access, audit }: BoardMemberDeps,
  allowed: readonly Role[],
  rule: string,
  what: string,
): MemberRecord {
  const boardId = c.req.param('id') ?? '';
  if (!isBoardId(boardId) || registry.get(boardId) === null) {
    throw new ApiError(404, ApiErrorCode.notFound, 'No such board');
  }
  const member = memberOnBoard(access, requireSignedIn(c, access), boardId);
  if (!member) throw new ApiError(403, ApiErrorCode.forbidden, 'You are not a member of this board');
  if (!allowed.includes(member.role)) {
    audit.record({ boardId, actorMemberId: member.id, kind: 'refused', detail: { rule, role: member.role } });
    throw new ApiError(403, ApiErrorCode.forbidden, `A ${member.role} cannot ${what}`);
  }
  return member;
}

/** A path segment that must be an id (a version, a meeting, a card). */
export function pathId(value: string | undefined, name: string): string {
  if (value === undefined || !isId(value)) {
    throw new ApiError(400, ApiErrorCode.invalidInput, `${name} is not an id`);
  }
  return value;
}

/** The rooms could not read or change the board (storage failure, shutting down): try again. */
export const boardUnavailable = (): ApiError =>
  new ApiError(503, ApiErrorCode.unavailable, 'The board is not available; please try again');
