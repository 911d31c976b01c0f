import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { createDataCipher } from '../storage/dataCipher.js';
import { createVersions, type NewVersion } from './versionStore.js';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const HASH = 'a'.repeat(64);

function version(boardId: string, overrides: Partial<NewVersion> = {}): NewVersion {
  return {
    boardId,
    kind: 'manual',
    label: 'Before the review — Mam-gu',
    createdBy: { memberId: 'member-1', displayName: 'Sam Chair' },
    meetingId: null,
    contentHash: HASH,
    shared: utf8('shared doc: Tad yn yfed 4711'),
    restricted: utf8('restricted doc: Żółć 0815'),
    ...overrides,
  };
}

type Row = Record<string, unknown>;
const rowsOf = (db: Database.Database): Row[] =>
  db.prepare('SELECT * FROM versions ORDER BY rowid').all() as Row[];

describe('createVersions', () => {
  it('[VE1] numbers each board’s versions 1, 2, 3 in the order saved, and lists them oldest first', () => {
    let clock = 1000;
    const versions = createVersions(openDatabase(':memory:'), { now: () => clock++ });
    const a1 = versions.save(version('board-a'));
    const b1 = versions.save(version('board-b', { kind: 'meeting', meetingId: 'meeting-1', label: '' }));
    const a2 = versions.save(version('board-a', { label: 'Second' }));
    expect([a1.number, b1.number, a2.number]).toEqual([1, 1, 2]);
    expect(versions.list('board-a')).toEqual([a1, a2]);
    expect(versions.list('board-b')).toEqual([b1]);
    expect(b1).toMatchObject({ kind: 'meeting', meetingId: 'meeting-1', createdAt: 1001, contentHash: HASH });
    expect(versions.meta('board-a', a2.id)).toEqual(a2);
  });

  it('[VE2] gives back the exact bytes of both documents, and nothing of another board', () => {
    const versions = createVersions(openDatabase(':memory:'));
    const saved = versions.save(version('board-a', { restricted: null }));
    const stored = versions.get('board-a', saved.id);
    expect(stored?.meta).toEqual(saved);
    expect(Buffer.from(stored?.shared ?? []).toString('utf8')).toBe('shared doc: Tad yn yfed 4711');
    expect(stored?.restricted).toBeNull();
    expect(versions.get('board-b', saved.id)).toBeNull();
    expect(versions.meta('board-b', saved.id)).toBeNull();
  });

  it('[VE1] refuses every UPDATE and DELETE of a saved version, leaving the row byte for byte as it was', () => {
    const db = openDatabase(':memory:');
    const versions = createVersions(db);
    versions.save(version('board-a'));
    const before = rowsOf(db);
    const attempts = [
      "UPDATE versions SET content_hash = 'b'",
      "UPDATE versions SET shared = x'00'",
      "UPDATE versions SET label = 'rewritten'",
      'UPDATE versions SET number = 7',
      // Even dressed up as sealing, a change of identity is refused.
      "UPDATE versions SET format = 1, content_hash = 'c'",
      'DELETE FROM versions',
    ];
    for (const sql of attempts) expect(() => db.exec(sql), sql).toThrow(/versions are immutable/);
    expect(rowsOf(db)).toEqual(before);
  });

  it('[VE2] with a data key, no label or document byte reaches the row, and each reads back', () => {
    const db = openDatabase(':memory:');
    const versions = createVersions(db, { cipher: createDataCipher(randomBytes(32)) });
    const saved = versions.save(version('board-a'));
    const row = rowsOf(db)[0] as Row;
    expect(row.format).toBe(1);
    expect(row.label).toBe('');
    const raw = Buffer.concat([row.shared, row.restricted, row.label_sealed] as Buffer[]).toString('utf8');
    for (const secret of ['Tad yn yfed', 'Żółć', 'Mam-gu']) expect(raw).not.toContain(secret);
    const stored = versions.get('board-a', saved.id);
    expect(stored?.meta.label).toBe('Before the review — Mam-gu');
    expect(Buffer.from(stored?.restricted ?? []).toString('utf8')).toBe('restricted doc: Żółć 0815');
  });

  it('[VE2] seals versions saved before the key at the first start with it, without changing what they say', () => {
    const db = openDatabase(':memory:');
    const plain = createVersions(db).save(version('board-a'));
    const identity = db.prepare('SELECT id, number, created_at, content_hash FROM versions').get();
    const versions = createVersions(db, { cipher: createDataCipher(randomBytes(32)) });
    const row = rowsOf(db)[0] as Row;
    expect(row.format).toBe(1);
    expect(Buffer.from(row.shared as Buffer).toString('utf8')).not.toContain('Tad yn yfed');
    expect(db.prepare('SELECT id, number, created_at, content_hash FROM versions').get()).toEqual(identity);
    const stored = versions.get('board-a', plain.id);
    expect(stored?.meta).toEqual(plain);
    expect(Buffer.from(stored?.shared ?? []).toString('utf8')).toBe('shared doc: Tad yn yfed 4711');
    // Sealed once, the row is as immutable as before.
    expect(() => db.exec("UPDATE versions SET label = 'x'")).toThrow(/versions are immutable/);
  });

  it('[VE2] a sealed version does not open without its key, or under another board', () => {
    const db = openDatabase(':memory:');
    const saved = createVersions(db, { cipher: createDataCipher(randomBytes(32)) }).save(version('board-a'));
    expect(() => createVersions(db).get('board-a', saved.id)).toThrow(/data key/);
    expect(() =>
      createVersions(db, { cipher: createDataCipher(randomBytes(32)) }).get('board-a', saved.id),
    ).toThrow(/failed authentication/);
  });

  it('[CT7] keeps each child’s tool with the version, in order, sealed with a key, immutable, and only under its board', () => {
    const db = openDatabase(':memory:');
    const cipher = createDataCipher(randomBytes(32));
    const plain = createVersions(db).save(
      version('board-a', {
        childTools: [
          { toolId: 'tool-b', bytes: utf8('house of worries: shouting') },
          { toolId: 'tool-a', bytes: utf8('safety house: Nan') },
        ],
      }),
    );
    const none = createVersions(db).save(version('board-a'));
    const tools = () => db.prepare('SELECT * FROM version_child_tools ORDER BY rowid').all() as Row[];
    expect(tools().map((row) => row.format)).toEqual([0, 0]);
    // The first start with a key seals them, like the version's own documents.
    const versions = createVersions(db, { cipher });
    const sealed = tools();
    expect(sealed.map((row) => row.format)).toEqual([1, 1]);
    expect(Buffer.concat(sealed.map((row) => row.doc as Buffer)).toString('utf8')).not.toMatch(
      /shouting|Nan/,
    );
    expect(versions.childToolIds('board-a', plain.id)).toEqual(['tool-b', 'tool-a']);
    expect(versions.childToolIds('board-a', none.id)).toEqual([]);
    expect(Buffer.from(versions.childTool('board-a', plain.id, 'tool-b') ?? []).toString('utf8')).toBe(
      'house of worries: shouting',
    );
    expect(versions.childTool('board-b', plain.id, 'tool-b')).toBeNull();
    expect(versions.childTool('board-a', plain.id, 'tool-c')).toBeNull();
    // Saved with the key: sealed from the start, bound to its version and tool.
    const later = versions.save(
      version('board-a', { childTools: [{ toolId: 'tool-a', bytes: utf8('Nan') }] }),
    );
    expect(Buffer.from(versions.childTool('board-a', later.id, 'tool-a') ?? []).toString('utf8')).toBe('Nan');
    for (const sql of [
      "UPDATE version_child_tools SET doc = x'00'",
      "UPDATE version_child_tools SET tool_id = 'other'",
      'DELETE FROM version_child_tools',
    ]) {
      expect(() => db.exec(sql), sql).toThrow(/versions are immutable/);
    }
    expect(tools().slice(0, 2)).toEqual(sealed);
  });

  it('[CT7] saves a version and its child’s tools together or not at all', () => {
    const db = openDatabase(':memory:');
    const versions = createVersions(db);
    const twice = { toolId: 'tool-a', bytes: utf8('x') };
    expect(() => versions.save(version('board-a', { childTools: [twice, twice] }))).toThrow(/UNIQUE/);
    expect(rowsOf(db)).toEqual([]);
    expect(versions.save(version('board-a')).number).toBe(1);
  });
});
