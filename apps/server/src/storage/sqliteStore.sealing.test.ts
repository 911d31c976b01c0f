import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDataCipher, SealedRecordError } from './dataCipher.js';
import { createSqliteStore } from './sqliteStore.js';
import { editRow, flipLastByte, quarantined, rawRows, recordingLogger } from './storeRows.fixture.js';
import { useTempDatabase } from './tempDatabase.fixture.js';

const bytes = (...values: number[]) => new Uint8Array(values);

const temp = useTempDatabase('kinmap-sqlite-');

describe('createSqliteStore: encryption at rest', () => {
  it('[AD5] seals updates and snapshots; rows written before the key are sealed when the store opens with it', async () => {
    const plain = createSqliteStore({ file: temp.file });
    await plain.append('b', new TextEncoder().encode('before the key'));
    await plain.compact('b', new TextEncoder().encode('plain snapshot'), 1);
    await plain.append('b', new TextEncoder().encode('plain update'));
    await plain.close();
    const cipher = createDataCipher(randomBytes(32));
    const store = createSqliteStore({ file: temp.file, cipher });
    await store.append('b', new TextEncoder().encode('after the key'));
    const raw = () => {
      const reader = new Database(temp.file, { readonly: true });
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
    const store = createSqliteStore({ file: temp.file, cipher });
    await store.append('b', bytes(1));
    const writer = new Database(temp.file);
    writer
      .prepare('INSERT INTO updates (board_id, seq, data, at, format) VALUES (?, 2, ?, 0, 0)')
      .run('b', Buffer.from([2]));
    writer.close();
    expect(await store.load('b')).toEqual({ updates: [bytes(1), bytes(2)], lastSeq: 2 });
    await store.close();
  });

  it('[AD5] a tampered sealed update is quarantined with a logged error naming only ids and sizes', async () => {
    const { logger, events } = recordingLogger();
    const store = createSqliteStore({ file: temp.file, cipher: createDataCipher(randomBytes(32)), logger });
    await store.append('b', bytes(1, 2, 3));
    await store.append('b', bytes(4));
    const sealedSize = rawRows(temp.file)[0]?.data.byteLength;
    editRow(temp.file, 'updates', 1, (data) => flipLastByte(data));
    expect(await store.load('b')).toEqual({ updates: [bytes(4)], lastSeq: 2 });
    expect(events).toEqual([
      `error store.quarantined {"boardId":"b","kind":"update","seq":1,"bytes":${sealedSize},"reason":"unreadable"}`,
    ]);
    expect(quarantined(temp.file)).toEqual([
      { board_id: 'b', kind: 'update', seq: 1, format: 1, reason: 'unreadable' },
    ]);
    await store.close();
  });

  it('[AD5] a sealed record read without the key fails the load and stays where it is', async () => {
    const sealedStore = createSqliteStore({ file: temp.file, cipher: createDataCipher(randomBytes(32)) });
    await sealedStore.append('b', bytes(1));
    await sealedStore.close();
    const { logger, events } = recordingLogger();
    const store = createSqliteStore({ file: temp.file, logger });
    await expect(store.load('b')).rejects.toThrow(SealedRecordError);
    expect(events).toEqual([
      'error store.record_unreadable {"boardId":"b","kind":"update","seq":1,"keyed":false}',
    ]);
    expect(quarantined(temp.file)).toEqual([]);
    await store.close();
  });

  it('[AD5] the first keyed start quarantines a corrupt plaintext row instead of sealing it, then seals it there', async () => {
    const plain = createSqliteStore({ file: temp.file });
    await plain.append('b', new TextEncoder().encode('kept'));
    await plain.append('b', new TextEncoder().encode('damaged'));
    await plain.close();
    editRow(temp.file, 'updates', 2, (data) => data.subarray(0, 3));
    const { logger, events } = recordingLogger();
    const store = createSqliteStore({ file: temp.file, cipher: createDataCipher(randomBytes(32)), logger });
    expect(events).toEqual([
      'error store.quarantined {"boardId":"b","kind":"update","seq":2,"bytes":3,"reason":"checksum"}',
    ]);
    expect(quarantined(temp.file)).toEqual([
      { board_id: 'b', kind: 'update', seq: 2, format: 1, reason: 'checksum' },
    ]);
    const reader = new Database(temp.file, { readonly: true });
    const held = reader.prepare('SELECT data FROM quarantined_updates').get() as { data: Buffer };
    reader.close();
    expect(held.data.toString('latin1')).not.toContain('dam');
    const loaded = await store.load('b');
    expect(loaded.updates.map((u) => new TextDecoder().decode(u))).toEqual(['kept']);
    await store.close();
  });
});
