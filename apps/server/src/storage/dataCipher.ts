import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * Encryption at rest (docs/SECURITY.md "Data at rest"): AES-256-GCM under a per-board key derived
 * with HKDF-SHA256 from the master key (KINMAP_DATA_KEY) and the board id. Each record gets a random
 * 96-bit IV; the board id, the record's kind and its position (seq, scale/participant) are the
 * additional authenticated data, so a sealed blob moved to another board or row fails to open.
 */
export interface DataCipher {
  seal(boardId: string, kind: SealedKind, position: string | number, plaintext: Uint8Array): Buffer;
  /** Throws `SealedRecordError` when the blob was altered, moved, or sealed under another key. */
  open(boardId: string, kind: SealedKind, position: string | number, sealed: Uint8Array): Buffer;
}

export type SealedKind = 'update' | 'snapshot' | 'rating' | 'title' | 'version' | 'meeting' | 'invite';

/** Record formats (the first byte of a sealed blob, and the `format` column beside it). */
export const RecordFormat = { plain: 0, aesGcmV1: 1 } as const;

export const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

/** A stored record that cannot be opened: tampered, moved, truncated, or sealed under another key. */
export class SealedRecordError extends Error {
  constructor(
    readonly boardId: string,
    readonly kind: SealedKind,
  ) {
    super(`a stored ${kind} of board ${boardId} failed authentication`);
    this.name = 'SealedRecordError';
  }
}

const aad = (boardId: string, kind: SealedKind, position: string | number): Buffer =>
  Buffer.from(`kinmap/v1\u0000${boardId}\u0000${kind}\u0000${position}`, 'utf8');

/** @example const cipher = createDataCipher(key); cipher.open(id, 'update', 3, cipher.seal(id, 'update', 3, bytes)) */
export function createDataCipher(masterKey: Uint8Array): DataCipher {
  if (masterKey.byteLength !== DATA_KEY_BYTES) throw new RangeError('the data key must be 32 bytes');
  const master = Buffer.from(masterKey);
  const boardKeys = new Map<string, Buffer>();
  const keyOf = (boardId: string): Buffer => {
    let key = boardKeys.get(boardId);
    if (key === undefined) {
      key = Buffer.from(hkdfSync('sha256', master, 'kinmap/board-key/v1', boardId, DATA_KEY_BYTES));
      boardKeys.set(boardId, key);
    }
    return key;
  };
  return {
    seal(boardId, kind, position, plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyOf(boardId), iv);
      cipher.setAAD(aad(boardId, kind, position));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([Buffer.of(RecordFormat.aesGcmV1), iv, cipher.getAuthTag(), body]);
    },
    open(boardId, kind, position, sealed) {
      const blob = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      if (blob.length < HEADER_BYTES || blob[0] !== RecordFormat.aesGcmV1) {
        throw new SealedRecordError(boardId, kind);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyOf(boardId), blob.subarray(1, 1 + IV_BYTES));
        decipher.setAAD(aad(boardId, kind, position));
        decipher.setAuthTag(blob.subarray(1 + IV_BYTES, HEADER_BYTES));
        return Buffer.concat([decipher.update(blob.subarray(HEADER_BYTES)), decipher.final()]);
      } catch {
        throw new SealedRecordError(boardId, kind);
      }
    },
  };
}

export type DataKeyResult =
  | { readonly ok: true; readonly value: Buffer | null }
  | { readonly ok: false; readonly reason: 'invalid-key'; readonly detail: string };

/**
 * The master key from KINMAP_DATA_KEY (base64 of 32 bytes) or KINMAP_DATA_KEY_FILE (a file
 * holding that base64); null when neither is set. Messages never quote the key.
 */
export function loadDataKey(
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string,
): DataKeyResult {
  const inline = env.KINMAP_DATA_KEY;
  const file = env.KINMAP_DATA_KEY_FILE;
  if (inline && file) return invalidKey('set KINMAP_DATA_KEY or KINMAP_DATA_KEY_FILE, not both');
  let text: string;
  if (inline) text = inline;
  else if (file) {
    try {
      text = readFile(file);
    } catch {
      return invalidKey('KINMAP_DATA_KEY_FILE could not be read');
    }
  } else return { ok: true, value: null };
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== DATA_KEY_BYTES) {
    return invalidKey('the data key must be the base64 of 32 random bytes (openssl rand -base64 32)');
  }
  return { ok: true, value: key };
}

const invalidKey = (detail: string): DataKeyResult => ({ ok: false, reason: 'invalid-key', detail });

export type KeyCheckResult =
  | {
      readonly ok: true;
      readonly state: 'plaintext' | 'encrypted';
      /** This start stored the check value: data written before it is plaintext and must be sealed. */
      readonly firstKeyedStart: boolean;
    }
  | { readonly ok: false; readonly reason: 'wrong-key' | 'key-required'; readonly detail: string };

const KEY_CHECK_SCHEMA = `
  CREATE TABLE IF NOT EXISTS data_key_check (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    check_value BLOB NOT NULL,
    created_at INTEGER NOT NULL
  );
`;

const checkValueOf = (key: Uint8Array): Buffer =>
  createHmac('sha256', Buffer.from(key)).update('kinmap/key-check/v1').digest();

/**
 * Compares the master key with the check value stored by the first start that had one (an HMAC,
 * which reveals nothing about the key). A wrong key, or no key for a data directory that has been
 * encrypted, refuses the start: writing under another key would leave boards no key can open.
 */
export function checkDataKey(db: Database.Database, key: Uint8Array | null, now = Date.now): KeyCheckResult {
  db.exec(KEY_CHECK_SCHEMA);
  const row = db.prepare('SELECT check_value FROM data_key_check WHERE id = 1').get() as
    | { check_value: Buffer }
    | undefined;
  if (key === null) {
    if (row === undefined) return { ok: true, state: 'plaintext', firstKeyedStart: false };
    return {
      ok: false,
      reason: 'key-required',
      detail: 'this data directory is encrypted: set KINMAP_DATA_KEY or KINMAP_DATA_KEY_FILE',
    };
  }
  const expected = checkValueOf(key);
  if (row === undefined) {
    db.prepare('INSERT INTO data_key_check (id, check_value, created_at) VALUES (1, ?, ?)').run(
      expected,
      now(),
    );
    return { ok: true, state: 'encrypted', firstKeyedStart: true };
  }
  if (row.check_value.length !== expected.length || !timingSafeEqual(row.check_value, expected)) {
    return {
      ok: false,
      reason: 'wrong-key',
      detail: 'the data key does not match the key this data directory was encrypted with',
    };
  }
  return { ok: true, state: 'encrypted', firstKeyedStart: false };
}
