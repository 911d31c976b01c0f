import { may } from '@kinmap/model';
import {
  childToolResponse,
  childToolRoomId,
  childToolWorkerRequest,
  NOT_CHOSEN_REASON,
} from '@kinmap/protocol';
import type { Logger } from '@kinmap/sync';
import type { Hono } from 'hono';
import type { AccessControl } from '../access/accessControl.js';
import type { Authenticator } from '../access/authenticator.js';
import { boardGuard, memberByAuthenticator, refuser } from '../access/boardGuard.js';
import type { AuditLog } from '../audit/auditLog.js';
import { pathId } from '../boards/boardRequest.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { parseJsonBody } from '../http/jsonBody.js';
import { reply } from '../http/reply.js';
import type { RequestIdEnv } from '../http/requestId.js';
import { hasLeft, infoFor } from './childToolRoutes.js';
import { type ChildTools, childToolAdmits } from './childTools.js';

export interface ChildToolWorkerRouteOptions {
  readonly authenticate: Authenticator;
  readonly access: AccessControl;
  readonly childTools: ChildTools;
  readonly audit: AuditLog;
  readonly logger: Logger;
}

/**
 * [CT8] A child's tool handed over to another worker, as happens when a case is allocated to a new
 * social worker: by its worker, or — once the worker's access to the board has ended — by the
 * facilitator, so that a tool the child showed "only my worker" is never left with nobody. The new
 * worker sees it always; the last one only as the child chose, and their open sockets close at once.
 */
export function registerChildToolWorkerRoute(
  app: Hono<RequestIdEnv>,
  { authenticate, access, childTools, audit, logger }: ChildToolWorkerRouteOptions,
): void {
  const guard = boardGuard({ resolve: memberByAuthenticator(authenticate), audit });
  const refuse = refuser(audit);

  app.put('/api/boards/:id/child-tools/:toolId/worker', guard('CT8'), async (c) => {
    const member = c.var.member;
    const toolId = pathId(c.req.param('toolId'), 'toolId');
    const { memberId } = parseJsonBody(childToolWorkerRequest, await c.req.text());
    const tool = childTools.get(member.boardId, toolId);
    if (tool === null) throw new ApiError(404, ApiErrorCode.notFound, "No such child's tool");
    const workerLeft = hasLeft(access, tool.workerMemberId);
    const isWorker = member.memberId === tool.workerMemberId;
    if (!isWorker && !(workerLeft && may(member.role, 'CT9'))) {
      refuse(
        member,
        'CT9',
        "Only the child's worker may hand this over, or the facilitator once the worker has left",
      );
    }
    const target = access.members.get(memberId);
    if (
      target === null ||
      target.boardId !== member.boardId ||
      target.revokedAt !== null ||
      !may(target.role, 'CT1') ||
      target.id === tool.workerMemberId
    ) {
      throw new ApiError(400, ApiErrorCode.invalidInput, 'memberId: another staff member of this board');
    }
    const changed = childTools.setWorker(member.boardId, toolId, target.id);
    if (changed === null) throw new ApiError(404, ApiErrorCode.notFound, "No such child's tool");
    audit.record({
      boardId: member.boardId,
      actorMemberId: member.memberId,
      kind: 'child-tool-worker',
      detail: { toolId, kind: tool.kind, workerLeft },
    });
    const closed = access.liveSockets.closeInRoom(
      childToolRoomId(member.boardId, toolId),
      (holderId) => {
        const holder = holderId === null ? null : access.members.get(holderId);
        return holder !== null && childToolAdmits(changed, { memberId: holder.id, role: holder.role });
      },
      NOT_CHOSEN_REASON,
    );
    logger.info('child.workerChanged', { boardId: member.boardId, toolId, workerLeft, closed });
    return reply(c, childToolResponse, { tool: infoFor(changed, member, false) });
  });
}
