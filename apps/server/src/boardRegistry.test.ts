import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES, readMeta } from '@kinmap/model';
import { createMemoryStore, type DocStore } from '@kinmap/sync';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BOARD_ID_PATTERN, createBoardRegistry, hashToken } from './boardRegistry.js';
import { openDatabase } from './sqliteStore.js';

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

  it('creates a board with a URL-safe id and one distinct 256-bit token per role', async () => {
    const { registry } = fresh();
    const board = await createdBoard(registry, 'Family map');
    expect(board.id).toMatch(BOARD_ID_PATTERN);
    expect(Object.keys(board.tokens).sort()).toEqual([...ROLES].sort());
    const tokens = Object.values(board.tokens);
    expect(new Set(tokens).size).toBe(5);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    }
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

  it('grants each role through its own token and nothing through a wrong or foreign token', async () => {
    const { registry } = fresh();
    const board = await createdBoard(registry, 'A');
    const other = await createdBoard(registry, 'B');
    for (const role of ROLES) expect(registry.authenticate(board.id, board.tokens[role])).toEqual({ role });
    expect(registry.authenticate(board.id, 'x'.repeat(43))).toBeNull();
    expect(registry.authenticate(board.id, '')).toBeNull();
    expect(registry.authenticate(board.id, other.tokens.facilitator)).toBeNull();
    expect(registry.authenticate('unknown', board.tokens.facilitator)).toBeNull();
    expect(registry.authenticate('../etc', board.tokens.facilitator)).toBeNull();
  });

  it('[E2] stores only SHA-256 hashes of tokens, never the tokens themselves', async () => {
    const { registry, db } = fresh();
    const board = await createdBoard(registry, 'A');
    const rows = db.prepare('SELECT role, token_hash FROM board_tokens WHERE board_id = ?').all(board.id) as {
      role: 'viewer';
      token_hash: Buffer;
    }[];
    expect(rows).toHaveLength(5);
    const dump =
      JSON.stringify(db.prepare('SELECT * FROM board_tokens').all()) +
      rows.map((r) => r.token_hash.toString('latin1')).join();
    for (const row of rows) {
      expect(row.token_hash.equals(hashToken(board.tokens[row.role]))).toBe(true);
    }
    for (const token of Object.values(board.tokens)) expect(dump).not.toContain(token);
  });

  it('refuses a title the model refuses and creates nothing', async () => {
    const { registry, db, store } = fresh();
    const result = await registry.create('broken \uD800 title');
    expect(result).toMatchObject({ ok: false, reason: 'invalid-title' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM boards').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM board_tokens').get()).toEqual({ n: 0 });
    expect(await store.pendingCount('any')).toBe(0);
  });

  it('answers null for unknown and malformed board ids', () => {
    const { registry } = fresh();
    expect(registry.get('unknown')).toBeNull();
    expect(registry.get('../../etc/passwd')).toBeNull();
    expect(registry.get('a'.repeat(65))).toBeNull();
  });

  it('keeps boards and tokens across a restart of the database file', async () => {
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
    expect(reopened.authenticate(board.id, board.tokens.network)).toEqual({ role: 'network' });
    second.close();
  });
});
