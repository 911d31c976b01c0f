import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@kinmap/server';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../integration/helpers.js';
import { createBoard, SERVER_CLI, startServerProcess } from '../support/serverProcess.js';
import {
  connectEditingClient,
  type EditingClient,
  seededRandom,
  storedTokens,
  tokensOfDoc,
} from './editingClient.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** `node apps/server/dist/cli.js backup --to <file>`, as an operator runs it next to the live server. */
async function runBackup(
  dataDir: string,
  target: string,
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [SERVER_CLI, 'backup', '--to', target], {
    env: { ...process.env, KINMAP_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, out, err };
}

describe('online backup (cli backup --to)', () => {
  it('copies the live data while members edit; the copy holds every board and restores into a working server', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kinmap-backup-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServerProcess({ dataDir });
    cleanups.push(() => server.kill());
    const boards = [await createBoard(server, 'Backup A'), await createBoard(server, 'Backup B')];
    const clients: EditingClient[] = boards.map((board, i) =>
      connectEditingClient({
        name: `c${i}`,
        serverUrl: server.url,
        boardId: board.id,
        member: { memberId: board.memberId, cookie: board.cookie, role: 'facilitator' },
      }),
    );
    const watcher = connectEditingClient({
      name: 'c9',
      serverUrl: server.url,
      boardId: boards[0]?.id ?? '',
      member: { memberId: boards[0]?.memberId ?? '', cookie: boards[0]?.cookie ?? '', role: 'facilitator' },
    });
    cleanups.push(() => {
      for (const client of [...clients, watcher]) client.destroy();
    });
    await waitFor(
      () => [...clients, watcher].every((client) => client.provider.synced),
      'the first sync',
      30_000,
    );
    const random = seededRandom(7);
    let editing = true;
    const typing = clients.map(async (client) => {
      while (editing) {
        client.edit(random);
        await new Promise((resolve) => setTimeout(resolve, 10 + random() * 30));
      }
    });
    await waitFor(() => watcher.received.size >= 20, 'some stored edits', 30_000);

    // What another device has received was stored before the backup began.
    const storedBefore = new Set(watcher.received);
    const target = join(dataDir, 'backups', 'kinmap-backup.sqlite');
    mkdirSync(join(dataDir, 'backups'));
    const backupStarted = performance.now();
    const result = await runBackup(dataDir, target);
    const backupSeconds = (performance.now() - backupStarted) / 1000;
    editing = false;
    await Promise.all(typing);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatch(/^backed up 2 boards \(\d+ bytes\) to /);
    expect(result.out.trim().endsWith(target)).toBe(true);
    const backedUp = await storedTokens(target, boards[0]?.id ?? '');
    expect([...storedBefore].filter((token) => !backedUp.has(token))).toEqual([]);
    const copy = openDatabase(target);
    const ids = (copy.prepare('SELECT id FROM boards ORDER BY id').all() as { id: string }[]).map(
      (row) => row.id,
    );
    copy.close();
    expect(ids).toEqual(boards.map((board) => board.id).sort());

    // Restore: the copy becomes the data directory of a server; the same member opens the board.
    await server.stop();
    const restoredDir = join(dataDir, 'restored');
    mkdirSync(restoredDir);
    copyFileSync(target, join(restoredDir, 'kinmap.sqlite'));
    const restored = await startServerProcess({ dataDir: restoredDir, staff: null });
    cleanups.push(() => restored.kill());
    const reader = connectEditingClient({
      name: 'c8',
      serverUrl: restored.url,
      boardId: boards[0]?.id ?? '',
      member: { memberId: boards[0]?.memberId ?? '', cookie: boards[0]?.cookie ?? '', role: 'facilitator' },
    });
    cleanups.push(() => reader.destroy());
    await waitFor(() => reader.provider.synced, 'the restored board to open', 30_000);
    expect(tokensOfDoc(reader.doc)).toEqual(backedUp);
    console.info(
      `backup: ${result.out.trim()} in ${backupSeconds.toFixed(2)} s (the whole CLI process, while 2 clients typed); ` +
        `${backedUp.size} tokens of board A in the copy`,
    );
  });
});
