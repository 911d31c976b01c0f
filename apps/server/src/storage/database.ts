import Database from 'better-sqlite3';

export type Db = Database.Database;

/** The one SQLite file in a data directory: boards, accounts, audit, versions. */
export const DATABASE_FILE = 'kinmap.sqlite';

/**
 * Opens a database with the settings every Kinmap SQLite file uses.
 *
 * Durability: WAL with `synchronous = NORMAL`. A committed transaction survives a crash
 * of the process (the WAL is in the OS page cache and is replayed on the next open); a power
 * loss or OS crash may lose the last few commits but never corrupts the file. This trades the
 * fsync per commit of `FULL` for throughput, which suits a live whiteboard.
 * @example const db = openDatabase(join(dataDir, DATABASE_FILE));
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Deleted rows are zeroed, not left in free pages: a compacted update may hold the text of a card
  // that was deleted or moved to the restricted document since (see the store's compact).
  db.pragma('secure_delete = ON');
  return db;
}

/**
 * Adds the columns a table lacks (files written by an older version); SQLite has no
 * ADD COLUMN IF NOT EXISTS. `columns` maps a name to its type and default.
 */
export function addMissingColumns(db: Db, table: string, columns: Readonly<Record<string, string>>): void {
  const present = columnsOf(db, table);
  for (const [name, definition] of Object.entries(columns)) {
    if (!present.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${definition}`);
  }
}

/** Drops the columns of `names` a table still has (files written by an older version). */
export function dropPresentColumns(db: Db, table: string, names: readonly string[]): void {
  const present = columnsOf(db, table);
  const dropped = names.filter((name) => present.has(name));
  if (dropped.length === 0) return;
  db.transaction(() => {
    for (const name of dropped) db.exec(`ALTER TABLE ${table} DROP COLUMN ${name}`);
  })();
}

function columnsOf(db: Db, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
}
