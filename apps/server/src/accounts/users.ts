import { isId, newId } from '@kinmap/model';
import type Database from 'better-sqlite3';

/** A staff account. `passwordHash` never leaves the server. */
export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly isAdmin: boolean;
  readonly createdAt: number;
  readonly disabledAt: number | null;
}

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly isAdmin: boolean;
}

export type CreateUserResult =
  | { readonly ok: true; readonly value: UserRecord }
  | { readonly ok: false; readonly reason: 'email-taken' };

export interface Users {
  /** Emails are stored lower-cased and are unique. */
  create(user: NewUser): CreateUserResult;
  /** Creates the user only while no user exists (first run); false when someone got there first. */
  createFirst(user: NewUser): UserRecord | null;
  byId(id: string): UserRecord | null;
  byEmail(email: string): UserRecord | null;
  count(): number;
  /** Every account, oldest first (the administrators' staff screen). */
  list(): UserRecord[];
  /** Disables (`at`) or enables again (null) an account; false when there is no such account. */
  setDisabled(id: string, at: number | null): boolean;
  setPasswordHash(id: string, passwordHash: string): boolean;
  /** Administrators whose account is not disabled. */
  activeAdminCount(): number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    disabled_at INTEGER
  );
`;

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  is_admin: number;
  created_at: number;
  disabled_at: number | null;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Staff accounts in SQLite (pure SQL, prepared statements). */
export function createUsers(db: Database.Database, now: () => number = Date.now): Users {
  db.exec(SCHEMA);
  const insert = db.prepare(
    'INSERT INTO users (id, email, display_name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const selectById = db.prepare('SELECT * FROM users WHERE id = ?');
  const selectByEmail = db.prepare('SELECT * FROM users WHERE email = ?');
  const selectCount = db.prepare('SELECT COUNT(*) AS n FROM users');
  const selectAll = db.prepare('SELECT * FROM users ORDER BY created_at, rowid');
  const updateDisabled = db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?');
  const updatePassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const selectActiveAdmins = db.prepare(
    'SELECT COUNT(*) AS n FROM users WHERE is_admin = 1 AND disabled_at IS NULL',
  );

  const create = (user: NewUser): CreateUserResult => {
    const record: UserRecord = {
      id: newId(),
      email: normaliseEmail(user.email),
      displayName: user.displayName,
      passwordHash: user.passwordHash,
      isAdmin: user.isAdmin,
      createdAt: now(),
      disabledAt: null,
    };
    if (selectByEmail.get(record.email)) return { ok: false, reason: 'email-taken' };
    insert.run(
      record.id,
      record.email,
      record.displayName,
      record.passwordHash,
      record.isAdmin ? 1 : 0,
      record.createdAt,
    );
    return { ok: true, value: record };
  };
  // Check and insert in one transaction: two concurrent setups cannot both create an admin.
  const createFirst = db.transaction((user: NewUser): UserRecord | null => {
    if ((selectCount.get() as { n: number }).n > 0) return null;
    const created = create(user);
    return created.ok ? created.value : null;
  });

  return {
    create,
    createFirst: (user) => createFirst.immediate(user),
    byId(id) {
      if (!isId(id)) return null;
      const row = selectById.get(id) as UserRow | undefined;
      return row ? toRecord(row) : null;
    },
    byEmail(email) {
      if (email.length > 254) return null;
      const row = selectByEmail.get(normaliseEmail(email)) as UserRow | undefined;
      return row ? toRecord(row) : null;
    },
    count: () => (selectCount.get() as { n: number }).n,
    list: () => (selectAll.all() as UserRow[]).map(toRecord),
    setDisabled: (id, at) => isId(id) && updateDisabled.run(at, id).changes === 1,
    setPasswordHash: (id, passwordHash) => isId(id) && updatePassword.run(passwordHash, id).changes === 1,
    activeAdminCount: () => (selectActiveAdmins.get() as { n: number }).n,
  };
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    isAdmin: row.is_admin === 1,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}
