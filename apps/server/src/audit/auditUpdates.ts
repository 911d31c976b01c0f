import type { AuditChange } from '@kinmap/sync';
import type { Db } from '../storage/database.js';
import type { WriteAuthor } from '../storage/sqliteStore.js';

/**
 * Who wrote each stored update and what it did (no text): the audit's half of an append, kept
 * when the update is compacted away. The SQLite store writes a row in the same transaction as the
 * update (`writeAuditUpdate`); the audit log reads them (auditLog.ts). This file owns the table.
 */
export const AUDIT_UPDATES_SCHEMA = `
  CREATE TABLE IF NOT EXISTS audit_updates (
    board_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    participant_id TEXT,
    role TEXT,
    session_id TEXT,
    changes TEXT NOT NULL,
    PRIMARY KEY (board_id, seq)
  );
  CREATE INDEX IF NOT EXISTS audit_updates_by_time ON audit_updates (board_id, at);
`;

/**
 * Writes one update's audit row; the SQLite store calls it inside the transaction that stores the update.
 * @example const writeAuditUpdate = createAuditUpdateWriter(db); writeAuditUpdate('b', 7, author); */
export function createAuditUpdateWriter(db: Db): WriteAuthor {
  db.exec(AUDIT_UPDATES_SCHEMA);
  const insert = db.prepare(
    `INSERT INTO audit_updates (board_id, seq, at, participant_id, role, session_id, changes)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return function writeAuditUpdate(boardId, seq, author) {
    const changes = JSON.stringify(author.changes ?? []);
    insert.run(boardId, seq, author.at, author.participantId, author.role, author.sessionId, changes);
  };
}

/** The stored JSON; a hand-edited row that is not a list of changes reads as none. */
export function readChanges(json: string): AuditChange[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((c): c is AuditChange => typeof c?.kind === 'string') : [];
  } catch {
    return [];
  }
}
