import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { checkDataKey, createDataCipher, loadDataKey, SealedRecordError } from './dataCipher.js';

const key = randomBytes(32);
const text = (value: string) => new TextEncoder().encode(value);

describe('createDataCipher', () => {
  it('[AD5] seals and opens a record; the sealed bytes hold no plaintext and differ every time', () => {
    const cipher = createDataCipher(key);
    const sealed = cipher.seal('board-1', 'update', 7, text('Dad shouted at night'));
    expect(sealed[0]).toBe(1);
    expect(sealed.toString('latin1')).not.toContain('Dad shouted');
    expect(cipher.seal('board-1', 'update', 7, text('Dad shouted at night')).equals(sealed)).toBe(false);
    expect(cipher.open('board-1', 'update', 7, sealed).toString('utf8')).toBe('Dad shouted at night');
  });

  it('[AD5] refuses a tampered record, one moved to another board, kind or position, and another key', () => {
    const cipher = createDataCipher(key);
    const sealed = cipher.seal('board-1', 'update', 7, text('worry'));
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 1;
    expect(() => cipher.open('board-1', 'update', 7, tampered)).toThrow(SealedRecordError);
    expect(() => cipher.open('board-2', 'update', 7, sealed)).toThrow(SealedRecordError);
    expect(() => cipher.open('board-1', 'snapshot', 7, sealed)).toThrow(SealedRecordError);
    expect(() => cipher.open('board-1', 'update', 8, sealed)).toThrow(SealedRecordError);
    expect(() => createDataCipher(randomBytes(32)).open('board-1', 'update', 7, sealed)).toThrow(
      SealedRecordError,
    );
    expect(() => cipher.open('board-1', 'update', 7, sealed.subarray(0, 10))).toThrow(SealedRecordError);
    expect(() => createDataCipher(randomBytes(16))).toThrow(RangeError);
  });
});

describe('loadDataKey', () => {
  const base64 = key.toString('base64');
  it('[AD5] reads the key from KINMAP_DATA_KEY or a key file, and nothing when neither is set', () => {
    const none = () => {
      throw new Error('no file');
    };
    expect(loadDataKey({}, none)).toEqual({ ok: true, value: null });
    expect(loadDataKey({ KINMAP_DATA_KEY: base64 }, none)).toEqual({ ok: true, value: key });
    expect(loadDataKey({ KINMAP_DATA_KEY_FILE: '/k' }, () => `${base64}\n`)).toEqual({
      ok: true,
      value: key,
    });
  });

  it('[AD5] refuses a short, malformed or unreadable key, and both variables at once, without quoting it', () => {
    const file = () => base64;
    for (const env of [
      { KINMAP_DATA_KEY: randomBytes(16).toString('base64') },
      { KINMAP_DATA_KEY: 'not base64 at all!' },
      { KINMAP_DATA_KEY: base64, KINMAP_DATA_KEY_FILE: '/k' },
    ]) {
      const result = loadDataKey(env, file);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.detail).not.toContain(env.KINMAP_DATA_KEY);
    }
    expect(
      loadDataKey({ KINMAP_DATA_KEY_FILE: '/missing' }, () => {
        throw new Error('ENOENT');
      }).ok,
    ).toBe(false);
  });
});

describe('checkDataKey', () => {
  it('[AD6] remembers the first key, accepts it again, and refuses another key or none', () => {
    const db = openDatabase(':memory:');
    expect(checkDataKey(db, null)).toEqual({ ok: true, state: 'plaintext', firstKeyedStart: false });
    expect(checkDataKey(db, key)).toEqual({ ok: true, state: 'encrypted', firstKeyedStart: true });
    expect(checkDataKey(db, key)).toEqual({ ok: true, state: 'encrypted', firstKeyedStart: false });
    expect(checkDataKey(db, randomBytes(32))).toMatchObject({ ok: false, reason: 'wrong-key' });
    expect(checkDataKey(db, null)).toMatchObject({ ok: false, reason: 'key-required' });
    const stored = db.prepare('SELECT check_value FROM data_key_check').get() as { check_value: Buffer };
    expect(stored.check_value.includes(key)).toBe(false);
    db.close();
  });
});
