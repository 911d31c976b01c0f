import { type AuditKind, restrictedRoomId } from '@kinmap/protocol';
import type { AuditChange, Logger } from '@kinmap/sync';
import type Database from 'better-sqlite3';
import { silentLogger } from '../ops/logger.js';
import { AUDIT_UPDATES_SCHEMA, readChanges } from './auditUpdates.js';

/**
 * What happened besides document updates (docs/SPEC.md [AD2]): a board's events are the kinds the
 * history's `kind=` filter knows (`@kinmap/protocol` AUDIT_KINDS, one list for server and web), and
 * an administrator's changes on the staff screen belong to no board, so no board's history filters on them.
 */
export type AuditEventKind =
  | Exclude<AuditKind, 'update'>
  | 'account-created'
  | 'account-disabled'
  | 'account-enabled'
  | 'password-reset'
  | 'lobby-opened'
  | 'lobby-closed'
  | 'lobby-admitted'
  | 'lobby-declined';

/** Which rows of a board's history to read: a page after a cursor, and optional filters. */
export interface AuditRowsOptions {
  readonly after?: string | null;
  readonly limit?: number;
  /** Only rows by this member (the actor of an event, the writer of an update). */
  readonly member?: string | null;
  /** Only document updates (`update`) or only events of this kind. */
  readonly kind?: AuditKind | null;
  /** Only rows with `from` ≤ at < `to` (ms). */
  readonly from?: number | null;
  readonly to?: number | null;
}

/** Ids, roles, rule ids, counts and formats only: never text, names or emails. */
export type AuditDetail = Readonly<Record<string, string | number | boolean | null>>;

export interface NewAuditEvent {
  /** Null for events that belong to no board (sign-in, sign-out). */
  readonly boardId: string | null;
  readonly actorMemberId: string | null;
  readonly kind: AuditEventKind;
  readonly detail?: AuditDetail;
}

/** One row of a board's history, from either table, in time order. */
export type AuditRow =
  | {
      readonly source: 'update';
      readonly cursor: string;
      readonly at: number;
      readonly seq: number;
      readonly participantId: string | null;
      readonly role: string | null;
      readonly sessionId: string | null;
      readonly changes: readonly AuditChange[];
    }
  | {
      readonly source: 'event';
      readonly cursor: string;
      readonly at: number;
      readonly id: number;
      readonly actorMemberId: string | null;
      readonly kind: AuditEventKind;
      readonly detail: AuditDetail;
    };

export interface AuditLog {
  /** Records an event; a failure is logged (ids only) and never reaches the caller's request. */
  record(event: NewAuditEvent): void;
  /**
   * A board's updates and events merged in time order (ties: updates first, each in its own order),
   * after `cursor` (an entry's `cursor`, opaque to clients), at most `limit`.
   */
  rows(boardId: string, options?: AuditRowsOptions): AuditRow[];
  /** Events that belong to no board (sign-in, sign-out), newest last. */
  accountEvents(limit?: number): Array<Extract<AuditRow, { source: 'event' }>>;
  /**
   * [VE14] Every card id ever added to the board's restricted document (moved there or written
   * there), read from the stored updates' classified changes, which outlive compaction.
   */
  everRestricted(boardId: string): ReadonlySet<string>;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT,
    at INTEGER NOT NULL,
    actor_member_id TEXT,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS audit_events_by_time ON audit_events (board_id, at);
`;

/** `<at>.<0 update | 1 event>.<row id>`: the merge order as a string clients hand back. */
const CURSOR = /^(\d{1,16})\.([01])\.(\d{1,16})$/;

export function parseCursor(value: string | null | undefined): [number, number, number] | null {
  const match = CURSOR.exec(value ?? '');
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

interface MergedRow {
  at: number;
  source: 0 | 1;
  n: number;
  seq: number | null;
  actor: string | null;
  role: string | null;
  session_id: string | null;
  kind: string | null;
  payload: string;
}

/** @example const audit = createAuditLog(db); audit.record({ boardId, actorMemberId, kind: 'join' }) */
export function createAuditLog(
  db: Database.Database,
  { now = Date.now, logger = silentLogger }: { now?: () => number; logger?: Logger } = {},
): AuditLog {
  db.exec(AUDIT_UPDATES_SCHEMA);
  db.exec(SCHEMA);
  const insert = db.prepare(
    'INSERT INTO audit_events (board_id, at, actor_member_id, kind, detail) VALUES (?, ?, ?, ?, ?)',
  );
  const merged = db.prepare(
    `SELECT * FROM (
       SELECT at, 0 AS source, rowid AS n, seq, participant_id AS actor, role, session_id, NULL AS kind,
              changes AS payload
       FROM audit_updates WHERE board_id IN (@board, @restricted)
       UNION ALL
       SELECT at, 1 AS source, id AS n, NULL AS seq, actor_member_id AS actor, NULL AS role,
              NULL AS session_id, kind, detail AS payload
       FROM audit_events WHERE board_id = @board
     ) WHERE (at, source, n) > (@at, @source, @n)
       AND (@member IS NULL OR actor = @member)
       AND (@kind IS NULL OR COALESCE(kind, 'update') = @kind)
       AND (@from IS NULL OR at >= @from)
       AND (@to IS NULL OR at < @to)
     ORDER BY at, source, n LIMIT @limit`,
  );
  const accountEvents = db.prepare(
    `SELECT at, 1 AS source, id AS n, NULL AS seq, actor_member_id AS actor, NULL AS role,
            NULL AS session_id, kind, detail AS payload
     FROM audit_events WHERE board_id IS NULL ORDER BY id DESC LIMIT ?`,
  );
  const restrictedAdds = db.prepare(
    `SELECT changes FROM audit_updates WHERE board_id = ? AND changes LIKE '%"card-added"%'`,
  );
  return {
    everRestricted(boardId) {
      const ids = new Set<string>();
      const rows = restrictedAdds.all(restrictedRoomId(boardId)) as { changes: string }[];
      for (const row of rows) {
        for (const change of readChanges(row.changes)) {
          if (change.kind === 'card-added' && typeof change.cardId === 'string') ids.add(change.cardId);
        }
      }
      return ids;
    },
    record({ boardId, actorMemberId, kind, detail = {} }) {
      try {
        insert.run(boardId, now(), actorMemberId, kind, JSON.stringify(detail));
      } catch (error) {
        logger.error('audit.record_failed', { kind, name: error instanceof Error ? error.name : 'unknown' });
      }
    },
    rows(boardId, { after = null, limit = -1, member = null, kind = null, from = null, to = null } = {}) {
      const [at, source, n] = parseCursor(after) ?? [-1, 0, 0];
      // The board's restricted document (professionals-only cards) is part of its history too.
      const restricted = restrictedRoomId(boardId);
      return (
        merged.all({
          board: boardId,
          restricted,
          at,
          source,
          n,
          limit,
          member,
          kind,
          from,
          to,
        }) as MergedRow[]
      ).map(toRow);
    },
    accountEvents(limit = 100) {
      return (accountEvents.all(limit) as MergedRow[])
        .map(toRow)
        .filter((row): row is Extract<AuditRow, { source: 'event' }> => row.source === 'event')
        .reverse();
    },
  };
}

function toRow(row: MergedRow): AuditRow {
  const cursor = `${row.at}.${row.source}.${row.n}`;
  if (row.source === 0) {
    return {
      source: 'update',
      cursor,
      at: row.at,
      seq: row.seq ?? 0,
      participantId: row.actor,
      role: row.role,
      sessionId: row.session_id,
      changes: readChanges(row.payload),
    };
  }
  return {
    source: 'event',
    cursor,
    at: row.at,
    id: row.n,
    actorMemberId: row.actor,
    kind: row.kind as AuditEventKind,
    detail: parseDetail(row.payload),
  };
}

function parseDetail(json: string): AuditDetail {
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as AuditDetail)
      : {};
  } catch {
    return {};
  }
}
