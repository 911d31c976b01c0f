import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from './sqliteStore.js';
import { useTempDatabase } from './tempDatabase.fixture.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const author = { participantId: 'alex', role: 'family' as const, sessionId: 's1', at: 1234, changes: [] };

const temp = useTempDatabase('kinmap-migrate-');

function columnsOf(table: string): string[] {
  const reader = new Database(temp.file, { readonly: true });
  const names = (reader.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
    (c) => c.name,
  );
  reader.close();
  return names;
}

describe('the store migrates files written by older versions', () => {
  it('[AD1] adds the format and checksum columns to a file written before them; old rows still load', async () => {
    const old = new Database(temp.file);
    old.exec(`CREATE TABLE updates (board_id TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
              at INTEGER NOT NULL, PRIMARY KEY (board_id, seq));
              CREATE TABLE snapshots (board_id TEXT PRIMARY KEY, through_seq INTEGER NOT NULL, data BLOB NOT NULL);
              INSERT INTO updates VALUES ('b', 1, x'01', 5);`);
    old.close();
    const store = createSqliteStore({ file: temp.file });
    expect(await store.append('b', bytes(2), author)).toBe(2);
    expect(await store.load('b')).toEqual({ updates: [bytes(1), bytes(2)], lastSeq: 2 });
    expect(columnsOf('updates')).toEqual(['board_id', 'seq', 'data', 'at', 'format', 'crc']);
    expect(columnsOf('snapshots')).toEqual(['board_id', 'through_seq', 'data', 'format', 'crc']);
    await store.close();
  });

  it('[AD1] drops the author columns `updates` carried beside the audit, keeping every update and audit row', async () => {
    // The schema as the previous release wrote it: author columns on `updates` and in `audit_updates`.
    const old = new Database(temp.file);
    old.exec(`CREATE TABLE updates (board_id TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
              at INTEGER NOT NULL, participant_id TEXT, role TEXT, session_id TEXT,
              format INTEGER NOT NULL DEFAULT 0, crc INTEGER, PRIMARY KEY (board_id, seq));
              CREATE TABLE snapshots (board_id TEXT PRIMARY KEY, through_seq INTEGER NOT NULL, data BLOB NOT NULL,
              format INTEGER NOT NULL DEFAULT 0, crc INTEGER);
              CREATE TABLE audit_updates (board_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL,
              participant_id TEXT, role TEXT, session_id TEXT, changes TEXT NOT NULL, PRIMARY KEY (board_id, seq));
              INSERT INTO snapshots VALUES ('b', 1, x'01', 0, NULL);
              INSERT INTO updates VALUES ('b', 2, x'02', 5, 'alex', 'family', 's0', 0, NULL);
              INSERT INTO updates VALUES ('b', 3, x'03', 6, NULL, NULL, NULL, 0, NULL);
              INSERT INTO audit_updates VALUES ('b', 2, 5, 'alex', 'family', 's0', '[{"kind":"card-added"}]');`);
    old.close();

    const store = createSqliteStore({ file: temp.file });
    expect(columnsOf('updates')).toEqual(['board_id', 'seq', 'data', 'at', 'format', 'crc']);
    expect(await store.load('b')).toEqual({ updates: [bytes(1), bytes(2), bytes(3)], lastSeq: 3 });
    expect(await store.append('b', bytes(4), author)).toBe(4);
    await store.close();
    // Opening again finds nothing left to change.
    await createSqliteStore({ file: temp.file }).close();

    // The audit's rows are untouched (read by hand: storage/ knows no audit, so this store keeps no new ones).
    const db = new Database(temp.file);
    const audited = db
      .prepare('SELECT seq, participant_id, session_id, changes FROM audit_updates')
      .raw()
      .all();
    db.close();
    expect(audited).toEqual([[2, 'alex', 's0', '[{"kind":"card-added"}]']]);
  });
});
