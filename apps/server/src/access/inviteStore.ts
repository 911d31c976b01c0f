import { timingSafeEqual } from 'node:crypto';
import { isId, isRole, newId, type Role } from '@kinmap/model';
import type Database from 'better-sqlite3';
import { isBoardId } from '../boards/boardRegistry.js';
import { addMissingColumns } from '../storage/database.js';
import type { DataCipher } from '../storage/dataCipher.js';
import { hashSecret, isSecretShaped, newSecret } from './secrets.js';

/** A personal invite link: one person, one role, bound to the member created on its first use. */
export interface InviteRecord {
  readonly id: string;
  readonly boardId: string;
  readonly role: Role;
  /** A note for the inviter ("Mum", "Aunt Sue"); shown to staff only. */
  readonly label: string;
  readonly createdByMemberId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly usedByMemberId: string | null;
  readonly revokedAt: number | null;
}

export interface NewInvite {
  readonly boardId: string;
  readonly role: Role;
  readonly label: string;
  readonly createdByMemberId: string;
  readonly expiresAt: number;
}

export interface Invites {
  /** The invite and its secret (shown once, only its SHA-256 is stored). */
  create(invite: NewInvite): { readonly secret: string; readonly invite: InviteRecord };
  /** The invite a secret opens, whatever its state (the caller decides used/expired/revoked). */
  bySecret(secret: string): InviteRecord | null;
  get(id: string): InviteRecord | null;
  ofBoard(boardId: string): InviteRecord[];
  /**
   * The secret of an invite nobody has opened yet, so the inviter can copy its link again (null
   * once used or revoked: the secret is deleted then; and for invites made before it was kept).
   */
  secretOf(id: string): string | null;
  /** Binds the invite to its first member; false when another member got there first. */
  markUsed(id: string, memberId: string): boolean;
  revoke(id: string): boolean;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS invites (
    id TEXT PRIMARY KEY,
    token_hash BLOB NOT NULL UNIQUE,
    board_id TEXT NOT NULL,
    role TEXT NOT NULL,
    label TEXT NOT NULL,
    created_by_member_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_by_member_id TEXT,
    revoked_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS invites_by_board ON invites (board_id);
`;

interface InviteRow {
  id: string;
  token_hash: Buffer;
  board_id: string;
  role: string;
  label: string;
  created_by_member_id: string;
  created_at: number;
  expires_at: number;
  used_by_member_id: string | null;
  revoked_at: number | null;
}

/**
 * Invites in SQLite. An open invite's secret is kept (sealed under the board's key when
 * KINMAP_DATA_KEY is set, like the board's content) so that every open link can be listed for the
 * staff who manage it; it is deleted when the link is opened or revoked (docs/SECURITY.md "Invites").
 */
export function createInvites(
  db: Database.Database,
  now: () => number = Date.now,
  cipher: DataCipher | null = null,
): Invites {
  db.exec(SCHEMA);
  addMissingColumns(db, 'invites', { secret_plain: 'TEXT', secret_sealed: 'BLOB' });
  const insert = db.prepare(
    `INSERT INTO invites (id, token_hash, board_id, role, label, created_by_member_id, created_at, expires_at,
       secret_plain, secret_sealed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const forgetExpired = db.prepare(
    `UPDATE invites SET secret_plain = NULL, secret_sealed = NULL
     WHERE expires_at <= ? AND (secret_plain IS NOT NULL OR secret_sealed IS NOT NULL)`,
  );
  const selectSecret = db.prepare(
    'SELECT board_id, secret_plain, secret_sealed FROM invites WHERE id = ? AND used_by_member_id IS NULL AND revoked_at IS NULL',
  );
  const selectByHash = db.prepare('SELECT * FROM invites WHERE token_hash = ?');
  const selectById = db.prepare('SELECT * FROM invites WHERE id = ?');
  const selectOfBoard = db.prepare('SELECT * FROM invites WHERE board_id = ? ORDER BY created_at, id');
  const use = db.prepare(
    `UPDATE invites SET used_by_member_id = ?, secret_plain = NULL, secret_sealed = NULL
     WHERE id = ? AND used_by_member_id IS NULL`,
  );
  const revoke = db.prepare(
    'UPDATE invites SET revoked_at = ?, secret_plain = NULL, secret_sealed = NULL WHERE id = ? AND revoked_at IS NULL',
  );

  return {
    create(invite) {
      // Expired links' secrets are of no use to anyone: dropped whenever a new link is made.
      forgetExpired.run(now());
      const { secret, hash } = newSecret();
      const record: InviteRecord = {
        id: newId(),
        ...invite,
        createdAt: now(),
        usedByMemberId: null,
        revokedAt: null,
      };
      insert.run(
        record.id,
        hash,
        record.boardId,
        record.role,
        record.label,
        record.createdByMemberId,
        record.createdAt,
        record.expiresAt,
        cipher ? null : secret,
        cipher ? cipher.seal(record.boardId, 'invite', record.id, Buffer.from(secret, 'utf8')) : null,
      );
      return { secret, invite: record };
    },
    bySecret(secret) {
      if (!isSecretShaped(secret)) return null;
      const presented = hashSecret(secret);
      const row = selectByHash.get(presented) as InviteRow | undefined;
      // The index lookup found it; the compare keeps the final check constant-time.
      if (!row || !timingSafeEqual(row.token_hash, presented)) return null;
      return toRecord(row);
    },
    get(id) {
      if (!isId(id)) return null;
      const row = selectById.get(id) as InviteRow | undefined;
      return row ? toRecord(row) : null;
    },
    ofBoard(boardId) {
      if (!isBoardId(boardId)) return [];
      return (selectOfBoard.all(boardId) as InviteRow[]).map(toRecord);
    },
    secretOf(id) {
      if (!isId(id)) return null;
      const row = selectSecret.get(id) as
        | { board_id: string; secret_plain: string | null; secret_sealed: Buffer | null }
        | undefined;
      if (!row) return null;
      if (row.secret_sealed !== null) {
        // Sealed without the key at hand (or altered): the link cannot be shown again.
        if (!cipher) return null;
        try {
          return cipher.open(row.board_id, 'invite', id, row.secret_sealed).toString('utf8');
        } catch {
          return null;
        }
      }
      return row.secret_plain !== null && isSecretShaped(row.secret_plain) ? row.secret_plain : null;
    },
    markUsed(id, memberId) {
      return isId(id) && isId(memberId) && use.run(memberId, id).changes === 1;
    },
    revoke(id) {
      return isId(id) && revoke.run(now(), id).changes === 1;
    },
  };
}

function toRecord(row: InviteRow): InviteRecord {
  const role = isRole(row.role) ? row.role : 'viewer';
  return {
    id: row.id,
    boardId: row.board_id,
    role,
    label: row.label,
    createdByMemberId: row.created_by_member_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedByMemberId: row.used_by_member_id,
    revokedAt: row.revoked_at,
  };
}
