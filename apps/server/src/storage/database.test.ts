import { describe, expect, it } from 'vitest';
import { addMissingColumns, dropPresentColumns, openDatabase } from './database.js';
import { useTempDatabase } from './tempDatabase.fixture.js';

const temp = useTempDatabase('kinmap-db-');

const columns = (db: ReturnType<typeof openDatabase>, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

describe('openDatabase', () => {
  it('opens the file in WAL mode with synchronous=NORMAL and secure_delete', () => {
    const db = openDatabase(temp.file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // 1 = NORMAL
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    db.close();
  });

  it('adds only the columns a table lacks, and drops only those it still has, keeping its rows', () => {
    const db = openDatabase(temp.file);
    db.exec("CREATE TABLE t (id TEXT, old TEXT); INSERT INTO t VALUES ('a', 'x')");
    addMissingColumns(db, 't', { id: 'TEXT', added: 'INTEGER NOT NULL DEFAULT 7' });
    dropPresentColumns(db, 't', ['old', 'never-there']);
    expect(columns(db, 't')).toEqual(['id', 'added']);
    expect(db.prepare('SELECT * FROM t').all()).toEqual([{ id: 'a', added: 7 }]);
    db.close();
  });
});
