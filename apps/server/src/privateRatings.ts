import type { ScaleRating } from '@kinmap/model';
import type Database from 'better-sqlite3';

/**
 * Ratings collected privately, kept OUT of the board's Y.Doc until the reveal: every client
 * receives the whole doc, so a value written there would reach everyone at once (SPEC [PR3]).
 * One row per person per scale; scoring again replaces it. Rows live in the same SQLite file
 * as the boards and are deleted when they are revealed.
 */
export interface PrivateRatings {
  /**
   * Stores or replaces a person's private rating, bound to the hash of the participant key that
   * stored it (participant ids are public on the board; the key proves it is the same browser).
   */
  put(boardId: string, scaleId: string, participantId: string, rating: ScaleRating, keyHash: Buffer): void;
  get(boardId: string, scaleId: string, participantId: string): StoredPrivateRating | null;
  /** Every private rating of a scale, by participant id. */
  list(boardId: string, scaleId: string): Record<string, StoredPrivateRating>;
  /** Removes one person's rating; true when there was one. */
  remove(boardId: string, scaleId: string, participantId: string): boolean;
  /** Removes the named people's ratings of a scale (after they were revealed). */
  removeMany(boardId: string, scaleId: string, participantIds: readonly string[]): void;
}

export interface StoredPrivateRating {
  readonly rating: ScaleRating;
  readonly keyHash: Buffer;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS private_ratings (
    board_id TEXT NOT NULL,
    scale_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    value INTEGER NOT NULL,
    reason TEXT NOT NULL,
    at INTEGER NOT NULL,
    key_hash BLOB NOT NULL,
    PRIMARY KEY (board_id, scale_id, participant_id)
  );
`;

interface Row {
  readonly participant_id: string;
  readonly key_hash: Buffer;
  readonly value: number;
  readonly reason: string;
  readonly at: number;
}

const toRating = (row: Row): ScaleRating => ({ value: row.value, reason: row.reason, at: row.at });

/**
 * @example
 * const ratings = createPrivateRatings(db);
 * ratings.put(boardId, 'overall', participantId, { value: 7, reason: 'Gran helps', at: Date.now() });
 */
export function createPrivateRatings(db: Database.Database): PrivateRatings {
  db.exec(SCHEMA);
  const upsert = db.prepare(
    `INSERT INTO private_ratings (board_id, scale_id, participant_id, value, reason, at, key_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (board_id, scale_id, participant_id) DO UPDATE
     SET value = excluded.value, reason = excluded.reason, at = excluded.at, key_hash = excluded.key_hash`,
  );
  const selectOne = db.prepare(
    'SELECT participant_id, value, reason, at, key_hash FROM private_ratings WHERE board_id = ? AND scale_id = ? AND participant_id = ?',
  );
  const selectAll = db.prepare(
    'SELECT participant_id, value, reason, at, key_hash FROM private_ratings WHERE board_id = ? AND scale_id = ?',
  );
  const deleteOne = db.prepare(
    'DELETE FROM private_ratings WHERE board_id = ? AND scale_id = ? AND participant_id = ?',
  );
  const deleteMany = db.transaction((boardId: string, scaleId: string, ids: readonly string[]) => {
    for (const id of ids) deleteOne.run(boardId, scaleId, id);
  });

  return {
    put(boardId, scaleId, participantId, { value, reason, at }, keyHash) {
      upsert.run(boardId, scaleId, participantId, value, reason, at, keyHash);
    },
    get(boardId, scaleId, participantId) {
      const row = selectOne.get(boardId, scaleId, participantId) as Row | undefined;
      return row === undefined ? null : { rating: toRating(row), keyHash: row.key_hash };
    },
    list(boardId, scaleId) {
      const rows = selectAll.all(boardId, scaleId) as Row[];
      return Object.fromEntries(
        rows.map((row) => [row.participant_id, { rating: toRating(row), keyHash: row.key_hash }]),
      );
    },
    remove(boardId, scaleId, participantId) {
      return deleteOne.run(boardId, scaleId, participantId).changes > 0;
    },
    removeMany(boardId, scaleId, participantIds) {
      deleteMany(boardId, scaleId, participantIds);
    },
  };
}
