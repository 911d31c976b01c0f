import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checksumMatches, checksumOf, createQuarantine, QUARANTINE_SCHEMA } from './quarantine.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('createQuarantine', () => {
  let db: Database.Database;
  const events: string[] = [];
  const logger = {
    info() {},
    warn() {},
    error: (event: string, fields?: object) => events.push(`${event} ${JSON.stringify(fields)}`),
  };
  beforeEach(() => {
    events.length = 0;
    db = new Database(':memory:');
    db.exec(`${QUARANTINE_SCHEMA}
      CREATE TABLE updates (board_id TEXT, seq INTEGER, data BLOB);
      CREATE TABLE snapshots (board_id TEXT, through_seq INTEGER, data BLOB);
      INSERT INTO updates VALUES ('b', 1, x'0102'), ('b', 2, x'03');
      INSERT INTO snapshots VALUES ('b', 7, x'0405');`);
  });
  afterEach(() => db.close());

  it('moves an update or a snapshot into quarantined_updates with its reason and logs ids and sizes', () => {
    const quarantine = createQuarantine(db, logger, () => 99);
    quarantine.move({ boardId: 'b', kind: 'update', seq: 1, data: bytes(1, 2), format: 0 }, 'checksum');
    quarantine.move({ boardId: 'b', kind: 'snapshot', seq: 7, data: bytes(4, 5), format: 1 }, 'unreadable');
    expect(db.prepare('SELECT seq FROM updates').all()).toEqual([{ seq: 2 }]);
    expect(db.prepare('SELECT * FROM snapshots').all()).toEqual([]);
    expect(db.prepare('SELECT * FROM quarantined_updates ORDER BY rowid').all()).toEqual([
      {
        board_id: 'b',
        kind: 'update',
        seq: 1,
        data: Buffer.from([1, 2]),
        format: 0,
        reason: 'checksum',
        quarantined_at: 99,
      },
      {
        board_id: 'b',
        kind: 'snapshot',
        seq: 7,
        data: Buffer.from([4, 5]),
        format: 1,
        reason: 'unreadable',
        quarantined_at: 99,
      },
    ]);
    expect(events).toEqual([
      'store.quarantined {"boardId":"b","kind":"update","seq":1,"bytes":2,"reason":"checksum"}',
      'store.quarantined {"boardId":"b","kind":"snapshot","seq":7,"bytes":2,"reason":"unreadable"}',
    ]);
  });

  it('leaves the record in place and logs quarantine_failed when the move cannot be written', () => {
    db.exec(
      `CREATE TRIGGER full BEFORE INSERT ON quarantined_updates BEGIN SELECT RAISE(ABORT, 'full'); END`,
    );
    const quarantine = createQuarantine(db, logger, () => 0);
    quarantine.move({ boardId: 'b', kind: 'update', seq: 1, data: bytes(1, 2), format: 0 }, 'checksum');
    expect(db.prepare('SELECT seq FROM updates ORDER BY seq').all()).toEqual([{ seq: 1 }, { seq: 2 }]);
    expect(events).toEqual([
      'store.quarantine_failed {"boardId":"b","kind":"update","seq":1,"bytes":2,"reason":"checksum"}',
    ]);
  });
});

describe('checksumMatches', () => {
  it('accepts the bytes a checksum was written for, refuses any other, and skips rows without one', () => {
    const crc = checksumOf(bytes(1, 2, 3));
    expect(checksumMatches(bytes(1, 2, 3), crc)).toBe(true);
    expect(checksumMatches(bytes(1, 2), crc)).toBe(false);
    expect(checksumMatches(bytes(1, 2, 4), crc)).toBe(false);
    expect(checksumMatches(bytes(9), null)).toBe(true);
  });
});
