import type { AuditChange, AuditedUpdate, DocStore, Logger, StoredDoc, UpdateAuthor } from '@kinmap/sync';
import Database from 'better-sqlite3';
import { silentLogger } from '../ops/logger.js';
import { type DataCipher, RecordFormat, SealedRecordError } from './dataCipher.js';
import {
  checksumMatches,
  checksumOf,
  createQuarantine,
  QUARANTINE_SCHEMA,
  type Quarantine,
  type StoredRecord,
} from './quarantine.js';

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
) & {
  readonly now?: () => number;
  /** Seals every update and snapshot written from now on (KINMAP_DATA_KEY); null: plaintext. */
  readonly cipher?: DataCipher | null;
  /** Told (ids and sizes only) when a stored record fails to open or is quarantined. */
  readonly logger?: Logger;
};

interface PendingAppend {
  readonly boardId: string;
  readonly update: Uint8Array;
  readonly at: number;
  readonly author: UpdateAuthor | undefined;
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
  // Deleted rows are zeroed, not left in free pages: a compacted update may hold the text of a card
  // that was deleted or moved to the restricted document since (see compact below).
  db.pragma('secure_delete = ON');
  return db;
}

/** Who wrote each update and what it did (no text): kept when the update is compacted away. */
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
  ${AUDIT_UPDATES_SCHEMA}
  ${QUARANTINE_SCHEMA}
`;

/**
 * Adds the columns a table lacks (files written by an older version); SQLite has no
 * ADD COLUMN IF NOT EXISTS. `columns` maps a name to its type and default.
 */
export function addMissingColumns(db: Db, table: string, columns: Readonly<Record<string, string>>): void {
  const present = new Set(
    (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name),
  );
  for (const [name, definition] of Object.entries(columns)) {
    if (!present.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${definition}`);
  }
}

function migrate(db: Db): void {
  db.exec(SCHEMA);
  // Who wrote each update (issue 4) and whether its blob is sealed; older rows read as plaintext.
  addMissingColumns(db, 'updates', {
    participant_id: 'TEXT',
    role: 'TEXT',
    session_id: 'TEXT',
    format: 'INTEGER NOT NULL DEFAULT 0',
    // CRC-32 of a plaintext blob (issue 6); null for sealed rows (GCM authenticates them) and older rows.
    crc: 'INTEGER',
  });
  addMissingColumns(db, 'snapshots', { format: 'INTEGER NOT NULL DEFAULT 0', crc: 'INTEGER' });
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
  migrate(db);
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
      sql.insertUpdate.run(
        item.boardId,
        seq,
        data,
        item.at,
        author?.participantId ?? null,
        author?.role ?? null,
        author?.sessionId ?? null,
        format,
        cipher ? null : checksumOf(item.update),
      );
      if (author) {
        const changes = JSON.stringify(author.changes ?? []);
        sql.insertAudit.run(
          item.boardId,
          seq,
          item.at,
          author.participantId,
          author.role,
          author.sessionId,
          changes,
        );
      }
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

    async readAudit(boardId, { afterSeq = 0, limit = -1 } = {}): Promise<readonly AuditedUpdate[]> {
      assertOpen();
      flush();
      const rows = sql.auditOf.all(boardId, afterSeq, limit) as AuditRow[];
      return rows.map(toAudited);
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
      `INSERT INTO updates (board_id, seq, data, at, participant_id, role, session_id, format, crc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertAudit: db.prepare(
      `INSERT INTO audit_updates (board_id, seq, at, participant_id, role, session_id, changes)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    auditOf: db.prepare(
      `SELECT seq, at, participant_id, role, session_id, changes FROM audit_updates
       WHERE board_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
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

/**
 * Seals every update and snapshot stored before the key was set, in one transaction, each under its
 * own board and position. After the first keyed start nothing of a board is left in plaintext rows.
 * A plaintext record that fails its checksum is quarantined first (sealing would hide the damage
 * from the checksum); quarantined plaintext is sealed too.
 */
function sealPlaintextRecords(db: Db, cipher: DataCipher, quarantine: Quarantine): void {
  const plaintext = db
    .prepare(
      `SELECT board_id, 'update' AS kind, seq, data, crc FROM updates WHERE format = 0
       UNION ALL SELECT board_id, 'snapshot' AS kind, through_seq AS seq, data, crc FROM snapshots
       WHERE format = 0`,
    )
    .all() as {
    board_id: string;
    kind: 'update' | 'snapshot';
    seq: number;
    data: Buffer;
    crc: number | null;
  }[];
  const quarantinedPlaintext = db.prepare(
    'SELECT rowid AS id, board_id, kind, seq, data FROM quarantined_updates WHERE format = 0',
  );
  const unsealed = () =>
    quarantinedPlaintext.all() as { id: number; board_id: string; kind: string; seq: number; data: Buffer }[];
  if (plaintext.length === 0 && unsealed().length === 0) return;
  const sealUpdate = db.prepare(
    'UPDATE updates SET data = ?, format = ?, crc = NULL WHERE board_id = ? AND seq = ?',
  );
  const sealSnapshot = db.prepare(
    'UPDATE snapshots SET data = ?, format = ?, crc = NULL WHERE board_id = ? AND through_seq = ?',
  );
  const sealQuarantined = db.prepare('UPDATE quarantined_updates SET data = ?, format = ? WHERE rowid = ?');
  const sealed = RecordFormat.aesGcmV1;
  const intact = plaintext.filter((row) => {
    if (checksumMatches(row.data, row.crc)) return true;
    const record = { boardId: row.board_id, kind: row.kind, seq: row.seq, data: row.data, format: 0 };
    quarantine.move(record, 'checksum');
    return false;
  });
  db.transaction(() => {
    for (const row of intact) {
      const data = cipher.seal(row.board_id, row.kind, row.seq, row.data);
      (row.kind === 'update' ? sealUpdate : sealSnapshot).run(data, sealed, row.board_id, row.seq);
    }
    for (const row of unsealed()) {
      const kind = row.kind === 'snapshot' ? 'snapshot' : 'update';
      sealQuarantined.run(cipher.seal(row.board_id, kind, row.seq, row.data), sealed, row.id);
    }
  })();
}

interface AuditRow {
  seq: number;
  at: number;
  participant_id: string | null;
  role: string | null;
  session_id: string | null;
  changes: string;
}

function toAudited(row: AuditRow): AuditedUpdate {
  return {
    seq: row.seq,
    at: row.at,
    participantId: row.participant_id,
    role: row.role as AuditedUpdate['role'],
    sessionId: row.session_id,
    changes: parseChanges(row.changes),
  };
}

/** The stored JSON; a hand-edited row that is not a list of changes reads as none. */
export function parseChanges(json: string): AuditChange[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((c): c is AuditChange => typeof c?.kind === 'string') : [];
  } catch {
    return [];
  }
}
