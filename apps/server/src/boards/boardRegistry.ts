import { type BoardId, initBoard, newId, Origins, type Result } from '@kinmap/model';
import type { DocStore } from '@kinmap/sync';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { addMissingColumns } from '../storage/database.js';
import type { DataCipher } from '../storage/dataCipher.js';

/** What the registry knows about a board; its content lives in the DocStore. */
export interface BoardRecord {
  readonly id: BoardId;
  readonly title: string;
  readonly createdAt: number;
}

export interface CreatedBoard {
  readonly id: BoardId;
  readonly createdAt: number;
}

export type CreateBoardResult =
  | { readonly ok: true; readonly value: CreatedBoard }
  | { readonly ok: false; readonly reason: 'invalid-title'; readonly detail?: string };

export interface BoardRegistry {
  /**
   * Creates a board and writes its initial document. A title the model refuses (too long, unpaired
   * surrogates) is `invalid-title` and creates nothing. Who may open it is the members table's
   * business (the caller adds the creator as facilitator).
   */
  create(title: string): Promise<CreateBoardResult>;
  get(id: string): BoardRecord | null;
}

export interface BoardRegistryOptions {
  readonly db: Database.Database;
  /** Receives each new board's first update, so every client starts from the same meta. */
  readonly store: DocStore;
  readonly now?: () => number;
  /** Seals board titles (KINMAP_DATA_KEY): a title often names the family. */
  readonly cipher?: DataCipher | null;
}

/** Board ids are URL-safe and short; anything else is rejected before touching the database. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isBoardId(value: string): value is BoardId {
  return BOARD_ID_PATTERN.test(value);
}

/**
 * The per-role board tokens of the first releases are gone (issue 4: access is by member); a file
 * from then loses their table, and with it the last hashes of secrets that no longer open anything.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  DROP TABLE IF EXISTS board_tokens;
`;

/**
 * Boards (id, title, creation time) in SQLite.
 * @example const created = await registry.create('Family map'); registry.get(created.value.id)
 */
export function createBoardRegistry({
  db,
  store,
  now = Date.now,
  cipher = null,
}: BoardRegistryOptions): BoardRegistry {
  db.exec(SCHEMA);
  // With a key, `title` is '' and `title_sealed` holds it; titles from before the key are sealed now.
  addMissingColumns(db, 'boards', { title_sealed: 'BLOB' });
  if (cipher) sealPlaintextTitles(db, cipher);
  const selectBoard = db.prepare('SELECT id, title, title_sealed, created_at FROM boards WHERE id = ?');
  const insertBoard = db.prepare(
    'INSERT INTO boards (id, title, title_sealed, created_at) VALUES (?, ?, ?, ?)',
  );
  const insert = (id: BoardId, title: string, createdAt: number): void => {
    const sealed = cipher ? cipher.seal(id, 'title', 0, Buffer.from(title, 'utf8')) : null;
    insertBoard.run(id, sealed ? '' : title, sealed, createdAt);
  };

  return {
    async create(title) {
      const id = newId() as BoardId;
      const createdAt = now();
      const initial = initialDocument(title, createdAt);
      if (!initial.ok) return { ok: false, reason: 'invalid-title', detail: initial.reason };
      // The document goes first: a crash in between leaves an unreachable document rather
      // than a reachable board without meta.
      await store.append(id, initial.value);
      insert(id, title, createdAt);
      return { ok: true, value: { id, createdAt } };
    },

    get(id) {
      if (!isBoardId(id)) return null;
      const row = selectBoard.get(id) as
        | { id: string; title: string; title_sealed: Buffer | null; created_at: number }
        | undefined;
      if (!row) return null;
      // A sealed title without the key, or altered, throws SealedRecordError (the request fails with 500).
      const title = row.title_sealed === null ? row.title : openTitle(cipher, row.id, row.title_sealed);
      return { id: row.id as BoardId, title, createdAt: row.created_at };
    },
  };
}

function openTitle(cipher: DataCipher | null, boardId: string, sealed: Buffer): string {
  if (!cipher) throw new Error('a sealed board title needs the data key');
  return cipher.open(boardId, 'title', 0, sealed).toString('utf8');
}

function sealPlaintextTitles(db: Database.Database, cipher: DataCipher): void {
  const rows = db.prepare('SELECT id, title FROM boards WHERE title_sealed IS NULL').all() as {
    id: string;
    title: string;
  }[];
  const update = db.prepare("UPDATE boards SET title = '', title_sealed = ? WHERE id = ?");
  db.transaction(() => {
    for (const row of rows)
      update.run(cipher.seal(row.id, 'title', 0, Buffer.from(row.title, 'utf8')), row.id);
  })();
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
