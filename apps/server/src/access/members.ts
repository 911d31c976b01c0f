import { isId, isRole, newId, type Role } from '@kinmap/model';
import type Database from 'better-sqlite3';
import { isBoardId } from '../boards/boardRegistry.js';

/** A person on one board. Its id is the ParticipantId the person writes under in the document. */
export interface MemberRecord {
  readonly id: string;
  readonly boardId: string;
  readonly role: Role;
  readonly displayName: string;
  /** The staff account, or null for a guest (family, network, viewer invited by link). */
  readonly userId: string | null;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

export interface NewMember {
  readonly boardId: string;
  readonly role: Role;
  readonly displayName: string;
  readonly userId: string | null;
}

export interface Members {
  create(member: NewMember): MemberRecord;
  /** Any member, revoked or not. */
  get(id: string): MemberRecord | null;
  /** The staff user's live member on a board. */
  ofUserOnBoard(userId: string, boardId: string): MemberRecord | null;
  /** The staff user's live members, newest first. */
  ofUser(userId: string): MemberRecord[];
  /** Every member of a board, revoked ones included (the list shows who had access). */
  ofBoard(boardId: string): MemberRecord[];
  /** Marks the member revoked; false when it was unknown or already revoked. */
  revoke(id: string): boolean;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS members (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL,
    role TEXT NOT NULL,
    display_name TEXT NOT NULL,
    user_id TEXT,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS members_by_board ON members (board_id);
  CREATE INDEX IF NOT EXISTS members_by_user ON members (user_id);
`;

interface MemberRow {
  id: string;
  board_id: string;
  role: string;
  display_name: string;
  user_id: string | null;
  created_at: number;
  revoked_at: number | null;
}

/** Board membership in SQLite. */
export function createMembers(db: Database.Database, now: () => number = Date.now): Members {
  db.exec(SCHEMA);
  const insert = db.prepare(
    'INSERT INTO members (id, board_id, role, display_name, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const selectById = db.prepare('SELECT * FROM members WHERE id = ?');
  const selectOfUserOnBoard = db.prepare(
    'SELECT * FROM members WHERE user_id = ? AND board_id = ? AND revoked_at IS NULL ORDER BY created_at LIMIT 1',
  );
  const selectOfUser = db.prepare(
    'SELECT * FROM members WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC, id',
  );
  const selectOfBoard = db.prepare('SELECT * FROM members WHERE board_id = ? ORDER BY created_at, id');
  const revoke = db.prepare('UPDATE members SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');

  return {
    create(member) {
      const record: MemberRecord = { id: newId(), ...member, createdAt: now(), revokedAt: null };
      insert.run(record.id, record.boardId, record.role, record.displayName, record.userId, record.createdAt);
      return record;
    },
    get(id) {
      if (!isId(id)) return null;
      const row = selectById.get(id) as MemberRow | undefined;
      return row ? toRecord(row) : null;
    },
    ofUserOnBoard(userId, boardId) {
      if (!isId(userId) || !isBoardId(boardId)) return null;
      const row = selectOfUserOnBoard.get(userId, boardId) as MemberRow | undefined;
      return row ? toRecord(row) : null;
    },
    ofUser(userId) {
      if (!isId(userId)) return [];
      return (selectOfUser.all(userId) as MemberRow[]).map(toRecord);
    },
    ofBoard(boardId) {
      if (!isBoardId(boardId)) return [];
      return (selectOfBoard.all(boardId) as MemberRow[]).map(toRecord);
    },
    revoke(id) {
      return isId(id) && revoke.run(now(), id).changes === 1;
    },
  };
}

function toRecord(row: MemberRow): MemberRecord {
  // A role outside the closed set (a hand-edited row) grants the least.
  const role = isRole(row.role) ? row.role : 'viewer';
  return {
    id: row.id,
    boardId: row.board_id,
    role,
    displayName: row.display_name,
    userId: row.user_id,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
