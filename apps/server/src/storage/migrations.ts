import { addMissingColumns, type Db, dropPresentColumns } from './database.js';
import { QUARANTINE_SCHEMA } from './quarantine.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS updates (
    board_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (board_id, seq)
  );
  CREATE TABLE IF NOT EXISTS snapshots (
    board_id TEXT PRIMARY KEY,
    through_seq INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  ${QUARANTINE_SCHEMA}
`;

/**
 * Brings the store's tables to the current shape; safe on every open, and keeps every stored row.
 * - `format` says whether a blob is sealed (KINMAP_DATA_KEY); older rows read as plaintext.
 * - `crc` is the CRC-32 of a plaintext blob (issue 6); null for sealed rows (GCM authenticates
 *   them) and rows written before checksums.
 * - `participant_id`, `role` and `session_id` on `updates` were written on every append and never
 *   read: the same facts live in `audit_updates` (audit/auditUpdates.ts), which outlives compaction.
 */
export function migrateStore(db: Db): void {
  db.exec(SCHEMA);
  addMissingColumns(db, 'updates', { format: 'INTEGER NOT NULL DEFAULT 0', crc: 'INTEGER' });
  addMissingColumns(db, 'snapshots', { format: 'INTEGER NOT NULL DEFAULT 0', crc: 'INTEGER' });
  dropPresentColumns(db, 'updates', ['participant_id', 'role', 'session_id']);
}
