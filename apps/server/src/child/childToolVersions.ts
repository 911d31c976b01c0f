import { areasOf, type ChildToolState, readChildTool, restoreChildTool } from '@kinmap/model';
import {
  childToolRoomId,
  restoreResponse,
  versionChildToolListResponse,
  versionChildToolResponse,
} from '@kinmap/protocol';
import type { Logger, Rooms } from '@kinmap/sync';
import type { Hono } from 'hono';
import * as Y from 'yjs';
import type { AccessControl } from '../access/accessControl.js';
import type { BoardMember } from '../access/authenticator.js';
import { boardGuard, memberBySession, refuser } from '../access/boardGuard.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { BoardRegistry } from '../boards/boardRegistry.js';
import { boardUnavailable, pathId } from '../boards/boardRequest.js';
import { versionMetaOf } from '../history/storedVersion.js';
import type { VersionChildTool, Versions } from '../history/versionStore.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { reply } from '../http/reply.js';
import type { RequestIdEnv } from '../http/requestId.js';
import { hasLeft } from './childToolRoutes.js';
import { type ChildToolRecord, type ChildTools, childToolAdmits } from './childTools.js';

/**
 * Every child's tool of a board as it stands, to keep with a version being saved ([CT7]). Each is
 * read in its room at its turn; a room that cannot be read fails the save (503), so a version never
 * silently lacks a tool.
 */
export async function captureChildTools(
  rooms: Pick<Rooms, 'read'>,
  childTools: Pick<ChildTools, 'ofBoard'>,
  boardId: string,
): Promise<VersionChildTool[]> {
  const kept: VersionChildTool[] = [];
  for (const tool of childTools.ofBoard(boardId)) {
    const read = await rooms.read(childToolRoomId(boardId, tool.id), (doc) => Y.encodeStateAsUpdate(doc));
    if (!read.ok) throw boardUnavailable();
    kept.push({ toolId: tool.id, bytes: read.value });
  }
  return kept;
}

/** A tool's content from the bytes a version kept (null: not a tool's document). */
export function decodeChildTool(bytes: Uint8Array): ChildToolState | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, bytes);
    return readChildTool(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * One child's tool as a version kept it, for the record PDF of that version and the routes below:
 * null when the version kept no such tool.
 */
export function versionChildTool(
  versions: Pick<Versions, 'childTool'>,
  boardId: string,
  versionId: string,
  toolId: string,
): ChildToolState | null {
  const bytes = versions.childTool(boardId, versionId, toolId);
  return bytes === null ? null : decodeChildTool(bytes);
}

export interface VersionChildToolRoutesOptions {
  readonly registry: BoardRegistry;
  readonly access: AccessControl;
  readonly rooms: Rooms;
  readonly versions: Versions;
  readonly childTools: ChildTools;
  readonly audit: Pick<AuditLog, 'record' | 'everRestricted'>;
  readonly logger: Logger;
}

const sameContent = (a: ChildToolState | null, b: ChildToolState | null): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The child's tools a saved version kept (docs/PROTOCOL.md "A child's tool"; SPEC [CT7]): listed,
 * read and brought back by staff — each only for those the child's choice admits **now**, so a
 * child who narrowed who sees a tool narrowed it in every old version too.
 */
export function registerVersionChildToolRoutes(
  app: Hono<RequestIdEnv>,
  options: VersionChildToolRoutesOptions,
): void {
  const { rooms, versions, childTools, audit, logger } = options;
  const guard = boardGuard({ resolve: memberBySession(options), audit });
  const refuse = refuser(audit);

  /** The tool now, to tell whether it changed since the version. */
  async function liveContent(tool: ChildToolRecord): Promise<ChildToolState | null> {
    const read = await rooms.read(childToolRoomId(tool.boardId, tool.id), readChildTool);
    if (!read.ok) throw boardUnavailable();
    return read.value;
  }

  /** What the list says of a tool: as the live list does, without Words and Pictures' stage. */
  const infoOf = (tool: ChildToolRecord, member: BoardMember) => ({
    id: tool.id,
    personId: tool.personId,
    kind: tool.kind,
    visibility: tool.visibility,
    named: [...tool.named],
    workerMemberId: tool.workerMemberId,
    workerLeft: hasLeft(options.access, tool.workerMemberId),
    createdAt: tool.createdAt,
    mayOpen: childToolAdmits(tool, member),
    wordsPictures: null,
  });

  /** A tool the version kept, which the child's choice now shows to `member`; else 404 / 403. */
  function keptTool(member: BoardMember, versionId: string, rawToolId: string | undefined) {
    const toolId = pathId(rawToolId, 'toolId');
    const tool = childTools.get(member.boardId, toolId);
    const content = tool === null ? null : versionChildTool(versions, member.boardId, versionId, toolId);
    if (tool === null || content === null) {
      throw new ApiError(404, ApiErrorCode.notFound, "The version kept no such child's tool");
    }
    return { tool, content };
  }

  // Staff see which tools the version kept; whether each changed since only if the child shows it to them.
  app.get('/api/boards/:id/versions/:vid/child-tools', guard('VE3'), async (c) => {
    const member = c.var.member;
    const { id: versionId } = versionMetaOf(versions, member.boardId, c.req.param('vid'));
    const tools = [];
    for (const toolId of versions.childToolIds(member.boardId, versionId)) {
      const tool = childTools.get(member.boardId, toolId);
      if (tool === null) continue;
      const admitted = childToolAdmits(tool, member);
      const changedSince = admitted
        ? !sameContent(versionChildTool(versions, member.boardId, versionId, toolId), await liveContent(tool))
        : null;
      tools.push({ tool: infoOf(tool, member), changedSince });
    }
    return reply(c, versionChildToolListResponse, { tools });
  });

  app.get('/api/boards/:id/versions/:vid/child-tools/:toolId', guard('VE3'), async (c) => {
    const member = c.var.member;
    const { id: versionId } = versionMetaOf(versions, member.boardId, c.req.param('vid'));
    const { tool, content } = keptTool(member, versionId, c.req.param('toolId'));
    if (!childToolAdmits(tool, member)) {
      throw new ApiError(403, ApiErrorCode.forbidden, 'The child has not chosen to show this to you');
    }
    const now = await liveContent(tool);
    const changedAreas = areasOf(tool.kind).filter(
      (area) => JSON.stringify(content.areas[area] ?? null) !== JSON.stringify(now?.areas[area] ?? null),
    );
    return reply(c, versionChildToolResponse, {
      tool: infoOf(tool, member),
      content,
      changedSince: !sameContent(content, now),
      changedAreas,
    });
  });

  // [CT7] Staff the child shows it to bring a tool back as the version kept it; audited as a restore.
  app.post('/api/boards/:id/versions/:vid/child-tools/:toolId/restore', guard('CT7'), async (c) => {
    const member = c.var.member;
    const { id: versionId } = versionMetaOf(versions, member.boardId, c.req.param('vid'));
    const { tool, content } = keptTool(member, versionId, c.req.param('toolId'));
    if (!childToolAdmits(tool, member)) {
      refuse(member, 'CT7', 'Only someone the child shows this to may bring it back');
    }
    const result = await rooms.change(childToolRoomId(member.boardId, tool.id), (doc) =>
      restoreChildTool(doc, content),
    );
    if (!result.ok) throw boardUnavailable();
    if (!result.value.ok) {
      throw new ApiError(400, ApiErrorCode.invalidInput, 'The tool could not be brought back');
    }
    const { changed } = result.value.value;
    audit.record({
      boardId: member.boardId,
      actorMemberId: member.memberId,
      kind: 'restore',
      detail: { versionId, cardId: null, toolId: tool.id, kind: tool.kind, changed, role: member.role },
    });
    logger.info('child.toolRestored', { boardId: member.boardId, versionId, toolId: tool.id, changed });
    return reply(c, restoreResponse, { changed });
  });
}
