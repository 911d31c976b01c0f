import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMeta } from '@kinmap/model';
import { createMemoryStore, type DocStore } from '@kinmap/sync';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../storage/database.js';
import { createDataCipher } from '../storage/dataCipher.js';
import { BOARD_ID_PATTERN, createBoardRegistry } from './boardRegistry.js';

async function docOf(store: DocStore, boardId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await store.load(boardId)).updates) Y.applyUpdate(doc, update);
  return doc;
}

async function createdBoard(registry: ReturnType<typeof createBoardRegistry>, title: string) {
  const result = await registry.create(title);
  if (!result.ok) throw new Error(`create failed: ${result.reason}`);
  return result.value;
}

describe('createBoardRegistry', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const fresh = (now = () => 1_700_000_000_000) => {
    const db = openDatabase(':memory:');
    const store = createMemoryStore();
    return { db, store, registry: createBoardRegistry({ db, store, now }) };
  };

  it('creates a board with a URL-safe id and hands out no secret with it', async () => {
    const { registry } = fresh();
    const board = await createdBoard(registry, 'Family map');
    expect(board.id).toMatch(BOARD_ID_PATTERN);
    expect(board).toEqual({ id: board.id, createdAt: 1_700_000_000_000 });
    expect(registry.get(board.id)).toEqual({
      id: board.id,
      title: 'Family map',
      createdAt: 1_700_000_000_000,
    });
  });

  it('writes the initial document, so every client starts from the same meta', async () => {
    const { registry, store } = fresh();
    const board = await createdBoard(registry, 'Family map');
    const meta = readMeta(await docOf(store, board.id));
    expect(meta).toMatchObject({ title: 'Family map', createdAt: 1_700_000_000_000 });
    expect((await store.load(board.id)).lastSeq).toBe(1);
  });

  it('drops the per-role token table of a file from before accounts, and keeps its boards', async () => {
    const db = openDatabase(':memory:');
    db.exec(`
      CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE board_tokens (board_id TEXT NOT NULL, role TEXT NOT NULL, token_hash BLOB NOT NULL,
        created_at INTEGER NOT NULL, PRIMARY KEY (board_id, role));
      INSERT INTO boards VALUES ('oldBoard', 'Old map', 1);
      INSERT INTO board_tokens VALUES ('oldBoard', 'family', x'00', 1);
    `);
    const registry = createBoardRegistry({ db, store: createMemoryStore() });
    const tables = db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'board_tokens'",
    );
    expect(tables.all()).toEqual([]);
    expect(registry.get('oldBoard')).toEqual({ id: 'oldBoard', title: 'Old map', createdAt: 1 });
  });

  it('refuses a title the model refuses and creates nothing', async () => {
    const { registry, db, store } = fresh();
    const result = await registry.create('broken \uD800 title');
    expect(result).toMatchObject({ ok: false, reason: 'invalid-title' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM boards').get()).toEqual({ n: 0 });
    expect(await store.pendingCount('any')).toBe(0);
  });

  it('answers null for unknown and malformed board ids', () => {
    const { registry } = fresh();
    expect(registry.get('unknown')).toBeNull();
    expect(registry.get('../../etc/passwd')).toBeNull();
    expect(registry.get('a'.repeat(65))).toBeNull();
  });

  it('keeps boards across a restart of the database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinmap-registry-'));
    dirs.push(dir);
    const file = join(dir, 'kinmap.sqlite');
    const store = createMemoryStore();
    const first = openDatabase(file);
    const board = await createdBoard(createBoardRegistry({ db: first, store }), 'Kept');
    first.close();
    const second = openDatabase(file);
    const reopened = createBoardRegistry({ db: second, store });
    expect(reopened.get(board.id)?.title).toBe('Kept');
    second.close();
  });

  it('[AD5] with a key, titles are sealed in the row (also those from before the key) and read back', async () => {
    const { db, store, registry } = fresh();
    const early = await createdBoard(registry, 'Case Early-1');
    const cipher = createDataCipher(randomBytes(32));
    const keyed = createBoardRegistry({ db, store, cipher });
    const late = (await keyed.create('Case Late-2')) as { ok: true; value: { id: string } };
    const rows = db.prepare('SELECT title, title_sealed FROM boards').all() as {
      title: string;
      title_sealed: Buffer;
    }[];
    expect(rows.map((row) => row.title)).toEqual(['', '']);
    expect(rows.some((row) => row.title_sealed.toString('latin1').includes('Case'))).toBe(false);
    expect(keyed.get(early.id)?.title).toBe('Case Early-1');
    expect(keyed.get(late.value.id)?.title).toBe('Case Late-2');
  });
});
