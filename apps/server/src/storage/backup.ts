import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

export type BackupResult =
  | { readonly ok: true; readonly value: { readonly boards: number; readonly bytes: number } }
  | {
      readonly ok: false;
      /** `no-database`: nothing to back up; `target-exists`: the target must be a new file; `failed`: SQLite refused. */
      readonly reason: 'no-database' | 'target-exists' | 'failed';
      readonly detail: string;
    };

/** Pages copied per step: all of them, so the copy is one consistent read of the source. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a live Kinmap database into a new single file with SQLite's online backup, while the
 * server keeps running (WAL: the copy reads one committed state; writers are not blocked). The
 * copy is created readable by the owner only, switched out of WAL mode so the one file is the
 * whole database, and checked with `integrity_check`. Sealed records stay sealed: a restore needs
 * the same KINMAP_DATA_KEY.
 * @example await backupDatabase('/srv/kinmap/data/kinmap.sqlite', '/backups/kinmap-2024-05-01.sqlite')
 */
export async function backupDatabase(sourceFile: string, targetFile: string): Promise<BackupResult> {
  if (!existsSync(sourceFile)) {
    return { ok: false, reason: 'no-database', detail: `there is no database at ${sourceFile}` };
  }
  try {
    // Never overwrite: an older backup may be the only good copy left.
    closeSync(openSync(targetFile, 'wx', 0o600));
  } catch {
    const detail = `${targetFile} exists already, or its folder does not: name a new file`;
    return { ok: false, reason: 'target-exists', detail };
  }
  const source = new Database(sourceFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(targetFile, { progress: () => ALL_PAGES });
    const boards = verifyCopy(targetFile);
    return { ok: true, value: { boards, bytes: statSync(targetFile).size } };
  } catch (error) {
    rmSync(targetFile, { force: true });
    const detail = error instanceof Error ? error.message : 'unknown error';
    return { ok: false, reason: 'failed', detail: `the backup failed: ${detail}` };
  } finally {
    source.close();
  }
}

/** Makes the copy one self-contained file and proves it opens; its board count, or a throw when it is not sound. */
function verifyCopy(file: string): number {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error('the copy fails integrity_check');
    const hasBoards = copy
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'boards'")
      .get();
    const boards = hasBoards
      ? (copy.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n
      : 0;
    return boards;
  } finally {
    copy.close();
  }
}
