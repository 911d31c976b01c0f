import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from './backup.js';
import { openDatabase } from './database.js';
import { createSqliteStore } from './sqliteStore.js';

describe('backupDatabase', () => {
  let dir: string;
  let source: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kinmap-backup-'));
    source = join(dir, 'kinmap.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies a database that is being written to into one owner-only file holding every committed update', async () => {
    const db = openDatabase(source);
    db.exec("CREATE TABLE boards (id TEXT PRIMARY KEY); INSERT INTO boards VALUES ('b1'), ('b2');");
    const store = createSqliteStore({ db });
    for (let i = 0; i < 50; i++) await store.append('b1', new Uint8Array([i]));
    // Writes keep arriving while the copy is made, as they would from a running server.
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) await store.append('b2', new Uint8Array([i % 256]));
    })();
    const target = join(dir, 'copy.sqlite');
    const result = await backupDatabase(source, target);
    writing = false;
    await writer;
    expect(result).toEqual({ ok: true, value: { boards: 2, bytes: statSync(target).size } });
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(existsSync(`${target}-wal`)).toBe(false);
    const raw = new Database(target, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
    const copy = createSqliteStore({ file: target });
    expect((await copy.load('b1')).updates).toHaveLength(50);
    await copy.close();
    await store.close();
    db.close();
  });

  it('refuses to overwrite a file, and says when there is no database to copy', async () => {
    const target = join(dir, 'old-backup.sqlite');
    writeFileSync(target, 'the only good copy');
    expect(await backupDatabase(join(dir, 'missing.sqlite'), join(dir, 'new.sqlite'))).toMatchObject({
      ok: false,
      reason: 'no-database',
    });
    expect(existsSync(join(dir, 'new.sqlite'))).toBe(false);
    openDatabase(source).close();
    expect(await backupDatabase(source, target)).toMatchObject({ ok: false, reason: 'target-exists' });
    expect(await backupDatabase(source, join(dir, 'no-such-folder', 'x.sqlite'))).toMatchObject({
      ok: false,
      reason: 'target-exists',
    });
  });
});
