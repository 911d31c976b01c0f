import type { DocStore, Logger, StoredDoc, UpdateAuthor } from '@kinmap/sync';
import { silentLogger } from '../ops/logger.js';
import { type Db, openDatabase } from './database.js';
import { type DataCipher, RecordFormat, SealedRecordError } from './dataCipher.js';
import { migrateStore } from './migrations.js';
import { checksumMatches, checksumOf, createQuarantine, type StoredRecord } from './quarantine.js';
import { sealPlaintextRecords } from './sealing.js';

export type SqliteStoreOptions = (
  | {
      /** Path of the SQLite file; the store opens it and closes it on `close()`. */
      readonly file: string;
    }
  | {
      /** An open database shared with others (e.g. the board registry); the caller closes it. */
      readonly db: Db;
    }
) & {
  readonly now?: () => number;
  /** Seals every update and snapshot written from now on (KINMAP_DATA_KEY); null: plaintext. */
  readonly cipher?: DataCipher | null;
  /** Told (ids and sizes only) when a stored record fails to open or is quarantined. */
  readonly logger?: Logger;
  /**
   * Makes the writer of each stored update's author record, called inside the transaction that
   * stores the update (the audit's `createAuditUpdateWriter`: storage knows no audit). None: authors
   * are not kept.
   */
  readonly authorWriter?: (db: Db) => WriteAuthor;
};

/** Keeps who wrote update `seq` of a board; runs inside the append's transaction. */
export type WriteAuthor = (boardId: string, seq: number, author: UpdateAuthor) => void;

interface PendingAppend {
  readonly boardId: string;
  readonly update: Uint8Array;
  readonly at: number;
  readonly author: UpdateAuthor | undefined;
  resolve(seq: number): void;
  reject(error: unknown): void;
}

/**
 * A DocStore on SQLite (better-sqlite3): an append-only `updates` log per board plus at most one
 * `snapshots` row that stands for every update with `seq <= through_seq`.
 *
 * Appends issued in the same event-loop turn are written in one transaction and resolve after
 * its commit, in call order. `load`, `compact` and `pendingCount` first write any queued
 * appends, so every operation sees the effects of all operations called before it.
 * @example const store = createSqliteStore({ file: '/data/kinmap.sqlite' });
 */
export function createSqliteStore(options: SqliteStoreOptions): DocStore {
  const ownsDb = 'file' in options;
  const db = 'file' in options ? openDatabase(options.file) : options.db;
  const now = options.now ?? Date.now;
  const cipher = options.cipher ?? null;
  const logger = options.logger ?? silentLogger;
  migrateStore(db);
  const writeAuthor = options.authorWriter?.(db) ?? null;
  const quarantine = createQuarantine(db, logger, now);
  if (cipher) sealPlaintextRecords(db, cipher, quarantine);
  const sql = prepareStatements(db);
  let queue: PendingAppend[] = [];
  let flushScheduled = false;
  let closed = false;

  const lastSeq = (boardId: string): number =>
    (sql.lastSeq.get(boardId, boardId, boardId) as { s: number | null }).s ?? 0;

  const writeQueue = db.transaction((batch: readonly PendingAppend[]) =>
    batch.map((item) => {
      const seq = lastSeq(item.boardId) + 1;
      const { author } = item;
      const data = cipher ? cipher.seal(item.boardId, 'update', seq, item.update) : item.update;
      const format = cipher ? RecordFormat.aesGcmV1 : RecordFormat.plain;
      sql.insertUpdate.run(item.boardId, seq, data, item.at, format, cipher ? null : checksumOf(item.update));
      if (author && writeAuthor) writeAuthor(item.boardId, seq, author);
      return seq;
    }),
  );

  const flush = (): void => {
    flushScheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let seqs: number[];
    try {
      seqs = writeQueue(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    for (const [i, item] of batch.entries()) item.resolve(seqs[i] ?? 0);
  };

  const assertOpen = (): void => {
    if (closed) throw new Error('the SQLite store is closed');
  };

  /**
   * A stored blob as Yjs bytes: opened when sealed, as stored when written before the key; null
   * when it failed its check and was quarantined. A sealed record without a key is a configuration
   * error, not damage: it fails the load and stays where it is.
   */
  const readBlob = (record: StoredRecord, crc: number | null): Uint8Array | null => {
    const { boardId, kind, seq, data } = record;
    if (record.format === RecordFormat.plain) {
      if (checksumMatches(data, crc)) return data;
      quarantine.move(record, 'checksum');
      return null;
    }
    if (!cipher) {
      logger.error('store.record_unreadable', { boardId, kind, seq, keyed: false });
      throw new SealedRecordError(boardId, kind);
    }
    try {
      return toBytes(cipher.open(boardId, kind, seq, data));
    } catch {
      // The key is the directory's (checked at start): a record that fails GCM was damaged.
      quarantine.move(record, 'unreadable');
      return null;
    }
  };

  return {
    async load(boardId: string): Promise<StoredDoc> {
      assertOpen();
      flush();
      const snapshot = sql.snapshot.get(boardId) as StoredRow | undefined;
      const rows = sql.updatesOf.all(boardId) as StoredRow[];
      // A quarantined record is left out: the board loads from the snapshot and updates that pass
      // their check (updates that built on a quarantined one wait in Yjs's pending structs).
      const records: Array<{ kind: 'update' | 'snapshot'; row: StoredRow }> = [
        ...(snapshot ? [{ kind: 'snapshot' as const, row: snapshot }] : []),
        ...rows.map((row) => ({ kind: 'update' as const, row })),
      ];
      const updates: Uint8Array[] = [];
      for (const { kind, row } of records) {
        const record = { boardId, kind, seq: row.seq, data: toBytes(row.data), format: row.format };
        const bytes = readBlob(record, row.crc);
        if (bytes) updates.push(bytes);
      }
      // Counts quarantined records too, so a sequence number is never given out twice.
      return { updates, lastSeq: lastSeq(boardId) };
    },

    append(boardId: string, update: Uint8Array, author?: UpdateAuthor): Promise<number> {
      if (closed) return Promise.reject(new Error('the SQLite store is closed'));
      return new Promise<number>((resolve, reject) => {
        queue.push({ boardId, update, at: author?.at ?? now(), author, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
    },

    async compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
      assertOpen();
      flush();
      // Sealed under the key in force now: plaintext rows from before the key go with this.
      const data = cipher ? cipher.seal(boardId, 'snapshot', throughSeq, snapshot) : snapshot;
      const format = cipher ? RecordFormat.aesGcmV1 : RecordFormat.plain;
      sql.compact(boardId, data, throughSeq, format, cipher ? null : checksumOf(snapshot));
      // The WAL still holds the folded updates' pages until it is checkpointed and cut; compactions
      // are rare (every `compactEvery` updates, a card deletion, unload), so this costs little.
      db.pragma('wal_checkpoint(TRUNCATE)');
    },

    async pendingCount(boardId: string): Promise<number> {
      assertOpen();
      flush();
      return (sql.countUpdates.get(boardId) as { n: number }).n;
    },

    async close(): Promise<void> {
      if (closed) return;
      flush();
      closed = true;
      if (ownsDb) db.close();
    },
  };
}

function prepareStatements(db: Db) {
  const snapshotThrough = db.prepare('SELECT through_seq FROM snapshots WHERE board_id = ?');
  const lastSeqStatement = db.prepare(
    `SELECT MAX(s) AS s FROM (
       SELECT MAX(seq) AS s FROM updates WHERE board_id = ?
       UNION ALL SELECT through_seq AS s FROM snapshots WHERE board_id = ?
       UNION ALL SELECT MAX(seq) AS s FROM quarantined_updates WHERE board_id = ?
     )`,
  );
  const deleteThrough = db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?');
  const upsertSnapshot = db.prepare(
    `INSERT INTO snapshots (board_id, through_seq, data, format, crc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE
     SET through_seq = excluded.through_seq, data = excluded.data, format = excluded.format,
         crc = excluded.crc`,
  );
  const compact = db.transaction(
    (boardId: string, snapshot: Uint8Array, throughSeq: number, format: number, crc: number | null) => {
      const last = (lastSeqStatement.get(boardId, boardId, boardId) as { s: number | null }).s ?? 0;
      if (!Number.isInteger(throughSeq) || throughSeq < 0 || throughSeq > last) {
        throw new RangeError(`compact through seq ${throughSeq} is outside 0..${last}`);
      }
      const existing = snapshotThrough.get(boardId) as { through_seq: number } | undefined;
      // A snapshot of an older point would drop updates the current snapshot already holds.
      if (existing && existing.through_seq >= throughSeq) return;
      deleteThrough.run(boardId, throughSeq);
      upsertSnapshot.run(boardId, throughSeq, snapshot, format, crc);
    },
  );
  return {
    lastSeq: lastSeqStatement,
    snapshot: db.prepare('SELECT through_seq AS seq, data, format, crc FROM snapshots WHERE board_id = ?'),
    updatesOf: db.prepare('SELECT seq, data, format, crc FROM updates WHERE board_id = ? ORDER BY seq'),
    insertUpdate: db.prepare(
      'INSERT INTO updates (board_id, seq, data, at, format, crc) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    countUpdates: db.prepare('SELECT COUNT(*) AS n FROM updates WHERE board_id = ?'),
    compact,
  };
}

/** An update or snapshot row as read (`seq` is the snapshot's `through_seq`). */
interface StoredRow {
  seq: number;
  data: Buffer;
  format: number;
  crc: number | null;
}

/** A plain Uint8Array view (not a Buffer) so callers compare equal across stores. */
function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
