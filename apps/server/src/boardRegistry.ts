import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type BoardId, initBoard, newId, Origins, type Result, ROLES, type Role } from '@kinmap/model';
import type { DocStore } from '@kinmap/sync';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';

/** What the registry knows about a board; its content lives in the DocStore. */
export interface BoardRecord {
  readonly id: BoardId;
  readonly title: string;
  readonly createdAt: number;
}

/** One secret per role. Shown once at creation; only their SHA-256 hashes are stored. */
export type BoardTokens = Readonly<Record<Role, string>>;

export interface CreatedBoard {
  readonly id: BoardId;
  readonly createdAt: number;
  readonly tokens: BoardTokens;
}

export type CreateBoardResult =
  | { readonly ok: true; readonly value: CreatedBoard }
  | { readonly ok: false; readonly reason: 'invalid-title'; readonly detail?: string };

export interface BoardRegistry {
  /**
   * Creates a board with a fresh token per role and writes its initial document. A title the
   * model refuses (too long, unpaired surrogates) is `invalid-title` and creates nothing.
   */
  create(title: string): Promise<CreateBoardResult>;
  get(id: string): BoardRecord | null;
  /** The role a token grants on a board, or null when it grants none. */
  authenticate(id: string, token: string): { readonly role: Role } | null;
}

export interface BoardRegistryOptions {
  readonly db: Database.Database;
  /** Receives each new board's first update, so every client starts from the same meta. */
  readonly store: DocStore;
  readonly now?: () => number;
}

/** Board ids are URL-safe and short; anything else is rejected before touching the database. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isBoardId(value: string): value is BoardId {
  return BOARD_ID_PATTERN.test(value);
}

const TOKEN_BYTES = 32;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS board_tokens (
    board_id TEXT NOT NULL REFERENCES boards (id),
    role TEXT NOT NULL,
    token_hash BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (board_id, role)
  );
`;

/**
 * Boards and their role tokens in SQLite. Token checks hash the presented token and compare
 * it in constant time with every stored hash of the board, so neither the stored secret nor
 * the matching role leaks through timing.
 * @example const { id, tokens } = await registry.create('Family map'); registry.authenticate(id, tokens.family)
 */
export function createBoardRegistry({ db, store, now = Date.now }: BoardRegistryOptions): BoardRegistry {
  db.exec(SCHEMA);
  const selectBoard = db.prepare('SELECT id, title, created_at FROM boards WHERE id = ?');
  const selectHashes = db.prepare('SELECT role, token_hash FROM board_tokens WHERE board_id = ?');
  const insertBoard = db.prepare('INSERT INTO boards (id, title, created_at) VALUES (?, ?, ?)');
  const insertToken = db.prepare(
    'INSERT INTO board_tokens (board_id, role, token_hash, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertAll = db.transaction((id: BoardId, title: string, createdAt: number, tokens: BoardTokens) => {
    insertBoard.run(id, title, createdAt);
    for (const role of ROLES) insertToken.run(id, role, hashToken(tokens[role]), createdAt);
  });

  return {
    async create(title) {
      const id = newId() as BoardId;
      const createdAt = now();
      const initial = initialDocument(title, createdAt);
      if (!initial.ok) return { ok: false, reason: 'invalid-title', detail: initial.reason };
      const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken()])) as Record<Role, string>;
      // The document goes first: a crash in between leaves an unreachable document rather
      // than a reachable board without meta.
      await store.append(id, initial.value);
      insertAll(id, title, createdAt, tokens);
      return { ok: true, value: { id, createdAt, tokens } };
    },

    get(id) {
      if (!isBoardId(id)) return null;
      const row = selectBoard.get(id) as { id: string; title: string; created_at: number } | undefined;
      return row ? { id: row.id as BoardId, title: row.title, createdAt: row.created_at } : null;
    },

    authenticate(id, token) {
      if (!isBoardId(id)) return null;
      const presented = hashToken(token);
      const rows = selectHashes.all(id) as { role: string; token_hash: Buffer }[];
      let match: Role | null = null;
      for (const row of rows) {
        // No early exit: every stored hash is compared whatever the outcome.
        if (row.token_hash.length === presented.length && timingSafeEqual(row.token_hash, presented)) {
          match = row.role as Role;
        }
      }
      return match && ROLES.includes(match) ? { role: match } : null;
    },
  };
}

/** 256 random bits, base64url (43 characters). */
function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The board's first update: meta and structure written by the model, so all clients agree on it. */
function initialDocument(title: string, createdAt: number): Result<Uint8Array> {
  const doc = new Y.Doc();
  try {
    const result = initBoard(doc, { title, createdAt }, { origin: Origins.local });
    return result.ok ? { ok: true, value: Y.encodeStateAsUpdate(doc) } : result;
  } finally {
    doc.destroy();
  }
}
