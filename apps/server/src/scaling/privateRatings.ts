import type { ParticipantId, ScaleRating } from '@kinmap/model';
import type Database from 'better-sqlite3';
import { addMissingColumns } from '../storage/database.js';
import type { DataCipher } from '../storage/dataCipher.js';

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
  readonly scale_id: string;
  readonly board_id: string;
  readonly participant_id: string;
  readonly key_hash: Buffer;
  readonly value: number;
  readonly reason: string;
  readonly at: number;
  /** With a data key: the value and reason, sealed; `value` is 0 and `reason` '' beside it. */
  readonly sealed: Buffer | null;
  readonly recorded_by: string | null;
}

/** A rating's place: the additional data its seal is bound to. */
const positionOf = (scaleId: string, participantId: string): string => `${scaleId}/${participantId}`;

function sealRating(
  cipher: DataCipher,
  boardId: string,
  scaleId: string,
  participantId: string,
  value: number,
  reason: string,
): Buffer {
  const plain = Buffer.from(JSON.stringify({ value, reason }), 'utf8');
  return cipher.seal(boardId, 'rating', positionOf(scaleId, participantId), plain);
}

/**
 * @example
 * const ratings = createPrivateRatings(db);
 * ratings.put(boardId, 'overall', participantId, { value: 7, reason: 'Gran helps', at: Date.now() });
 */
export function createPrivateRatings(
  db: Database.Database,
  cipher: DataCipher | null = null,
): PrivateRatings {
  db.exec(SCHEMA);
  // `recorded_by`: the staff member who recorded a score for a person without a device ([PR9]).
  addMissingColumns(db, 'private_ratings', { sealed: 'BLOB', recorded_by: 'TEXT' });
  if (cipher) sealPlaintextRatings(db, cipher);
  const toRating = (row: Row): ScaleRating => {
    const read = openRating(row);
    return row.recorded_by === null ? read : { ...read, recordedBy: row.recorded_by as ParticipantId };
  };
  const openRating = (row: Row): ScaleRating => {
    if (row.sealed === null) return { value: row.value, reason: row.reason, at: row.at };
    if (!cipher) throw new Error('a sealed private rating needs the data key');
    const opened = cipher.open(
      row.board_id,
      'rating',
      positionOf(row.scale_id, row.participant_id),
      row.sealed,
    );
    const { value, reason } = JSON.parse(opened.toString('utf8')) as { value: number; reason: string };
    return { value, reason, at: row.at };
  };
  const upsert = db.prepare(
    `INSERT INTO private_ratings
       (board_id, scale_id, participant_id, value, reason, at, key_hash, sealed, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (board_id, scale_id, participant_id) DO UPDATE
     SET value = excluded.value, reason = excluded.reason, at = excluded.at, key_hash = excluded.key_hash,
         sealed = excluded.sealed, recorded_by = excluded.recorded_by`,
  );
  const selectOne = db.prepare(
    `SELECT board_id, scale_id, participant_id, value, reason, at, key_hash, sealed, recorded_by
     FROM private_ratings
     WHERE board_id = ? AND scale_id = ? AND participant_id = ?`,
  );
  const selectAll = db.prepare(
    `SELECT board_id, scale_id, participant_id, value, reason, at, key_hash, sealed, recorded_by
     FROM private_ratings
     WHERE board_id = ? AND scale_id = ?`,
  );
  const deleteOne = db.prepare(
    'DELETE FROM private_ratings WHERE board_id = ? AND scale_id = ? AND participant_id = ?',
  );
  const deleteMany = db.transaction((boardId: string, scaleId: string, ids: readonly string[]) => {
    for (const id of ids) deleteOne.run(boardId, scaleId, id);
  });

  return {
    put(boardId, scaleId, participantId, { value, reason, at, recordedBy }, keyHash) {
      const sealed = cipher ? sealRating(cipher, boardId, scaleId, participantId, value, reason) : null;
      upsert.run(
        boardId,
        scaleId,
        participantId,
        sealed ? 0 : value,
        sealed ? '' : reason,
        at,
        keyHash,
        sealed,
        recordedBy ?? null,
      );
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

/** Ratings stored before the key was set are sealed at the first start with it. */
function sealPlaintextRatings(db: Database.Database, cipher: DataCipher): void {
  const rows = db
    .prepare(
      'SELECT board_id, scale_id, participant_id, value, reason FROM private_ratings WHERE sealed IS NULL',
    )
    .all() as Pick<Row, 'board_id' | 'scale_id' | 'participant_id' | 'value' | 'reason'>[];
  const update = db.prepare(
    `UPDATE private_ratings SET value = 0, reason = '', sealed = ?
     WHERE board_id = ? AND scale_id = ? AND participant_id = ?`,
  );
  db.transaction(() => {
    for (const row of rows) {
      const sealed = sealRating(
        cipher,
        row.board_id,
        row.scale_id,
        row.participant_id,
        row.value,
        row.reason,
      );
      update.run(sealed, row.board_id, row.scale_id, row.participant_id);
    }
  })();
}
