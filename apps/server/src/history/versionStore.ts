import { newId, type VersionKind, type VersionMeta } from '@kinmap/model';
import type Database from 'better-sqlite3';
import { type DataCipher, RecordFormat } from '../storage/dataCipher.js';

/**
 * Saved versions of boards (docs/SPEC.md [VE1]–[VE3], [CT7]): a dated, numbered copy of both of a board's
 * documents (Yjs updates of the whole state), kept forever. Rows are immutable: triggers abort every
 * UPDATE and DELETE, except the one rewrite encryption needs — sealing a plaintext row the first
 * time the server starts with a data key, which changes the bytes but not the content (the content
 * hash, computed over the content, stays true).
 */
export interface NewVersion {
  readonly boardId: string;
  readonly kind: VersionKind;
  readonly label: string;
  readonly createdBy: { readonly memberId: string; readonly displayName: string };
  readonly meetingId: string | null;
  readonly contentHash: string;
  /** `Y.encodeStateAsUpdate` of the shared document. */
  readonly shared: Uint8Array;
  /** The same of the restricted document (professionals-only cards). */
  readonly restricted: Uint8Array | null;
  /** The same of each of the child's tools of the board (issue 14), kept with the version. */
  readonly childTools?: readonly VersionChildTool[];
}

export interface VersionChildTool {
  readonly toolId: string;
  /** `Y.encodeStateAsUpdate` of the tool's document. */
  readonly bytes: Uint8Array;
}

export interface StoredVersion {
  readonly meta: VersionMeta;
  readonly shared: Uint8Array;
  readonly restricted: Uint8Array | null;
}

export interface Versions {
  /**
   * Saves a version numbered one more than the board's last. Synchronous, so a caller's
   * `db.transaction` (closing a meeting) covers it.
   */
  save(version: NewVersion): VersionMeta;
  /** The board's versions, oldest first. */
  list(boardId: string): VersionMeta[];
  /** A version's description, or null when the board has no such version. */
  meta(boardId: string, versionId: string): VersionMeta | null;
  /** A version with its content; throws SealedRecordError when a sealed blob fails to open. */
  get(boardId: string, versionId: string): StoredVersion | null;
  /** The ids of the child's tools the version kept, oldest first ([] for a version of none). */
  childToolIds(boardId: string, versionId: string): string[];
  /** One child's tool as the version kept it, or null when it kept no such tool. */
  childTool(boardId: string, versionId: string, toolId: string): Uint8Array | null;
}

export interface VersionsOptions {
  /** Seals each version's documents and label (KINMAP_DATA_KEY); null: plaintext. */
  readonly cipher?: DataCipher | null;
  readonly now?: () => number;
}

/** The columns that name and date a version: never changed, not even by sealing. */
const IDENTITY = [
  'id',
  'board_id',
  'number',
  'kind',
  'created_at',
  'created_by',
  'display_name',
  'meeting_id',
  'content_hash',
] as const;
const sameIdentity = IDENTITY.map((column) => `NEW.${column} IS OLD.${column}`).join(' AND ');

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS versions (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    label_sealed BLOB,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    display_name TEXT NOT NULL,
    meeting_id TEXT,
    content_hash TEXT NOT NULL,
    shared BLOB NOT NULL,
    restricted BLOB,
    format INTEGER NOT NULL DEFAULT 0,
    UNIQUE (board_id, number)
  );
  CREATE TRIGGER IF NOT EXISTS versions_no_update BEFORE UPDATE ON versions
    WHEN NOT (OLD.format = ${RecordFormat.plain} AND NEW.format = ${RecordFormat.aesGcmV1} AND ${sameIdentity})
    BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
  CREATE TRIGGER IF NOT EXISTS versions_no_delete BEFORE DELETE ON versions
    BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
  CREATE TABLE IF NOT EXISTS version_child_tools (
    version_id TEXT NOT NULL REFERENCES versions (id),
    board_id TEXT NOT NULL,
    tool_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    doc BLOB NOT NULL,
    format INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (version_id, tool_id)
  );
  CREATE TRIGGER IF NOT EXISTS version_child_tools_no_update BEFORE UPDATE ON version_child_tools
    WHEN NOT (OLD.format = ${RecordFormat.plain} AND NEW.format = ${RecordFormat.aesGcmV1}
      AND NEW.version_id IS OLD.version_id AND NEW.board_id IS OLD.board_id
      AND NEW.tool_id IS OLD.tool_id AND NEW.position IS OLD.position)
    BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
  CREATE TRIGGER IF NOT EXISTS version_child_tools_no_delete BEFORE DELETE ON version_child_tools
    BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
`;

interface VersionRow {
  id: string;
  board_id: string;
  number: number;
  kind: string;
  label: string;
  label_sealed: Buffer | null;
  created_at: number;
  created_by: string;
  display_name: string;
  meeting_id: string | null;
  content_hash: string;
  format: number;
}

const META_COLUMNS =
  'id, board_id, number, kind, label, label_sealed, created_at, created_by, display_name, meeting_id, content_hash, format';

/** Where each sealed part of a version is bound (the additional data of its seal). */
const position = (versionId: string, part: 'shared' | 'restricted' | 'label'): string =>
  `${versionId}/${part}`;
/** Where a child's tool kept with a version is bound: its version and its own id. */
const toolPosition = (versionId: string, toolId: string): string => `${versionId}/child/${toolId}`;

/** @example const versions = createVersions(db, { cipher }); versions.save({ boardId, kind: 'manual', … }) */
export function createVersions(
  db: Database.Database,
  { cipher = null, now = Date.now }: VersionsOptions = {},
): Versions {
  db.exec(SCHEMA);
  if (cipher) sealPlaintextVersions(db, cipher);
  const insert = db.prepare(
    `INSERT INTO versions (id, board_id, number, kind, label, label_sealed, created_at, created_by,
       display_name, meeting_id, content_hash, shared, restricted, format)
     VALUES (@id, @boardId, @number, @kind, @label, @labelSealed, @createdAt, @createdBy,
       @displayName, @meetingId, @contentHash, @shared, @restricted, @format)`,
  );
  const lastNumber = db.prepare('SELECT MAX(number) AS n FROM versions WHERE board_id = ?');
  const listOf = db.prepare(`SELECT ${META_COLUMNS} FROM versions WHERE board_id = ? ORDER BY number`);
  const metaOf = db.prepare(`SELECT ${META_COLUMNS} FROM versions WHERE board_id = ? AND id = ?`);
  const contentOf = db.prepare(
    'SELECT shared, restricted, format FROM versions WHERE board_id = ? AND id = ?',
  );
  const insertTool = db.prepare(
    `INSERT INTO version_child_tools (version_id, board_id, tool_id, position, doc, format)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const toolIdsOf = db.prepare(
    'SELECT tool_id FROM version_child_tools WHERE board_id = ? AND version_id = ? ORDER BY position',
  );
  const toolOf = db.prepare(
    'SELECT doc, format FROM version_child_tools WHERE board_id = ? AND version_id = ? AND tool_id = ?',
  );

  const toMeta = (row: VersionRow): VersionMeta => ({
    id: row.id,
    boardId: row.board_id,
    number: row.number,
    kind: row.kind === 'meeting' ? 'meeting' : 'manual',
    label: row.label_sealed === null ? row.label : openText(row, 'label', row.label_sealed),
    createdAt: row.created_at,
    createdBy: { memberId: row.created_by, displayName: row.display_name },
    meetingId: row.meeting_id,
    contentHash: row.content_hash,
  });

  const openText = (row: VersionRow, part: 'label', sealed: Buffer): string => {
    if (!cipher) throw new Error('a sealed version needs the data key');
    return cipher.open(row.board_id, 'version', position(row.id, part), sealed).toString('utf8');
  };

  const openBlob = (
    boardId: string,
    id: string,
    part: 'shared' | 'restricted',
    blob: Buffer,
    format: number,
  ) => {
    if (format === RecordFormat.plain) return toBytes(blob);
    if (!cipher) throw new Error('a sealed version needs the data key');
    return toBytes(cipher.open(boardId, 'version', position(id, part), blob));
  };

  return {
    // One transaction (a savepoint inside a caller's): the version and its child's tools, or nothing.
    save: db.transaction((version: NewVersion): VersionMeta => {
      const id = newId();
      const number = ((lastNumber.get(version.boardId) as { n: number | null }).n ?? 0) + 1;
      const seal = (part: 'shared' | 'restricted' | 'label', bytes: Uint8Array) =>
        cipher ? cipher.seal(version.boardId, 'version', position(id, part), bytes) : Buffer.from(bytes);
      const createdAt = now();
      insert.run({
        id,
        boardId: version.boardId,
        number,
        kind: version.kind,
        label: cipher ? '' : version.label,
        labelSealed: cipher ? seal('label', Buffer.from(version.label, 'utf8')) : null,
        createdAt,
        createdBy: version.createdBy.memberId,
        displayName: version.createdBy.displayName,
        meetingId: version.meetingId,
        contentHash: version.contentHash,
        shared: seal('shared', version.shared),
        restricted: version.restricted === null ? null : seal('restricted', version.restricted),
        format: cipher ? RecordFormat.aesGcmV1 : RecordFormat.plain,
      });
      (version.childTools ?? []).forEach((tool, at) => {
        const doc = cipher
          ? cipher.seal(version.boardId, 'version', toolPosition(id, tool.toolId), tool.bytes)
          : Buffer.from(tool.bytes);
        insertTool.run(
          id,
          version.boardId,
          tool.toolId,
          at,
          doc,
          cipher ? RecordFormat.aesGcmV1 : RecordFormat.plain,
        );
      });
      return {
        id,
        boardId: version.boardId,
        number,
        kind: version.kind,
        label: version.label,
        createdAt,
        createdBy: { ...version.createdBy },
        meetingId: version.meetingId,
        contentHash: version.contentHash,
      };
    }),
    list: (boardId) => (listOf.all(boardId) as VersionRow[]).map(toMeta),
    meta(boardId, versionId) {
      const row = metaOf.get(boardId, versionId) as VersionRow | undefined;
      return row ? toMeta(row) : null;
    },
    get(boardId, versionId) {
      const row = metaOf.get(boardId, versionId) as VersionRow | undefined;
      if (!row) return null;
      const content = contentOf.get(boardId, versionId) as {
        shared: Buffer;
        restricted: Buffer | null;
        format: number;
      };
      return {
        meta: toMeta(row),
        shared: openBlob(boardId, versionId, 'shared', content.shared, content.format),
        restricted:
          content.restricted === null
            ? null
            : openBlob(boardId, versionId, 'restricted', content.restricted, content.format),
      };
    },
    childToolIds: (boardId, versionId) =>
      (toolIdsOf.all(boardId, versionId) as { tool_id: string }[]).map((row) => row.tool_id),
    childTool(boardId, versionId, toolId) {
      const row = toolOf.get(boardId, versionId, toolId) as { doc: Buffer; format: number } | undefined;
      if (!row) return null;
      if (row.format === RecordFormat.plain) return toBytes(row.doc);
      if (!cipher) throw new Error('a sealed version needs the data key');
      return toBytes(cipher.open(boardId, 'version', toolPosition(versionId, toolId), row.doc));
    },
  };
}

/** A plain Uint8Array view (not a Buffer): Yjs and comparisons treat both alike, tests compare bytes. */
function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * Versions saved before the data key was set are sealed at the first start with it, in one
 * transaction. The update trigger lets exactly this through: format 0 -> 1, identity unchanged.
 */
function sealPlaintextVersions(db: Database.Database, cipher: DataCipher): void {
  const rows = db
    .prepare(
      `SELECT id, board_id, label, shared, restricted FROM versions WHERE format = ${RecordFormat.plain}`,
    )
    .all() as { id: string; board_id: string; label: string; shared: Buffer; restricted: Buffer | null }[];
  const update = db.prepare(
    `UPDATE versions SET label = '', label_sealed = ?, shared = ?, restricted = ?, format = ${RecordFormat.aesGcmV1}
     WHERE id = ?`,
  );
  const tools = db
    .prepare(
      `SELECT version_id, board_id, tool_id, doc FROM version_child_tools WHERE format = ${RecordFormat.plain}`,
    )
    .all() as { version_id: string; board_id: string; tool_id: string; doc: Buffer }[];
  const updateTool = db.prepare(
    `UPDATE version_child_tools SET doc = ?, format = ${RecordFormat.aesGcmV1}
     WHERE version_id = ? AND tool_id = ?`,
  );
  db.transaction(() => {
    for (const tool of tools) {
      const sealed = cipher.seal(
        tool.board_id,
        'version',
        toolPosition(tool.version_id, tool.tool_id),
        tool.doc,
      );
      updateTool.run(sealed, tool.version_id, tool.tool_id);
    }
    for (const row of rows) {
      const seal = (part: 'shared' | 'restricted' | 'label', bytes: Uint8Array) =>
        cipher.seal(row.board_id, 'version', position(row.id, part), bytes);
      update.run(
        seal('label', Buffer.from(row.label, 'utf8')),
        seal('shared', row.shared),
        row.restricted === null ? null : seal('restricted', row.restricted),
        row.id,
      );
    }
  })();
}
