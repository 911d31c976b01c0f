import { type AuditQuery, auditPageResponse, auditQuery } from '@kinmap/protocol';
import type { AuditChange, Logger } from '@kinmap/sync';
import type { Context, Hono } from 'hono';
import type { AccessControl } from '../access/accessControl.js';
import type { BoardEnv } from '../access/boardGuard.js';
import { boardGuard, memberBySession } from '../access/boardGuard.js';
import type { MemberRecord } from '../access/members.js';
import type { BoardRegistry } from '../boards/boardRegistry.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { reply } from '../http/reply.js';
import type { RequestIdEnv } from '../http/requestId.js';
import type { AuditLog, AuditRow, AuditRowsOptions } from './auditLog.js';
import { summarizeChanges, summarizeEvent } from './auditSummary.js';

export interface AuditRoutesOptions {
  readonly registry: BoardRegistry;
  readonly access: AccessControl;
  readonly audit: AuditLog;
  readonly logger: Logger;
}

/** One line of the readable history (docs/PROTOCOL.md "Audit"). */
export interface AuditEntry {
  /** Pass as `?after=` to read on from here. */
  readonly cursor: string;
  readonly at: number;
  readonly source: 'update' | 'event';
  /** `update` for document updates, else the event's kind (`join`, `refused`, …). */
  readonly kind: string;
  /** Null for the server's own changes. */
  readonly actor: {
    readonly memberId: string | null;
    readonly name: string | null;
    readonly role: string | null;
  } | null;
  readonly summary: string;
  readonly seq?: number;
  readonly sessionId?: string | null;
  readonly changes?: readonly AuditChange[];
  readonly detail?: Readonly<Record<string, unknown>>;
}

export const DEFAULT_AUDIT_PAGE = 100;
export const MAX_AUDIT_PAGE = 500;

/**
 * The board's audit for its staff (SPEC [AD3], [AD4]): the history page and the CSV and JSON
 * exports. Names come from the members table (staff may see them); everything else is ids, kinds
 * and numbers. Every refusal and every export is itself recorded.
 */
export function registerAuditRoutes(
  app: Hono<RequestIdEnv>,
  { registry, access, audit, logger }: AuditRoutesOptions,
): void {
  // Staff read the audit ([AD3]); anyone else is refused and the refusal recorded.
  const reader = boardGuard({ resolve: memberBySession({ registry, access }), audit })('AD3');

  const entriesOf = (boardId: string, options: AuditRowsOptions = {}): AuditEntry[] => {
    const names = new Map(access.members.ofBoard(boardId).map((m) => [m.id, m]));
    return audit.rows(boardId, options).map((row) => toEntry(row, names));
  };

  app.get('/api/boards/:id/audit', reader, (c) => {
    const { boardId } = c.var.member;
    const query = parseAuditQuery(c.req.queries());
    const limit = query.limit ?? DEFAULT_AUDIT_PAGE;
    const entries = entriesOf(boardId, {
      after: query.after ?? null,
      limit,
      member: query.member ?? null,
      kind: query.kind ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
    });
    const next = entries.length === limit ? (entries.at(-1)?.cursor ?? null) : null;
    const people = access.members
      .ofBoard(boardId)
      .map((m) => ({ memberId: m.id, name: m.displayName, role: m.role }));
    return reply(c, auditPageResponse, { entries, next, people });
  });

  const exportRoute = (format: 'csv' | 'json') => (c: Context<BoardEnv>) => {
    const { member } = c.var;
    // Recorded first, so the file shows who exported it.
    audit.record({
      boardId: member.boardId,
      actorMemberId: member.memberId,
      kind: 'export',
      detail: { format },
    });
    const entries = entriesOf(member.boardId);
    logger.info('audit.exported', {
      boardId: member.boardId,
      by: member.memberId,
      format,
      entries: entries.length,
    });
    const stamp = new Date(access.now()).toISOString().slice(0, 10);
    c.header(
      'Content-Disposition',
      `attachment; filename="kinmap-audit-${member.boardId}-${stamp}.${format}"`,
    );
    c.header('Cache-Control', 'no-store');
    if (format === 'json') {
      c.header('Content-Type', 'application/json; charset=utf-8');
      return c.body(JSON.stringify({ boardId: member.boardId, exportedAt: access.now(), entries }, null, 2));
    }
    c.header('Content-Type', 'text/csv; charset=utf-8');
    return c.body(toCsv(entries));
  };
  app.get('/api/boards/:id/audit.json', reader, exportRoute('json'));
  app.get('/api/boards/:id/audit.csv', reader, exportRoute('csv'));
}

function toEntry(row: AuditRow, members: ReadonlyMap<string, MemberRecord>): AuditEntry {
  const nameOf = (id: string) => members.get(id)?.displayName ?? null;
  // The role stored with the record wins: it is the role the person acted in.
  const actorOf = (memberId: string | null, role: string | null) =>
    memberId === null && role === null
      ? null
      : {
          memberId,
          name: memberId === null ? null : nameOf(memberId),
          role: role ?? (memberId === null ? null : (members.get(memberId)?.role ?? null)),
        };
  if (row.source === 'update') {
    return {
      cursor: row.cursor,
      at: row.at,
      source: 'update',
      kind: 'update',
      actor: actorOf(row.participantId, row.role),
      summary: summarizeChanges(row.changes, nameOf, row.role === null),
      seq: row.seq,
      sessionId: row.sessionId,
      changes: row.changes,
    };
  }
  return {
    cursor: row.cursor,
    at: row.at,
    source: 'event',
    kind: row.kind,
    actor: actorOf(row.actorMemberId, actingRole(row)),
    summary: summarizeEvent(row.kind, row.detail, nameOf),
    detail: row.detail,
  };
}

/**
 * Events whose `detail.role` is the role of the person or invite acted upon ("created an invite for
 * a family member"), not the actor's: the actor's role then comes from the members table.
 */
const ROLE_OF_SUBJECT: ReadonlySet<string> = new Set(['invite-created', 'invite-revoked', 'member-revoked']);

/** The role an event's actor acted in, when the event records it. */
function actingRole(row: Extract<AuditRow, { source: 'event' }>): string | null {
  if (ROLE_OF_SUBJECT.has(row.kind)) return null;
  return typeof row.detail.role === 'string' ? row.detail.role : null;
}

/**
 * The history route's query (`@kinmap/protocol` auditQuery), or 400 `invalid-input`. A parameter
 * given twice is refused rather than silently reading one of them.
 */
export function parseAuditQuery(raw: Record<string, string[]>): AuditQuery {
  const single: Record<string, string> = {};
  for (const [key, values] of Object.entries(raw)) {
    if (values.length !== 1) {
      throw new ApiError(400, ApiErrorCode.invalidInput, `${key.slice(0, 32)} may be given once`);
    }
    single[key] = values[0] as string;
  }
  const parsed = auditQuery.safeParse(single);
  if (!parsed.success) {
    // Names the parameter, never echoes what was sent.
    const issue = parsed.error.issues[0];
    const where = issue?.code === 'unrecognized_keys' ? 'an unknown parameter' : issue?.path.join('.');
    throw new ApiError(400, ApiErrorCode.invalidInput, `${where || 'the query'} is not valid`);
  }
  return parsed.data;
}

const CSV_COLUMNS = ['time', 'actor', 'role', 'member_id', 'kind', 'summary', 'seq'] as const;

/**
 * RFC 4180 CSV. A cell a spreadsheet would read as a formula (= + - @, tab, carriage return) gets a
 * leading apostrophe: names are chosen by the people they name (CSV injection).
 */
export function toCsv(entries: readonly AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    const cells = [
      new Date(entry.at).toISOString(),
      entry.actor?.name ?? (entry.actor === null ? 'Kinmap (server)' : ''),
      entry.actor?.role ?? '',
      entry.actor?.memberId ?? '',
      entry.kind,
      entry.summary,
      entry.seq === undefined ? '' : String(entry.seq),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
