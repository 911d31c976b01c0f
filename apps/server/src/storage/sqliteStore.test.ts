import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { createSqliteStore } from './sqliteStore.js';
import { useTempDatabase } from './tempDatabase.fixture.js';

const bytes = (...values: number[]) => new Uint8Array(values);

const temp = useTempDatabase('kinmap-sqlite-');

describe('createSqliteStore', () => {
  it('leaves no byte of a compacted-away update in the database file or its WAL', async () => {
    const store = createSqliteStore({ file: temp.file });
    const secret = new TextEncoder().encode('Ffion’s worry: przemoc w domu');
    await store.append('b1', secret);
    await store.append('b1', bytes(1, 2, 3));
    await store.compact('b1', bytes(9, 9, 9), 2);
    const onDisk = Buffer.concat(
      [temp.file, `${temp.file}-wal`].map((path) =>
        existsSync(path) ? readFileSync(path) : Buffer.alloc(0),
      ),
    );
    expect(onDisk.includes(Buffer.from(secret))).toBe(false);
    expect(await store.load('b1')).toMatchObject({ updates: [bytes(9, 9, 9)] });
    await store.close();
  });

  it('resolves an append only once its row is committed and visible to another connection', async () => {
    const store = createSqliteStore({ file: temp.file });
    const reader = new Database(temp.file, { readonly: true });
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
    const db = openDatabase(temp.file);
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
    const store = createSqliteStore({ file: temp.file });
    await store.append('b', bytes(1));
    await expect(store.compact('b', bytes(9), 2)).rejects.toThrow(RangeError);
    expect(await store.load('b')).toEqual({ updates: [bytes(1)], lastSeq: 1 });
    await store.close();
  });

  it('ignores a compaction older than the stored snapshot, which would lose updates', async () => {
    const store = createSqliteStore({ file: temp.file });
    for (const value of [1, 2, 3]) await store.append('b', bytes(value));
    await store.compact('b', bytes(123), 3);
    await store.compact('b', bytes(12), 2);
    expect(await store.load('b')).toEqual({ updates: [bytes(123)], lastSeq: 3 });
    await store.close();
  });

  it('leaves a shared database open on close, and refuses work once closed', async () => {
    const db = openDatabase(temp.file);
    const store = createSqliteStore({ db });
    await store.append('b', bytes(1));
    await store.close();
    expect(db.open).toBe(true);
    await expect(store.append('b', bytes(2))).rejects.toThrow('closed');
    await expect(store.load('b')).rejects.toThrow('closed');
    db.close();
  });

  it('writes appends still queued when it is closed', async () => {
    const store = createSqliteStore({ file: temp.file });
    const pending = store.append('b', bytes(7));
    await store.close();
    expect(await pending).toBe(1);
    const reopened = createSqliteStore({ file: temp.file });
    expect(await reopened.load('b')).toEqual({ updates: [bytes(7)], lastSeq: 1 });
    await reopened.close();
  });
});
