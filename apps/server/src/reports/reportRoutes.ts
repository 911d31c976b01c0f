import {
  asParticipantId,
  type BoardState,
  boardExportJsonSchema,
  buildBoardExport,
  keepProfessionalsOnly,
  type MeetingRecord,
  parseBoardExport,
  registerParticipant,
  restoreBoard,
  type Trajectory,
  type TrajectoryMoment,
  trajectory,
  type VersionContent,
  type VersionMeta,
  withoutCards,
} from '@kinmap/model';
import {
  IMPORT_MAX_BYTES,
  importedBoardResponse,
  restrictedRoomId,
  trajectoryResponse,
} from '@kinmap/protocol';
import type { Rooms } from '@kinmap/sync';
import type { Context, Hono } from 'hono';
import type * as Y from 'yjs';
import type { BoardMember } from '../access/authenticator.js';
import { type BoardEnv, boardGuard, memberBySession } from '../access/boardGuard.js';
import { requireStaff } from '../accounts/accountRoutes.js';
import { boardUnavailable } from '../boards/boardRequest.js';
import { copyTitle } from '../boards/copyTitle.js';
import { recordChildTools } from '../child/recordChildTools.js';
import {
  captureBoard,
  decodeBoard,
  decodeVersion,
  readLogged,
  restrictedNow,
} from '../history/boardSnapshot.js';
import { storedVersion } from '../history/storedVersion.js';
import type { VersionRoutesOptions } from '../history/versionRoutes.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { reply } from '../http/reply.js';
import type { RequestIdEnv } from '../http/requestId.js';
import type { RenderReport, ReportRenderer } from './renderPool.js';
import { attachment, renderInSlot } from './renderSlot.js';

/** The version routes' dependencies: reports read the same boards, versions and meetings. */
export interface ReportRoutesOptions extends VersionRoutesOptions {
  readonly now?: () => number;
  /** Draws the PDFs off the event loop, within its caps and limits (renderPool.ts). */
  readonly renderer: ReportRenderer;
}

/** Largest import body: a 300-card board with long texts is well under 1 MiB of JSON. */
export { IMPORT_MAX_BYTES };
export const IMPORT_PATH = '/api/boards/import';
export const EXPORT_SCHEMA_PATH = '/api/schema/board-export-v1.json';
const IMPORTED_TITLE = 'Imported board';

/** What a report or export shows: a saved version, or the board as it is now. */
interface Source {
  readonly version: VersionMeta | null;
  readonly meeting: MeetingRecord | null;
  readonly content: VersionContent;
  readonly contentHash: string;
}

type Format = 'family-pdf' | 'record-pdf' | 'board-json';

/** [VE10] The export's JSON Schema, public: a case-management system validates files with it. */
export function registerExportSchemaRoute(app: Hono<RequestIdEnv>): void {
  const schema = JSON.stringify(boardExportJsonSchema(), null, 2);
  app.get(EXPORT_SCHEMA_PATH, (c) => {
    c.header('Content-Type', 'application/schema+json; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(schema);
  });
}

/**
 * The scaling trajectory, the family summary and record PDFs, and the JSON export and import
 * (docs/PROTOCOL.md "Reports and exports"; SPEC [VE7]–[VE12]). Reports are drawn from data, on
 * the server; every report and export is an audit `export` event.
 */
export function registerReportRoutes(app: Hono<RequestIdEnv>, options: ReportRoutesOptions): void {
  const {
    registry,
    access,
    rooms,
    versions,
    meetings,
    audit,
    logger,
    renderer,
    childTools,
    now = Date.now,
  } = options;

  const guard = boardGuard({ resolve: memberBySession(options), audit });

  /** [VE14] The ids of the cards professionals-only now; a room failure is 503 (fail closed). */
  async function hiddenNow(boardId: string): Promise<ReadonlySet<string>> {
    const hidden = await restrictedNow(rooms, boardId, audit.everRestricted(boardId));
    if (!hidden.ok) throw boardUnavailable();
    return hidden.value;
  }

  /**
   * A version, or the board now. `hidden` (the family side's reports) moves the cards that are
   * professionals-only now out of the version's shared document, whatever it held then ([VE14]).
   */
  async function sourceOf(
    boardId: string,
    versionId: string | undefined,
    hidden: ReadonlySet<string> | null = null,
  ): Promise<Source> {
    if (versionId !== undefined) {
      const stored = storedVersion(versions, boardId, versionId);
      const { meetingId } = stored.meta;
      const content = decodeVersion(stored, logger);
      return {
        version: stored.meta,
        meeting: meetingId === null ? null : meetings.get(boardId, meetingId),
        content: hidden === null ? content : keepProfessionalsOnly(content, hidden),
        contentHash: stored.meta.contentHash,
      };
    }
    const captured = await captureBoard(rooms, boardId, logger);
    if (!captured.ok) throw boardUnavailable();
    const { content, contentHash } = captured.value;
    return { version: null, meeting: null, content, contentHash };
  }

  /**
   * Meeting versions (up to `upTo` when it is given, itself included), then now when `live`. Each
   * version's board loses the cards in `hidden` (professionals-only now, [VE14]), with their pairs.
   */
  function trajectoryOf(
    boardId: string,
    upTo: VersionMeta | null,
    live: BoardState | null,
    hidden: ReadonlySet<string>,
  ): Trajectory {
    const moments: TrajectoryMoment[] = versions
      .list(boardId)
      .filter((v) =>
        upTo === null
          ? v.kind === 'meeting'
          : v.id === upTo.id || (v.kind === 'meeting' && v.number < upTo.number),
      )
      .map((meta) => {
        const stored = versions.get(boardId, meta.id);
        const meeting = meta.meetingId === null ? null : meetings.get(boardId, meta.meetingId);
        return {
          versionId: meta.id,
          at: meeting ? Date.parse(meeting.date) : meta.createdAt,
          label: meeting ? meeting.date : new Date(meta.createdAt).toISOString().slice(0, 10),
          board: withoutCards(
            decodeBoard((stored as NonNullable<typeof stored>).shared, {
              logger,
              place: { boardId, document: 'shared', versionId: meta.id },
            }),
            hidden,
          ),
        };
      });
    if (live !== null) moments.push({ versionId: null, at: now(), label: 'Now', board: live });
    return trajectory(moments);
  }

  function recordExport(member: BoardMember, format: Format, source: Source): void {
    const versionId = source.version?.id ?? null;
    audit.record({
      boardId: member.boardId,
      actorMemberId: member.memberId,
      kind: 'export',
      detail: { format, versionId, role: member.role },
    });
    logger.info('board.exported', {
      boardId: member.boardId,
      by: member.memberId,
      format,
      versionId: versionId ?? '',
    });
  }

  const reportInput = (member: BoardMember, source: Source, hidden: ReadonlySet<string>) => ({
    board: source.content.shared,
    version: source.version,
    meeting: source.meeting,
    trajectory: trajectoryOf(
      member.boardId,
      source.version,
      source.version ? null : source.content.shared,
      hidden,
    ),
    generatedAt: now(),
    generatedBy: {
      memberId: member.memberId,
      displayName: access.members.get(member.memberId)?.displayName ?? '',
      role: member.role,
    },
    contentHash: source.contentHash,
  });

  app.get('/api/boards/:id/trajectory', guard('VE7'), async (c) => {
    const { boardId } = c.var.member;
    const hidden = await hiddenNow(boardId);
    const live = await rooms.read(boardId, (doc) => readLogged(doc, logger, { boardId, document: 'shared' }));
    if (!live.ok) throw boardUnavailable();
    return reply(c, trajectoryResponse, trajectoryOf(boardId, null, live.value, hidden));
  });

  const withRenderSlot = <T>(c: Context, member: BoardMember, work: (render: RenderReport) => Promise<T>) =>
    renderInSlot(c, { renderer, access }, member, work);

  app.get('/api/boards/:id/reports/family.pdf', guard('VE8'), async (c) => {
    const { member } = c.var;
    const { pdf, source } = await withRenderSlot(c, member, async (render) => {
      // [VE8] The shared document only: professionals-only cards are in the restricted one; a
      // version's shared document loses the cards that are professionals-only now, whoever asks ([VE14]).
      const hidden = await hiddenNow(member.boardId);
      const source = await sourceOf(member.boardId, versionQuery(c), hidden);
      return { pdf: await render('family-summary', reportInput(member, source, hidden)), source };
    });
    recordExport(member, 'family-pdf', source);
    return attachment(
      c,
      pdf,
      'application/pdf',
      fileName(member.boardId, source.version, 'family-summary.pdf'),
    );
  });

  app.get('/api/boards/:id/reports/record.pdf', guard('VE9'), async (c) => {
    const { member } = c.var;
    const { pdf, source } = await withRenderSlot(c, member, async (render) => {
      const source = await sourceOf(member.boardId, versionQuery(c));
      // The record is staff's: every card, as the version held it; nothing is hidden from its trajectory.
      const input = {
        ...reportInput(member, source, new Set()),
        restricted: source.content.restricted,
        childTools: await recordChildTools(
          { rooms, versions, childTools, access },
          member,
          source.content.shared,
          source.version,
        ),
      };
      return { pdf: await render('record', input), source };
    });
    recordExport(member, 'record-pdf', source);
    return attachment(c, pdf, 'application/pdf', fileName(member.boardId, source.version, 'record.pdf'));
  });

  const exportRoute = (byVersion: boolean) => async (c: Context<BoardEnv>) => {
    const { member } = c.var;
    const source = await sourceOf(member.boardId, byVersion ? c.req.param('vid') : undefined);
    const exported = buildBoardExport({
      exportedAt: now(),
      board: { id: member.boardId, title: source.content.shared.meta.title },
      version: source.version,
      meeting: source.meeting,
      shared: source.content.shared,
      restricted: source.content.restricted,
    });
    recordExport(member, 'board-json', source);
    const json = new TextEncoder().encode(JSON.stringify(exported, null, 2));
    return attachment(
      c,
      json,
      'application/json; charset=utf-8',
      fileName(member.boardId, source.version, 'json'),
    );
  };
  app.get('/api/boards/:id/export.json', guard('VE10'), exportRoute(false));
  app.get('/api/boards/:id/versions/:vid/export.json', guard('VE10'), exportRoute(true));

  app.post(IMPORT_PATH, async (c) => {
    const staff = requireStaff(c, access).user;
    let json: unknown;
    try {
      json = JSON.parse(await c.req.text());
    } catch {
      throw new ApiError(400, ApiErrorCode.badJson, 'The body must be valid JSON');
    }
    const parsed = parseBoardExport(json);
    if (!parsed.ok) {
      // The detail names a path and a rule (model schema messages never quote the content).
      throw new ApiError(
        400,
        ApiErrorCode.invalidInput,
        `Not a Kinmap board export: ${parsed.detail ?? parsed.reason}`,
      );
    }
    const source = parsed.value;
    // Named as a copy when the importer's board list already shows that title ([VE11]).
    const taken = new Set(
      access.members.ofUser(staff.id).flatMap((m) => {
        const board = registry.get(m.boardId);
        return board ? [board.title] : [];
      }),
    );
    const title = copyTitle(source.shared.meta.title.trim() || IMPORTED_TITLE, taken);
    const exported = { ...source, shared: { ...source.shared, meta: { ...source.shared.meta, title } } };
    const created = await registry.create(title);
    if (!created.ok)
      throw new ApiError(400, ApiErrorCode.invalidInput, 'shared.meta.title is not valid text');
    const boardId = created.value.id;
    const restricted = exported.restricted;
    if (restricted !== null)
      await writeRoom(
        rooms,
        restrictedRoomId(boardId),
        (doc) => restoreBoard(doc, restricted, { keepUpdatedAt: true }).ok,
      );
    await writeRoom(rooms, boardId, (doc) => importShared(doc, exported.shared));
    const member = access.members.create({
      boardId,
      role: 'facilitator',
      displayName: staff.displayName,
      userId: staff.id,
    });
    const cards = Object.keys(exported.shared.cards).length + Object.keys(restricted?.cards ?? {}).length;
    audit.record({
      boardId,
      actorMemberId: member.id,
      kind: 'import',
      detail: { cards, role: 'facilitator' },
    });
    logger.info('board.imported', { boardId, memberId: member.id, cards });
    return reply(c, importedBoardResponse, { id: boardId, memberId: member.id }, 201);
  });
}

/**
 * [VE11] The export's shared board written into the new board's document: its content by
 * `restoreBoard`, its people with the dates they first joined, so authors keep their names.
 */
function importShared(doc: Y.Doc, shared: BoardState): boolean {
  if (!restoreBoard(doc, shared, { keepUpdatedAt: true }).ok) return false;
  for (const person of Object.values(shared.participants)) {
    const id = asParticipantId(person.id);
    const registered = registerParticipant(
      doc,
      { id, displayName: person.displayName, role: person.role },
      { now: person.joinedAt },
    );
    if (!registered.ok) return false;
  }
  return true;
}

async function writeRoom(rooms: Rooms, roomId: string, fn: (doc: Y.Doc) => boolean): Promise<void> {
  const result = await rooms.change(roomId, fn);
  if (!result.ok) throw boardUnavailable();
  if (!result.value) throw new ApiError(400, ApiErrorCode.invalidInput, 'The export could not be imported');
}

function versionQuery(c: Context): string | undefined {
  const value = c.req.query('version');
  return value === undefined || value === '' ? undefined : value;
}

/** Board id and version number only: a title names the family. */
function fileName(boardId: string, version: VersionMeta | null, suffix: string): string {
  return `kinmap-${boardId}-${version ? `v${version.number}` : 'current'}${suffix === 'json' ? '.json' : `-${suffix}`}`;
}
