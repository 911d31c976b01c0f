import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from './backup.js';
import { openDatabase } from './database.js';
import { createSqliteStore } from './sqliteStore.js';
import { useTempDatabase } from './tempDatabase.fixture.js';

describe('backupDatabase', () => {
  const temp = useTempDatabase('kinmap-backup-');

  it('copies a database that is being written to into one owner-only file holding every committed update', async () => {
    const db = openDatabase(temp.file);
    db.exec("CREATE TABLE boards (id TEXT PRIMARY KEY); INSERT INTO boards VALUES ('b1'), ('b2');");
    const store = createSqliteStore({ db });
    for (let i = 0; i < 50; i++) await store.append('b1', new Uint8Array([i]));
    // Writes keep arriving while the copy is made, as they would from a running server.
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) await store.append('b2', new Uint8Array([i % 256]));
    })();
    const target = join(temp.dir, 'copy.sqlite');
    const result = await backupDatabase(temp.file, target);
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
    const target = join(temp.dir, 'old-backup.sqlite');
    writeFileSync(target, 'the only good copy');
    expect(
      await backupDatabase(join(temp.dir, 'missing.sqlite'), join(temp.dir, 'new.sqlite')),
    ).toMatchObject({
      ok: false,
      reason: 'no-database',
    });
    expect(existsSync(join(temp.dir, 'new.sqlite'))).toBe(false);
    openDatabase(temp.file).close();
    expect(await backupDatabase(temp.file, target)).toMatchObject({ ok: false, reason: 'target-exists' });
    expect(await backupDatabase(temp.file, join(temp.dir, 'no-such-folder', 'x.sqlite'))).toMatchObject({
      ok: false,
      reason: 'target-exists',
    });
  });
});
