import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDataCipher } from './dataCipher.js';
import { checksumOf } from './quarantine.js';
import { createSqliteStore } from './sqliteStore.js';
import { editRow, flipLastByte, quarantined, rawRows, recordingLogger } from './storeRows.fixture.js';
import { useTempDatabase } from './tempDatabase.fixture.js';

const bytes = (...values: number[]) => new Uint8Array(values);

const temp = useTempDatabase('kinmap-sqlite-');

describe('createSqliteStore: corrupt and truncated records', () => {
  it('[S9] writes a CRC-32 beside each plaintext update and snapshot, and none beside sealed ones', async () => {
    const store = createSqliteStore({ file: temp.file });
    await store.append('b', bytes(1, 2));
    await store.compact('b', bytes(3, 4, 5), 1);
    await store.append('b', bytes(6));
    await store.close();
    const reader = new Database(temp.file, { readonly: true });
    const crcs = reader.prepare('SELECT crc FROM snapshots UNION ALL SELECT crc FROM updates').all() as {
      crc: number;
    }[];
    reader.close();
    expect(crcs.map((row) => row.crc)).toEqual([checksumOf(bytes(3, 4, 5)), checksumOf(bytes(6))]);
    const sealed = createSqliteStore({ file: temp.file, cipher: createDataCipher(randomBytes(32)) });
    await sealed.append('b', bytes(7));
    await sealed.close();
    expect(rawRows(temp.file).map((row) => row.crc)).toEqual([null, null, null]);
  });

  it('[S9] quarantines a corrupted update, logs ids and sizes, and loads every other record', async () => {
    const { logger, events } = recordingLogger();
    const store = createSqliteStore({ file: temp.file, logger });
    for (const value of [1, 2, 3]) await store.append('b', bytes(value, value, value));
    editRow(temp.file, 'updates', 2, (data) => flipLastByte(data));
    expect(await store.load('b')).toEqual({ updates: [bytes(1, 1, 1), bytes(3, 3, 3)], lastSeq: 3 });
    expect(events).toEqual([
      'error store.quarantined {"boardId":"b","kind":"update","seq":2,"bytes":3,"reason":"checksum"}',
    ]);
    expect(quarantined(temp.file)).toEqual([
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
    const store = createSqliteStore({ file: temp.file, logger });
    const author = { participantId: 'alex', role: 'family' as const, sessionId: 's1', at: 1, changes: [] };
    await store.append('b', bytes(1, 1), author);
    await store.append('b', bytes(2, 2, 2, 2), author);
    editRow(temp.file, 'updates', 2, (data) => data.subarray(0, 2));
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
    const store = createSqliteStore({ file: temp.file, logger });
    for (const value of [1, 2]) await store.append('b', bytes(value));
    await store.compact('b', bytes(1, 2, 0), 2);
    await store.append('b', bytes(3));
    const reader = new Database(temp.file);
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
    const store = createSqliteStore({ file: temp.file });
    await store.append('b', bytes(1));
    const writer = new Database(temp.file);
    writer.prepare('UPDATE updates SET crc = NULL, data = ?').run(Buffer.from([7, 7]));
    writer.close();
    expect(await store.load('b')).toEqual({ updates: [bytes(7, 7)], lastSeq: 1 });
    await store.close();
  });
});
