import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDataCipher, SealedRecordError } from './dataCipher.js';
import { checksumOf } from './quarantine.js';
import { createSqliteStore, openDatabase } from './sqliteStore.js';

const bytes = (...values: number[]) => new Uint8Array(values);

// Every test gets a fresh database file in its own temporary directory.
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinmap-sqlite-'));
  file = join(dir, 'kinmap.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createSqliteStore', () => {
  it('opens the file in WAL mode with synchronous=NORMAL', () => {
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // 1 = NORMAL
    db.close();
  });

  it('leaves no byte of a compacted-away update in the database file or its WAL', async () => {
    const store = createSqliteStore({ file });
    const secret = new TextEncoder().encode('Ffion’s worry: przemoc w domu');
    await store.append('b1', secret);
    await store.append('b1', bytes(1, 2, 3));
    await store.compact('b1', bytes(9, 9, 9), 2);
    const onDisk = Buffer.concat(
      [file, `${file}-wal`].map((path) => (existsSync(path) ? readFileSync(path) : Buffer.alloc(0))),
    );
    expect(onDisk.includes(Buffer.from(secret))).toBe(false);
    expect(await store.load('b1')).toMatchObject({ updates: [bytes(9, 9, 9)] });
    await store.close();
  });

  it('resolves an append only once its row is committed and visible to another connection', async () => {
    const store = createSqliteStore({ file });
    const reader = new Database(file, { readonly: true });
    const seqs = await Promise.all([store.append('b', bytes(1)), store.append('b', bytes(2))]);
    const rows = reader.prepare('SELECT seq, data, at FROM updates WHERE board_id = ? ORDER BY seq').all('b');
    expect(seqs).toEqual([1, 2]);
    expect(rows).toEqual([
      { seq: 1, data: Buffer.from([1]), at: expect.any(Number) },
      { seq: 2, data: Buffer.from([2]), at: expect.any(Number) },
    ]);
    reader.close();
    await store.close();
  });

  it('writes appends of one turn all or nothing: a failing batch rejects each append and stores none', async () => {
    const db = openDatabase(file);
    const store = createSqliteStore({ db });
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON updates WHEN NEW.board_id = 'bad'
             BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const results = await Promise.allSettled([store.append('good', bytes(1)), store.append('bad', bytes(2))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await store.load('good')).toEqual({ updates: [], lastSeq: 0 });
    db.exec('DROP TRIGGER refuse');
    expect(await store.append('good', bytes(3))).toBe(1);
    await store.close();
    db.close();
  });

  it('refuses to compact past the last stored update and leaves the history untouched', async () => {
    const store = createSqliteStore({ file });
    await store.append('b', bytes(1));
    await expect(store.compact('b', bytes(9), 2)).rejects.toThrow(RangeError);
    expect(await store.load('b')).toEqual({ updates: [bytes(1)], lastSeq: 1 });
    await store.close();
  });

  it('ignores a compaction older than the stored snapshot, which would lose updates', async () => {
    const store = createSqliteStore({ file });
    for (const value of [1, 2, 3]) await store.append('b', bytes(value));
    await store.compact('b', bytes(123), 3);
    await store.compact('b', bytes(12), 2);
    expect(await store.load('b')).toEqual({ updates: [bytes(123)], lastSeq: 3 });
    await store.close();
  });

  it('leaves a shared database open on close, and refuses work once closed', async () => {
    const db = openDatabase(file);
    const store = createSqliteStore({ db });
    await store.append('b', bytes(1));
    await store.close();
    expect(db.open).toBe(true);
    await expect(store.append('b', bytes(2))).rejects.toThrow('closed');
    await expect(store.load('b')).rejects.toThrow('closed');
    db.close();
  });

  it('writes appends still queued when it is closed', async () => {
    const store = createSqliteStore({ file });
    const pending = store.append('b', bytes(7));
    await store.close();
    expect(await pending).toBe(1);
    const reopened = createSqliteStore({ file });
    expect(await reopened.load('b')).toEqual({ updates: [bytes(7)], lastSeq: 1 });
    await reopened.close();
  });
});

describe('createSqliteStore: authors and encryption at rest', () => {
  const author = { participantId: 'alex', role: 'family' as const, sessionId: 's1', at: 1234, changes: [] };

  it('[AD1] adds the author columns to a file written before them; old rows still load', async () => {
    const old = new Database(file);
    old.exec(`CREATE TABLE updates (board_id TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
              at INTEGER NOT NULL, PRIMARY KEY (board_id, seq));
              CREATE TABLE snapshots (board_id TEXT PRIMARY KEY, through_seq INTEGER NOT NULL, data BLOB NOT NULL);
              INSERT INTO updates VALUES ('b', 1, x'01', 5);`);
    old.close();
    const store = createSqliteStore({ file });
    expect(await store.append('b', bytes(2), author)).toBe(2);
    expect(await store.load('b')).toEqual({ updates: [bytes(1), bytes(2)], lastSeq: 2 });
    const reader = new Database(file, { readonly: true });
    expect(
      reader.prepare('SELECT seq, at, participant_id, role, session_id FROM updates ORDER BY seq').all(),
    ).toEqual([
      { seq: 1, at: 5, participant_id: null, role: null, session_id: null },
      { seq: 2, at: 1234, participant_id: 'alex', role: 'family', session_id: 's1' },
    ]);
    reader.close();
    await store.close();
  });

  it('[AD5] seals updates and snapshots; rows written before the key are sealed when the store opens with it', async () => {
    const plain = createSqliteStore({ file });
    await plain.append('b', new TextEncoder().encode('before the key'));
    await plain.compact('b', new TextEncoder().encode('plain snapshot'), 1);
    await plain.append('b', new TextEncoder().encode('plain update'));
    await plain.close();
    const cipher = createDataCipher(randomBytes(32));
    const store = createSqliteStore({ file, cipher });
    await store.append('b', new TextEncoder().encode('after the key'));
    const raw = () => {
      const reader = new Database(file, { readonly: true });
      const rows = reader
        .prepare('SELECT format, data FROM snapshots UNION ALL SELECT format, data FROM updates')
        .all();
      reader.close();
      return rows as { format: number; data: Buffer }[];
    };
    expect(raw().map((row) => row.format)).toEqual([1, 1, 1]);
    expect(raw().some((row) => /plain|after the key/.test(row.data.toString('latin1')))).toBe(false);
    const loaded = await store.load('b');
    expect(loaded.updates.map((u) => new TextDecoder().decode(u))).toEqual([
      'plain snapshot',
      'plain update',
      'after the key',
    ]);
    await store.compact('b', new TextEncoder().encode('snapshot text'), 3);
    expect(raw().map((row) => row.format)).toEqual([1]);
    expect(raw()[0]?.data.toString('latin1')).not.toContain('snapshot text');
    expect(new TextDecoder().decode((await store.load('b')).updates[0])).toBe('snapshot text');
    await store.close();
  });

  it('[AD5] still reads a plaintext row next to sealed ones (its format says so)', async () => {
    const cipher = createDataCipher(randomBytes(32));
    const store = createSqliteStore({ file, cipher });
    await store.append('b', bytes(1));
    const writer = new Database(file);
    writer
      .prepare('INSERT INTO updates (board_id, seq, data, at, format) VALUES (?, 2, ?, 0, 0)')
      .run('b', Buffer.from([2]));
    writer.close();
    expect(await store.load('b')).toEqual({ updates: [bytes(1), bytes(2)], lastSeq: 2 });
    await store.close();
  });

  it('[AD5] a tampered sealed update is quarantined with a logged error naming only ids and sizes', async () => {
    const { logger, events } = recordingLogger();
    const store = createSqliteStore({ file, cipher: createDataCipher(randomBytes(32)), logger });
    await store.append('b', bytes(1, 2, 3));
    await store.append('b', bytes(4));
    const sealedSize = rawRows(file)[0]?.data.byteLength;
    editRow(file, 'updates', 1, (data) => flipLastByte(data));
    expect(await store.load('b')).toEqual({ updates: [bytes(4)], lastSeq: 2 });
    expect(events).toEqual([
      `error store.quarantined {"boardId":"b","kind":"update","seq":1,"bytes":${sealedSize},"reason":"unreadable"}`,
    ]);
    expect(quarantined(file)).toEqual([
      { board_id: 'b', kind: 'update', seq: 1, format: 1, reason: 'unreadable' },
    ]);
    await store.close();
  });

  it('[AD5] a sealed record read without the key fails the load and stays where it is', async () => {
    const sealedStore = createSqliteStore({ file, cipher: createDataCipher(randomBytes(32)) });
    await sealedStore.append('b', bytes(1));
    await sealedStore.close();
    const { logger, events } = recordingLogger();
    const store = createSqliteStore({ file, logger });
    await expect(store.load('b')).rejects.toThrow(SealedRecordError);
    expect(events).toEqual([
      'error store.record_unreadable {"boardId":"b","kind":"update","seq":1,"keyed":false}',
    ]);
    expect(quarantined(file)).toEqual([]);
    await store.close();
  });
});

describe('createSqliteStore: corrupt and truncated records', () => {
  it('[S9] writes a CRC-32 beside each plaintext update and snapshot, and none beside sealed ones', async () => {
    const store = createSqliteStore({ file });
    await store.append('b', bytes(1, 2));
    await store.compact('b', bytes(3, 4, 5), 1);
    await store.append('b', bytes(6));
    await store.close();
    const reader = new Database(file, { readonly: true });
    const crcs = reader.prepare('SELECT crc FROM snapshots UNION ALL SELECT crc FROM updates').all() as {
      crc: number;
    }[];
    reader.close();
    expect(crcs.map((row) => row.crc)).toEqual([checksumOf(bytes(3, 4, 5)), checksumOf(bytes(6))]);
    const sealed = createSqliteStore({ file, cipher: createDataCipher(randomBytes(32)) });
    await sealed.append('b', bytes(7));
    await sealed.close();
    expect(rawRows(file).map((row) => row.crc)).toEqual([null, null, null]);
  });

  it('[S9] quarantines a corrupted update, logs ids and sizes, and loads every other record', async () => {
    const { logger, events } = recordingLogger();
    const store = createSqliteStore({ file, logger });
    for (const value of [1, 2, 3]) await store.append('b', bytes(value, value, value));
    editRow(file, 'updates', 2, (data) => flipLastByte(data));
    expect(await store.load('b')).toEqual({ updates: [bytes(1, 1, 1), bytes(3, 3, 3)], lastSeq: 3 });
    expect(events).toEqual([
      'error store.quarantined {"boardId":"b","kind":"update","seq":2,"bytes":3,"reason":"checksum"}',
    ]);
    expect(quarantined(file)).toEqual([
      { board_id: 'b', kind: 'update', seq: 2, format: 0, reason: 'checksum' },
    ]);
    // Moved, not copied: the next load finds nothing more to quarantine.
    expect(await store.load('b')).toEqual({ updates: [bytes(1, 1, 1), bytes(3, 3, 3)], lastSeq: 3 });
    expect(events).toHaveLength(1);
    expect(await store.pendingCount('b')).toBe(2);
    await store.close();
  });

  it('[S9] quarantines a truncated last update and never gives its sequence number out again', async () => {
    const { logger, events } = recordingLogger();
    const store = createSqliteStore({ file, logger });
    const author = { participantId: 'alex', role: 'family' as const, sessionId: 's1', at: 1, changes: [] };
    await store.append('b', bytes(1, 1), author);
    await store.append('b', bytes(2, 2, 2, 2), author);
    editRow(file, 'updates', 2, (data) => data.subarray(0, 2));
    expect(await store.load('b')).toEqual({ updates: [bytes(1, 1)], lastSeq: 2 });
    expect(events).toEqual([
      'error store.quarantined {"boardId":"b","kind":"update","seq":2,"bytes":2,"reason":"checksum"}',
    ]);
    // Seq 2 keeps its audit record; a new update with seq 2 would collide with it.
    expect(await store.append('b', bytes(3), author)).toBe(3);
    expect(await store.load('b')).toEqual({ updates: [bytes(1, 1), bytes(3)], lastSeq: 3 });
    await store.close();
  });

  it('[S9] quarantines a corrupt snapshot, loads the updates after it, and compacts again later', async () => {
    const { logger, events } = recordingLogger();
    const store = createSqliteStore({ file, logger });
    for (const value of [1, 2]) await store.append('b', bytes(value));
    await store.compact('b', bytes(1, 2, 0), 2);
    await store.append('b', bytes(3));
    const reader = new Database(file);
    reader.prepare('UPDATE snapshots SET data = ?').run(Buffer.from([1, 2, 9]));
    reader.close();
    expect(await store.load('b')).toEqual({ updates: [bytes(3)], lastSeq: 3 });
    expect(events).toEqual([
      'error store.quarantined {"boardId":"b","kind":"snapshot","seq":2,"bytes":3,"reason":"checksum"}',
    ]);
    expect(await store.append('b', bytes(4))).toBe(4);
    await store.compact('b', bytes(3, 4), 4);
    expect(await store.load('b')).toEqual({ updates: [bytes(3, 4)], lastSeq: 4 });
    await store.close();
  });

  it('[S9] still reads rows written before checksums (no crc) without checking them', async () => {
    const store = createSqliteStore({ file });
    await store.append('b', bytes(1));
    const writer = new Database(file);
    writer.prepare('UPDATE updates SET crc = NULL, data = ?').run(Buffer.from([7, 7]));
    writer.close();
    expect(await store.load('b')).toEqual({ updates: [bytes(7, 7)], lastSeq: 1 });
    await store.close();
  });

  it('[AD5] the first keyed start quarantines a corrupt plaintext row instead of sealing it, then seals it there', async () => {
    const plain = createSqliteStore({ file });
    await plain.append('b', new TextEncoder().encode('kept'));
    await plain.append('b', new TextEncoder().encode('damaged'));
    await plain.close();
    editRow(file, 'updates', 2, (data) => data.subarray(0, 3));
    const { logger, events } = recordingLogger();
    const store = createSqliteStore({ file, cipher: createDataCipher(randomBytes(32)), logger });
    expect(events).toEqual([
      'error store.quarantined {"boardId":"b","kind":"update","seq":2,"bytes":3,"reason":"checksum"}',
    ]);
    expect(quarantined(file)).toEqual([
      { board_id: 'b', kind: 'update', seq: 2, format: 1, reason: 'checksum' },
    ]);
    const reader = new Database(file, { readonly: true });
    const held = reader.prepare('SELECT data FROM quarantined_updates').get() as { data: Buffer };
    reader.close();
    expect(held.data.toString('latin1')).not.toContain('dam');
    const loaded = await store.load('b');
    expect(loaded.updates.map((u) => new TextDecoder().decode(u))).toEqual(['kept']);
    await store.close();
  });
});

function recordingLogger() {
  const events: string[] = [];
  const record = (level: string) => (event: string, fields?: object) =>
    events.push(`${level} ${event} ${JSON.stringify(fields)}`);
  return { events, logger: { info() {}, warn: record('warn'), error: record('error') } };
}

const flipLastByte = (data: Buffer): Buffer => {
  const copy = Buffer.from(data);
  copy[copy.length - 1] = (copy.at(-1) ?? 0) ^ 0xff;
  return copy;
};

/** Rewrites one update's blob behind the store's back, as a damaged disk or a bad restore would. */
function editRow(file: string, table: 'updates', seq: number, edit: (data: Buffer) => Buffer): void {
  const writer = new Database(file);
  const row = writer.prepare(`SELECT data FROM ${table} WHERE seq = ?`).get(seq) as { data: Buffer };
  writer.prepare(`UPDATE ${table} SET data = ? WHERE seq = ?`).run(edit(row.data), seq);
  writer.close();
}

function rawRows(file: string) {
  const reader = new Database(file, { readonly: true });
  const rows = reader
    .prepare('SELECT data, crc FROM snapshots UNION ALL SELECT data, crc FROM updates')
    .all() as { data: Buffer; crc: number | null }[];
  reader.close();
  return rows;
}

function quarantined(file: string) {
  const reader = new Database(file, { readonly: true });
  const rows = reader
    .prepare('SELECT board_id, kind, seq, format, reason FROM quarantined_updates ORDER BY rowid')
    .all();
  reader.close();
  return rows;
}
