import type { DocStore, StoredDoc } from '@kinmap/sync';
import Database from 'better-sqlite3';

type Db = Database.Database;

export type SqliteStoreOptions = (
  | {
      /** Path of the SQLite file; the store opens it and closes it on `close()`. */
      readonly file: string;
    }
  | {
      /** An open database shared with others (e.g. the board registry); the caller closes it. */
      readonly db: Db;
    }
) & { readonly now?: () => number };

interface PendingAppend {
  readonly boardId: string;
  readonly update: Uint8Array;
  readonly at: number;
  resolve(seq: number): void;
  reject(error: unknown): void;
}

/**
 * Opens a database with the settings every Kinmap SQLite file uses.
 *
 * Durability: WAL with `synchronous = NORMAL`. A committed transaction survives a crash
 * of the process (the WAL is in the OS page cache and is replayed on the next open); a power
 * loss or OS crash may lose the last few commits but never corrupts the file. This trades the
 * fsync per commit of `FULL` for throughput, which suits a live whiteboard.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}

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
`;

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
  db.exec(SCHEMA);
  const sql = prepareStatements(db);
  let queue: PendingAppend[] = [];
  let flushScheduled = false;
  let closed = false;

  const lastSeq = (boardId: string): number =>
    (sql.lastSeq.get(boardId, boardId) as { s: number | null }).s ?? 0;

  const writeQueue = db.transaction((batch: readonly PendingAppend[]) =>
    batch.map((item) => {
      const seq = lastSeq(item.boardId) + 1;
      sql.insertUpdate.run(item.boardId, seq, item.update, item.at);
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

  return {
    async load(boardId: string): Promise<StoredDoc> {
      assertOpen();
      flush();
      const snapshot = sql.snapshot.get(boardId) as { through_seq: number; data: Buffer } | undefined;
      const rows = sql.updatesOf.all(boardId) as { seq: number; data: Buffer }[];
      const updates = rows.map((row) => toBytes(row.data));
      if (snapshot) updates.unshift(toBytes(snapshot.data));
      return { updates, lastSeq: Math.max(snapshot?.through_seq ?? 0, rows.at(-1)?.seq ?? 0) };
    },

    append(boardId: string, update: Uint8Array): Promise<number> {
      if (closed) return Promise.reject(new Error('the SQLite store is closed'));
      return new Promise<number>((resolve, reject) => {
        queue.push({ boardId, update, at: now(), resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
    },

    async compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
      assertOpen();
      flush();
      sql.compact(boardId, snapshot, throughSeq);
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
     )`,
  );
  const deleteThrough = db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?');
  const upsertSnapshot = db.prepare(
    `INSERT INTO snapshots (board_id, through_seq, data) VALUES (?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE SET through_seq = excluded.through_seq, data = excluded.data`,
  );
  const compact = db.transaction((boardId: string, snapshot: Uint8Array, throughSeq: number) => {
    const last = (lastSeqStatement.get(boardId, boardId) as { s: number | null }).s ?? 0;
    if (!Number.isInteger(throughSeq) || throughSeq < 0 || throughSeq > last) {
      throw new RangeError(`compact through seq ${throughSeq} is outside 0..${last}`);
    }
    const existing = snapshotThrough.get(boardId) as { through_seq: number } | undefined;
    // A snapshot of an older point would drop updates the current snapshot already holds.
    if (existing && existing.through_seq >= throughSeq) return;
    deleteThrough.run(boardId, throughSeq);
    upsertSnapshot.run(boardId, throughSeq, snapshot);
  });
  return {
    lastSeq: lastSeqStatement,
    snapshot: db.prepare('SELECT through_seq, data FROM snapshots WHERE board_id = ?'),
    updatesOf: db.prepare('SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq'),
    insertUpdate: db.prepare('INSERT INTO updates (board_id, seq, data, at) VALUES (?, ?, ?, ?)'),
    countUpdates: db.prepare('SELECT COUNT(*) AS n FROM updates WHERE board_id = ?'),
    compact,
  };
}

/** A plain Uint8Array view (not a Buffer) so callers compare equal across stores. */
function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
