import { isId } from '@kinmap/model';
import type Database from 'better-sqlite3';
import { hashSecret, isSecretShaped, newSecret } from '../access/secrets.js';

/** A device's sign-in: a staff user, guest members (session_members), or both. */
export interface SessionRecord {
  /** SHA-256 (hex) of the cookie's secret: the secret itself is never stored. */
  readonly id: string;
  readonly userId: string | null;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface Sessions {
  /** A new session and the secret for its cookie (shown once). */
  create(userId: string | null): { readonly secret: string; readonly session: SessionRecord };
  /** The live session a cookie secret opens (not expired, not revoked), touching lastSeenAt. */
  lookup(secret: string): SessionRecord | null;
  /** The live session with this id (not expired, not revoked), without touching it. */
  liveById(sessionId: string): SessionRecord | null;
  /** Signs a staff user into an existing device session (e.g. a guest who then logs in). */
  setUser(sessionId: string, userId: string): void;
  revoke(sessionId: string): void;
  addMember(sessionId: string, memberId: string): void;
  memberIds(sessionId: string): string[];
  /** Sessions holding a member; used to close their sockets on revocation. */
  sessionsOfMember(memberId: string): string[];
  /** Revokes every live session of a staff user; returns their ids (to close their sockets). */
  revokeUser(userId: string): string[];
  /** Drops every session's binding to a member (revocation). */
  unbindMember(memberId: string): void;
}

export const SESSION_COOKIE = 'kinmap_session';
/** Guests stay signed in on their device; 30 days after the last sign-in the cookie lapses. */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** base64url of 32 random bytes. */
const SESSION_ID_PATTERN = /^[0-9a-f]{64}$/;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  CREATE TABLE IF NOT EXISTS session_members (
    session_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    PRIMARY KEY (session_id, member_id)
  );
  CREATE INDEX IF NOT EXISTS session_members_by_member ON session_members (member_id);
`;

interface SessionRow {
  id: string;
  user_id: string | null;
  created_at: number;
  expires_at: number;
}

export const sessionIdOf = (secret: string): string => hashSecret(secret).toString('hex');

/** Device sessions in SQLite. Looking one up by its secret's hash is a primary-key read. */
export function createSessions(db: Database.Database, now: () => number = Date.now): Sessions {
  db.exec(SCHEMA);
  const insert = db.prepare(
    'INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const select = db.prepare(
    'SELECT id, user_id, created_at, expires_at FROM sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?',
  );
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?');
  const updateUser = db.prepare('UPDATE sessions SET user_id = ? WHERE id = ?');
  const revoke = db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const bind = db.prepare('INSERT OR IGNORE INTO session_members (session_id, member_id) VALUES (?, ?)');
  const members = db.prepare('SELECT member_id FROM session_members WHERE session_id = ? ORDER BY rowid');
  const holders = db.prepare('SELECT session_id FROM session_members WHERE member_id = ?');
  const unbind = db.prepare('DELETE FROM session_members WHERE member_id = ?');
  const liveOfUser = db.prepare('SELECT id FROM sessions WHERE user_id = ? AND revoked_at IS NULL');

  return {
    create(userId) {
      const { secret, hash } = newSecret();
      const at = now();
      const session = { id: hash.toString('hex'), userId, createdAt: at, expiresAt: at + SESSION_TTL_MS };
      insert.run(session.id, userId, at, at, session.expiresAt);
      return { secret, session };
    },
    lookup(secret) {
      if (!isSecretShaped(secret)) return null;
      const id = sessionIdOf(secret);
      const row = select.get(id, now()) as SessionRow | undefined;
      if (!row) return null;
      touch.run(now(), id);
      return { id: row.id, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at };
    },
    liveById(sessionId) {
      if (!SESSION_ID_PATTERN.test(sessionId)) return null;
      const row = select.get(sessionId, now()) as SessionRow | undefined;
      return row
        ? { id: row.id, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at }
        : null;
    },
    setUser(sessionId, userId) {
      if (SESSION_ID_PATTERN.test(sessionId) && isId(userId)) updateUser.run(userId, sessionId);
    },
    revoke(sessionId) {
      if (SESSION_ID_PATTERN.test(sessionId)) revoke.run(now(), sessionId);
    },
    addMember(sessionId, memberId) {
      if (SESSION_ID_PATTERN.test(sessionId) && isId(memberId)) bind.run(sessionId, memberId);
    },
    memberIds(sessionId) {
      if (!SESSION_ID_PATTERN.test(sessionId)) return [];
      return (members.all(sessionId) as { member_id: string }[]).map((row) => row.member_id);
    },
    sessionsOfMember(memberId) {
      if (!isId(memberId)) return [];
      return (holders.all(memberId) as { session_id: string }[]).map((row) => row.session_id);
    },
    revokeUser(userId) {
      if (!isId(userId)) return [];
      const ids = (liveOfUser.all(userId) as { id: string }[]).map((row) => row.id);
      for (const id of ids) revoke.run(now(), id);
      return ids;
    },
    unbindMember(memberId) {
      if (isId(memberId)) unbind.run(memberId);
    },
  };
}
