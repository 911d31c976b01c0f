import type Database from 'better-sqlite3';
import { isSecretShaped, newSecret, secretMatches } from '../access/secrets.js';

/**
 * The first-run secret: while no user exists, the server issues one (printed once as a link) that
 * lets whoever holds it create the administrator. Only its hash is stored; it expires in 24 h.
 */
export interface SetupSecret {
  /** A fresh secret, replacing any earlier one. */
  issue(): { readonly secret: string; readonly expiresAt: number };
  /** True when `secret` is the current, unexpired one. */
  check(secret: string): boolean;
  /** Forgets the secret (after the administrator exists). */
  clear(): void;
}

export const SETUP_TTL_MS = 24 * 3600 * 1000;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS setup_secret (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    secret_hash BLOB NOT NULL,
    expires_at INTEGER NOT NULL
  );
`;

export function createSetupSecret(db: Database.Database, now: () => number = Date.now): SetupSecret {
  db.exec(SCHEMA);
  const upsert = db.prepare(
    `INSERT INTO setup_secret (id, secret_hash, expires_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET secret_hash = excluded.secret_hash, expires_at = excluded.expires_at`,
  );
  const select = db.prepare('SELECT secret_hash, expires_at FROM setup_secret WHERE id = 1');
  const remove = db.prepare('DELETE FROM setup_secret');
  return {
    issue() {
      const { secret, hash } = newSecret();
      const expiresAt = now() + SETUP_TTL_MS;
      upsert.run(hash, expiresAt);
      return { secret, expiresAt };
    },
    check(secret) {
      if (!isSecretShaped(secret)) return false;
      const row = select.get() as { secret_hash: Buffer; expires_at: number } | undefined;
      if (!row || row.expires_at <= now()) return false;
      return secretMatches(row.secret_hash, secret);
    },
    clear() {
      remove.run();
    },
  };
}
