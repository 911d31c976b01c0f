import { crc32 } from 'node:zlib';
import type { Logger } from '@kinmap/sync';
import type Database from 'better-sqlite3';

/**
 * Stored records that failed their check, kept byte for byte (never deleted by the server) so an
 * operator can look at them; the board loads without them. `seq` is the update's sequence number,
 * or the snapshot's `through_seq`. Sealed records stay sealed here (`format`).
 */
export const QUARANTINE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS quarantined_updates (
    board_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    format INTEGER NOT NULL,
    reason TEXT NOT NULL,
    quarantined_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS quarantined_updates_by_board ON quarantined_updates (board_id, seq);
`;

/**
 * `checksum`: a plaintext record's bytes do not match the checksum written with them (corrupt or
 * truncated). `unreadable`: a sealed record fails authentication under the key in force.
 */
export type QuarantineReason = 'checksum' | 'unreadable';

export interface StoredRecord {
  readonly boardId: string;
  readonly kind: 'update' | 'snapshot';
  readonly seq: number;
  readonly data: Uint8Array;
  readonly format: number;
}

export interface Quarantine {
  /**
   * Moves the record out of `updates` / `snapshots` into `quarantined_updates` in one transaction
   * and logs `store.quarantined` (ids and sizes). If even that write fails (e.g. the disk is full),
   * the record stays where it is, is skipped by this load and found again by the next.
   */
  move(record: StoredRecord, reason: QuarantineReason): void;
}

/** The checksum stored beside a plaintext update or snapshot (CRC-32 of its bytes). */
export function checksumOf(bytes: Uint8Array): number {
  return crc32(bytes);
}

/** True when a plaintext record still holds the bytes its checksum was written for (rows from before checksums: always). */
export function checksumMatches(bytes: Uint8Array, crc: number | null): boolean {
  return crc === null || checksumOf(bytes) === crc;
}

export function createQuarantine(db: Database.Database, logger: Logger, now: () => number): Quarantine {
  const insert = db.prepare(
    `INSERT INTO quarantined_updates (board_id, kind, seq, data, format, reason, quarantined_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const removeUpdate = db.prepare('DELETE FROM updates WHERE board_id = ? AND seq = ?');
  const removeSnapshot = db.prepare('DELETE FROM snapshots WHERE board_id = ? AND through_seq = ?');
  const moveNow = db.transaction((record: StoredRecord, reason: QuarantineReason) => {
    const { boardId, kind, seq, data, format } = record;
    insert.run(boardId, kind, seq, data, format, reason, now());
    (kind === 'update' ? removeUpdate : removeSnapshot).run(boardId, seq);
  });
  return {
    move(record, reason) {
      const fields = {
        boardId: record.boardId,
        kind: record.kind,
        seq: record.seq,
        bytes: record.data.byteLength,
        reason,
      };
      try {
        moveNow(record, reason);
        logger.error('store.quarantined', fields);
      } catch {
        logger.error('store.quarantine_failed', fields);
      }
    },
  };
}
