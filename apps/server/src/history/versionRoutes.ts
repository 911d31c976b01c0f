import {
  asCardId,
  type BoardState,
  keepProfessionalsOnly,
  may,
  type Result,
  removeFromShared,
  restoreBoard,
  restoreCard,
  type VersionContent,
  type VersionMeta,
} from '@kinmap/model';
import {
  closedMeetingResponse,
  meetingListResponse,
  meetingResponse,
  openedVersionResponse,
  restoreRequest,
  restoreResponse,
  restrictedRoomId,
  savedVersionResponse,
  saveVersionRequest,
  startMeetingRequest,
  updateMeetingRequest,
  versionListResponse,
} from '@kinmap/protocol';
import type { Logger, Rooms } from '@kinmap/sync';
import type { Hono } from 'hono';
import type * as Y from 'yjs';
import type { AccessControl } from '../access/accessControl.js';
import type { BoardMember } from '../access/authenticator.js';
import { boardGuard, memberBySession, refuser } from '../access/boardGuard.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { BoardRegistry } from '../boards/boardRegistry.js';
import { boardUnavailable, pathId } from '../boards/boardRequest.js';
import type { ChildTools } from '../child/childTools.js';
import { captureChildTools } from '../child/childToolVersions.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { parseJsonBody } from '../http/jsonBody.js';
import { reply } from '../http/reply.js';
import type { RequestIdEnv } from '../http/requestId.js';
import { captureBoard, decodeVersion, restrictedNow } from './boardSnapshot.js';
import type { MeetingOutcome, Meetings } from './meetingStore.js';
import { storedVersion } from './storedVersion.js';
import type { Versions } from './versionStore.js';

export interface VersionRoutesOptions {
  readonly registry: BoardRegistry;
  readonly access: AccessControl;
  readonly rooms: Rooms;
  readonly versions: Versions;
  readonly meetings: Meetings;
  readonly audit: Pick<AuditLog, 'record' | 'everRestricted'>;
  readonly logger: Logger;
  /** The child's tools of each board, kept with every version ([CT7]). */
  readonly childTools: ChildTools;
}

/** A meeting's PATCH: 20,000 characters of decision and 3 × 200 names of 200, in UTF-8, fit. */
export const MEETING_MAX_BYTES = 512 * 1024;
export const MEETING_PATH = /^\/api\/boards\/[^/]+\/meetings\/[^/]+$/;

/**
 * Meetings, versions and restore (docs/PROTOCOL.md "Meetings and versions"; SPEC [VE1]–[VE7]).
 * A version is read from the live rooms at its turn and stored immutably; a restore writes
 * through `rooms.change`, so it is stored, broadcast and audited like any other change.
 */
export function registerVersionRoutes(app: Hono<RequestIdEnv>, options: VersionRoutesOptions): void {
  const { rooms, versions, meetings, audit, logger, access, childTools } = options;
  const guard = boardGuard({ resolve: memberBySession(options), audit });
  const refuse = refuser(audit);
  /** The name a version records: the member's, read when it is saved. */
  const nameOf = (member: BoardMember): string => access.members.get(member.memberId)?.displayName ?? '';

  /** [VE14] The ids of the cards professionals-only now; a room failure is 503 (fail closed). */
  async function hiddenNow(boardId: string): Promise<ReadonlySet<string>> {
    const hidden = await restrictedNow(rooms, boardId, audit.everRestricted(boardId));
    if (!hidden.ok) {
      logger.error('version.restricted_unreadable', { boardId, reason: hidden.reason });
      throw boardUnavailable();
    }
    return hidden.value;
  }

  /** Reads the board and the child's tools now; the caller stores what it read. */
  async function capture(boardId: string) {
    const captured = await captureBoard(rooms, boardId, logger);
    if (!captured.ok) {
      logger.error('version.capture_failed', { boardId, reason: captured.reason });
      throw boardUnavailable();
    }
    return { ...captured.value, childTools: await captureChildTools(rooms, childTools, boardId) };
  }

  app.get('/api/boards/:id/meetings', guard('VE3'), (c) => {
    const { boardId } = c.var.member;
    return reply(c, meetingListResponse, { meetings: meetings.list(boardId) });
  });

  app.post('/api/boards/:id/meetings', guard('VE4'), async (c) => {
    const { boardId, memberId: id } = c.var.member;
    const body = parseJsonBody(startMeetingRequest, await c.req.text());
    const meeting = meetingValue(
      meetings.start({ boardId, type: body.type, date: body.date, startedBy: id }),
    );
    logger.info('meeting.started', { boardId, meetingId: meeting.id });
    audit.record({ boardId, actorMemberId: id, kind: 'meeting-started', detail: { meetingId: meeting.id } });
    return reply(c, meetingResponse, { meeting }, 201);
  });

  app.patch('/api/boards/:id/meetings/:mid', guard('VE4'), async (c) => {
    const { boardId } = c.var.member;
    const meetingId = pathId(c.req.param('mid'), 'meetingId');
    const patch = parseJsonBody(updateMeetingRequest, await c.req.text());
    const meeting = meetingValue(meetings.update(boardId, meetingId, patch));
    return reply(c, meetingResponse, { meeting });
  });

  app.post('/api/boards/:id/meetings/:mid/close', guard('VE4'), async (c) => {
    const closer = c.var.member;
    const { boardId } = closer;
    const meetingId = pathId(c.req.param('mid'), 'meetingId');
    // Refused before the board is read; checked again inside the closing transaction.
    const current = meetings.get(boardId, meetingId);
    if (current === null) throw noSuchMeeting();
    if (current.closedAt !== null) throw meetingClosed();
    const captured = await capture(boardId);
    const closed = meetingValue(
      meetings.close(boardId, meetingId, closer.memberId, (meeting) =>
        versions.save({
          boardId,
          kind: 'meeting',
          label: '',
          createdBy: { memberId: closer.memberId, displayName: nameOf(closer) },
          meetingId: meeting.id,
          contentHash: captured.contentHash,
          shared: captured.shared,
          restricted: captured.restricted,
          childTools: captured.childTools,
        }),
      ),
    );
    logVersion(closed.version, 'meeting-closed', closer);
    return reply(c, closedMeetingResponse, closed);
  });

  app.get('/api/boards/:id/versions', guard('VE3'), (c) => {
    const { boardId } = c.var.member;
    return reply(c, versionListResponse, { versions: versions.list(boardId) });
  });

  app.post('/api/boards/:id/versions', guard('VE3'), async (c) => {
    const saver = c.var.member;
    const { label } = parseJsonBody(saveVersionRequest, await c.req.text());
    const captured = await capture(saver.boardId);
    const version = versions.save({
      boardId: saver.boardId,
      kind: 'manual',
      label,
      createdBy: { memberId: saver.memberId, displayName: nameOf(saver) },
      meetingId: null,
      contentHash: captured.contentHash,
      shared: captured.shared,
      restricted: captured.restricted,
      childTools: captured.childTools,
    });
    logVersion(version, 'version-saved', saver);
    return reply(c, savedVersionResponse, version, 201);
  });

  app.get('/api/boards/:id/versions/:vid', guard('VE3'), async (c) => {
    const { boardId } = c.var.member;
    const stored = storedVersion(versions, boardId, c.req.param('vid'));
    // [VE14] Shown as a restore would bring it back: professionals-only now is professionals-only.
    const content = keepProfessionalsOnly(decodeVersion(stored, logger), await hiddenNow(boardId));
    const meeting = stored.meta.meetingId === null ? null : meetings.get(boardId, stored.meta.meetingId);
    return reply(c, openedVersionResponse, {
      version: stored.meta,
      meeting,
      shared: content.shared,
      restricted: content.restricted,
    });
  });

  app.post('/api/boards/:id/versions/:vid/restore', guard('VE13'), async (c) => {
    const restorer = c.var.member;
    const { boardId } = restorer;
    const stored = storedVersion(versions, boardId, c.req.param('vid'));
    const { cardId } = parseJsonBody(restoreRequest, await c.req.text());
    if (cardId === undefined && !may(restorer.role, 'VE6')) {
      refuse(restorer, 'VE6', 'Only the facilitator can restore the whole board');
    }
    // [VE14] A card that is professionals-only now comes back professionals-only, even if the
    // version had it shared: a restore never shows the family what staff have since hidden.
    const saved = decodeVersion(stored, logger);
    const content = keepProfessionalsOnly(saved, await hiddenNow(boardId));
    const changed =
      cardId === undefined
        ? await restoreWholeBoard(rooms, boardId, {
            ...content,
            restricted: saved.restricted && content.restricted,
          })
        : await restoreOneCard(rooms, boardId, content, cardId);
    audit.record({
      boardId,
      actorMemberId: restorer.memberId,
      kind: 'restore',
      detail: { versionId: stored.meta.id, cardId: cardId ?? null, changed, role: restorer.role },
    });
    logger.info('version.restored', {
      boardId,
      versionId: stored.meta.id,
      card: cardId !== undefined,
      changed,
    });
    return reply(c, restoreResponse, { changed });
  });

  function logVersion(version: VersionMeta, kind: 'meeting-closed' | 'version-saved', by: BoardMember) {
    const { boardId, id: versionId, number, meetingId } = version;
    logger.info(kind === 'meeting-closed' ? 'meeting.closed' : 'version.saved', {
      boardId,
      versionId,
      number,
    });
    audit.record({
      boardId,
      actorMemberId: by.memberId,
      kind,
      detail: { versionId, number, meetingId, role: by.role },
    });
  }
}

function meetingValue<T>(outcome: MeetingOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  if (outcome.reason === 'not-found') throw noSuchMeeting();
  if (outcome.reason === 'closed') throw meetingClosed();
  throw new ApiError(409, ApiErrorCode.meetingOpen, 'A meeting is open already: close it first');
}

const noSuchMeeting = () => new ApiError(404, ApiErrorCode.notFound, 'No such meeting');
const meetingClosed = () =>
  new ApiError(409, ApiErrorCode.meetingClosed, 'The meeting is closed: its record cannot change');

/** Runs a model op in a room; a room failure is 503, a model refusal 400/404. */
async function changeRoom(
  rooms: Rooms,
  roomId: string,
  fn: (doc: Y.Doc) => Result<{ changed: number }>,
): Promise<number> {
  const result = await rooms.change(roomId, fn);
  if (!result.ok) throw boardUnavailable();
  if (!result.value.ok) {
    if (result.value.reason === 'not-found') throw new ApiError(404, ApiErrorCode.notFound, 'No such card');
    throw new ApiError(400, ApiErrorCode.invalidInput, 'The version could not be restored');
  }
  return result.value.value.changed;
}

/**
 * [VE6] Both documents are brought back to the version's. The restricted one first: a card that
 * moved between them since is never missing from both, and never shown to the family unless the
 * version showed it to them.
 */
async function restoreWholeBoard(rooms: Rooms, boardId: string, content: VersionContent): Promise<number> {
  let changed = 0;
  if (content.restricted !== null) {
    const target = content.restricted;
    changed += await changeRoom(rooms, restrictedRoomId(boardId), (doc) => restoreBoard(doc, target));
  }
  changed += await changeRoom(rooms, boardId, (doc) => restoreBoard(doc, content.shared));
  return changed;
}

/** [VE6] One card back in the document the version had it in, and out of the other one. */
async function restoreOneCard(
  rooms: Rooms,
  boardId: string,
  content: VersionContent,
  cardId: string,
): Promise<number> {
  const inShared = Object.hasOwn(content.shared.cards, cardId);
  const restricted: BoardState | null = content.restricted;
  if (!inShared && !(restricted && Object.hasOwn(restricted.cards, cardId))) {
    throw new ApiError(404, ApiErrorCode.notFound, 'The version has no such card');
  }
  const [home, other] = inShared
    ? [boardId, restrictedRoomId(boardId)]
    : [restrictedRoomId(boardId), boardId];
  const target = inShared ? content.shared : (restricted as BoardState);
  // Back where it was first, then out of the other document: never in neither.
  const changed = await changeRoom(rooms, home, (doc) => restoreCard(doc, target, asCardId(cardId)));
  const removed = await changeRoom(rooms, other, (doc) => {
    const result = removeFromShared(doc, [asCardId(cardId)]);
    return result.ok ? { ok: true, value: { changed: result.value.removed } } : result;
  });
  return changed + removed;
}
