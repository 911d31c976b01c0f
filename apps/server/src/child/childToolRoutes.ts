import { initChildTool, may, readBoard } from '@kinmap/model';
import {
  type ChildToolInfo,
  childToolListResponse,
  childToolResponse,
  childToolRoomId,
  childToolVisibilityRequest,
  createChildToolRequest,
  NOT_CHOSEN_REASON,
} from '@kinmap/protocol';
import type { Logger, Rooms } from '@kinmap/sync';
import type { Hono } from 'hono';
import type { AccessControl } from '../access/accessControl.js';
import type { Authenticator, BoardMember } from '../access/authenticator.js';
import { boardGuard, memberByAuthenticator, refuser } from '../access/boardGuard.js';
import type { AuditLog } from '../audit/auditLog.js';
import { boardUnavailable, pathId } from '../boards/boardRequest.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { parseJsonBody } from '../http/jsonBody.js';
import { reply } from '../http/reply.js';
import type { RequestIdEnv } from '../http/requestId.js';
import { type ChildToolRecord, type ChildTools, childToolAdmits, MAX_TOOLS_PER_BOARD } from './childTools.js';

export interface ChildToolRoutesOptions {
  readonly authenticate: Authenticator;
  readonly rooms: Rooms;
  readonly access: AccessControl;
  readonly childTools: ChildTools;
  readonly audit: AuditLog;
  readonly logger: Logger;
}

/** What a member is told of a tool: who it is shown to only if they are staff ([CT2]). */
function infoFor(tool: ChildToolRecord, member: BoardMember): ChildToolInfo {
  return {
    id: tool.id,
    personId: tool.personId,
    kind: tool.kind,
    visibility: tool.visibility,
    named: may(member.role, 'CT2') ? [...tool.named] : [],
    workerMemberId: tool.workerMemberId,
    createdAt: tool.createdAt,
    mayOpen: childToolAdmits(tool, member),
  };
}

/**
 * The child's tools over HTTP (docs/PROTOCOL.md "A child's tool"; SPEC [CT1]–[CT4]): list them,
 * start one with a child, and change who sees one. The tool's content never passes here: it is
 * written and read in its own room, which the upgrade opens only to those the child chose.
 */
export function registerChildToolRoutes(
  app: Hono<RequestIdEnv>,
  { authenticate, rooms, access, childTools, audit, logger }: ChildToolRoutesOptions,
): void {
  const guard = boardGuard({ resolve: memberByAuthenticator(authenticate), audit });
  const refuse = refuser(audit);

  // Staff see every tool (and whether they may open it); anyone else only what the child shows them.
  app.get('/api/boards/:id/child-tools', guard('AU6'), (c) => {
    const member = c.var.member;
    const tools = childTools
      .ofBoard(member.boardId)
      .filter((tool) => may(member.role, 'CT1') || childToolAdmits(tool, member))
      .map((tool) => infoFor(tool, member));
    return reply(c, childToolListResponse, { tools });
  });

  // [CT1] Staff start a tool with a child of the case; they are its worker, and it shows to them alone.
  app.post('/api/boards/:id/child-tools', guard('CT1'), async (c) => {
    const member = c.var.member;
    const { personId, kind } = parseJsonBody(createChildToolRequest, await c.req.text());
    const board = await rooms.read(member.boardId, readBoard);
    if (!board.ok) throw boardUnavailable();
    if (board.value.people[personId as keyof typeof board.value.people]?.kind !== 'child') {
      throw new ApiError(404, ApiErrorCode.notFound, 'No such child of the case');
    }
    if (childTools.countOfBoard(member.boardId) >= MAX_TOOLS_PER_BOARD) {
      throw new ApiError(
        409,
        ApiErrorCode.invalidInput,
        `A board holds at most ${MAX_TOOLS_PER_BOARD} child's tools`,
      );
    }
    const tool = childTools.create({
      boardId: member.boardId,
      personId,
      kind,
      workerMemberId: member.memberId,
    });
    const made = await rooms.change(childToolRoomId(member.boardId, tool.id), (doc) =>
      initChildTool(doc, { kind, toolId: tool.id, personId, createdAt: tool.createdAt }),
    );
    if (!made.ok || !made.value.ok) {
      childTools.remove(member.boardId, tool.id);
      throw boardUnavailable();
    }
    audit.record({
      boardId: member.boardId,
      actorMemberId: member.memberId,
      kind: 'child-tool-created',
      detail: { toolId: tool.id, kind },
    });
    logger.info('child.toolCreated', { boardId: member.boardId, toolId: tool.id, kind });
    return reply(c, childToolResponse, { tool: infoFor(tool, member) }, 201);
  });

  // [CT2] Who sees it, chosen with the child, by staff who can see it themselves; [CT3] those no
  // longer chosen are cut off at once.
  app.put('/api/boards/:id/child-tools/:toolId/visibility', guard('CT2'), async (c) => {
    const member = c.var.member;
    const toolId = pathId(c.req.param('toolId'), 'toolId');
    const { visibility, named = [] } = parseJsonBody(childToolVisibilityRequest, await c.req.text());
    const tool = childTools.get(member.boardId, toolId);
    if (tool === null) throw new ApiError(404, ApiErrorCode.notFound, "No such child's tool");
    if (!childToolAdmits(tool, member)) {
      refuse(member, 'CT2', 'Only someone the child shows this to may change who sees it');
    }
    const live = new Set(
      access.members
        .ofBoard(member.boardId)
        .filter((m) => m.revokedAt === null)
        .map((m) => m.id),
    );
    const strangers = named.filter((id) => !live.has(id));
    if (strangers.length > 0) {
      throw new ApiError(
        400,
        ApiErrorCode.invalidInput,
        `named: ${strangers.length} not members of this board`,
      );
    }
    const changed = childTools.setVisibility(member.boardId, toolId, visibility, named);
    if (changed === null) throw new ApiError(404, ApiErrorCode.notFound, "No such child's tool");
    audit.record({
      boardId: member.boardId,
      actorMemberId: member.memberId,
      kind: 'child-tool-visibility',
      detail: { toolId, kind: tool.kind, from: tool.visibility, to: visibility, named: changed.named.length },
    });
    const room = childToolRoomId(member.boardId, toolId);
    const closed = access.liveSockets.closeInRoom(
      room,
      (memberId) => {
        const holder = memberId === null ? null : access.members.get(memberId);
        return holder !== null && childToolAdmits(changed, { memberId: holder.id, role: holder.role });
      },
      NOT_CHOSEN_REASON,
    );
    logger.info('child.visibilityChanged', { boardId: member.boardId, toolId, visibility, closed });
    return reply(c, childToolResponse, { tool: infoFor(changed, member) });
  });
}
