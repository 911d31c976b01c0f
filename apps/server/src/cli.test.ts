import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMembers } from './access/members.js';
import { verifyPassword } from './accounts/password.js';
import { createUsers } from './accounts/users.js';
import { runCli } from './cli.js';
import { DATABASE_FILE, openDatabase } from './storage/database.js';

// Every test runs the CLI on a fresh, empty data directory.
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kinmap-cli-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** The CLI's input and output, kept for assertions; `stdin` is what it reads from standard input. */
function cliIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      env: { KINMAP_DATA_DIR: dataDir },
      readStdin: async () => stdin,
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
    },
  };
}

describe('runCli create-user', () => {
  it('[AU1] creates an administrator with the password read from stdin', async () => {
    const run = cliIo('a long password\n');
    const code = await runCli(
      ['create-user', '--email', 'Ada@Example.org', '--name', 'Ada', '--admin', '--init'],
      run.io,
    );
    expect(code).toBe(0);
    expect(run.out.join('')).toBe(`created administrator ${createdId(run.out)} in ${dataDir}`);
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    const user = createUsers(db).byEmail('ada@example.org');
    expect(user?.isAdmin).toBe(true);
    expect(await verifyPassword('a long password', user?.passwordHash ?? '')).toBe(true);
    db.close();
  });

  it('refuses a short password, a bad email, unknown options and a taken email', async () => {
    expect(await runCli(['create-user', '--email', 'a@b.org', '--name', 'A'], cliIo('short\n').io)).toBe(2);
    expect(await runCli(['create-user', '--email', 'nope', '--name', 'A'], cliIo('a long password').io)).toBe(
      2,
    );
    expect(
      await runCli(
        ['create-user', '--email', 'a@b.org', '--name', 'A', '--root'],
        cliIo('a long password').io,
      ),
    ).toBe(2);
    expect(await runCli(['drop-tables'], cliIo('').io)).toBe(2);
    expect(
      await runCli(
        ['create-user', '--email', 'a@b.org', '--name', 'A', '--init'],
        cliIo('a long password').io,
      ),
    ).toBe(0);
    const again = cliIo('a long password');
    expect(await runCli(['create-user', '--email', 'A@b.org', '--name', 'B'], again.io)).toBe(1);
    expect(again.err.join('')).toContain('exists already');
  });
});

/** The account id in "created … <id> in <dir>". */
const createdId = (out: readonly string[]) => /^created \S+(?: account)? (\S+) in /.exec(out.join(''))?.[1];

describe('runCli data directory', () => {
  it('[AU1] refuses a directory without Kinmap data unless --init is given, and creates nothing', async () => {
    const missing = join(dataDir, 'typo');
    for (const env of [{ KINMAP_DATA_DIR: missing }, { KINMAP_DATA_DIR: dataDir }]) {
      const run = cliIo('a long password\n');
      const io = { ...run.io, env };
      expect(await runCli(['create-user', '--email', 'a@b.org', '--name', 'A', '--admin'], io)).toBe(1);
      expect(run.out).toEqual([]);
      expect(run.err.join('')).toContain(`${env.KINMAP_DATA_DIR} holds no Kinmap data`);
      expect(run.err.join('')).toContain('--init');
      expect(await runCli(['backup', '--to', join(dataDir, 'b.sqlite')], io)).toBe(1);
      expect(await runCli(['add-facilitator', '--board', 'oldBoard1', '--email', 'a@b.org'], io)).toBe(1);
    }
    expect(existsSync(missing)).toBe(false);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('[AU1] accepts a directory the server started on, without --init', async () => {
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    createUsers(db);
    db.close();
    const run = cliIo('a long password\n');
    expect(await runCli(['create-user', '--email', 'a@b.org', '--name', 'A'], run.io)).toBe(0);
    expect(run.out.join('')).toMatch(/^created staff account \S+ in /);
  });
});

describe('runCli add-facilitator', () => {
  it('[AU1] gives a board made before accounts a facilitator, so it can be opened again', async () => {
    expect(
      await runCli(
        ['create-user', '--email', 'sam@example.org', '--name', 'Sam', '--init'],
        cliIo('a long password\n').io,
      ),
    ).toBe(0);
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    // A board row as the token era left it: no members.
    db.exec(
      'CREATE TABLE IF NOT EXISTS boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL)',
    );
    db.prepare('INSERT INTO boards (id, title, created_at) VALUES (?, ?, ?)').run('oldBoard1', 'Case', 1);
    db.close();

    const run = cliIo('a long password\n');
    expect(
      await runCli(['add-facilitator', '--board', 'oldBoard1', '--email', 'Sam@example.org'], run.io),
    ).toBe(0);
    expect(run.out.join('')).toMatch(/^added facilitator: member /);
    const check = openDatabase(join(dataDir, DATABASE_FILE));
    const user = createUsers(check).byEmail('sam@example.org');
    const member = createMembers(check).ofUserOnBoard(user?.id ?? '', 'oldBoard1');
    expect(member).toMatchObject({ role: 'facilitator', displayName: 'Sam' });
    check.close();
    // Twice is harmless.
    expect(
      await runCli(
        ['add-facilitator', '--board', 'oldBoard1', '--email', 'sam@example.org'],
        cliIo('a long password\n').io,
      ),
    ).toBe(0);
  });

  it('refuses an unknown board or account, and a malformed board id', async () => {
    expect(
      await runCli(
        ['create-user', '--email', 'sam@example.org', '--name', 'Sam', '--init'],
        cliIo('a long password\n').io,
      ),
    ).toBe(0);
    const unknown = cliIo('a long password\n');
    expect(
      await runCli(['add-facilitator', '--board', 'nope', '--email', 'sam@example.org'], unknown.io),
    ).toBe(1);
    expect(unknown.err.join('')).toContain('no such board');
    expect(
      await runCli(
        ['add-facilitator', '--board', '../x', '--email', 'sam@example.org'],
        cliIo('a long password\n').io,
      ),
    ).toBe(2);
    expect(await runCli(['add-facilitator', '--board', 'b1'], cliIo('a long password\n').io)).toBe(2);
  });
});

describe('runCli backup', () => {
  it('copies the data directory’s database to a new file and says how many boards it holds', async () => {
    expect(
      await runCli(
        ['create-user', '--email', 'sam@example.org', '--name', 'Sam', '--init'],
        cliIo('a long password\n').io,
      ),
    ).toBe(0);
    const target = join(dataDir, 'backup.sqlite');
    const first = cliIo();
    expect(await runCli(['backup', '--to', target], first.io)).toBe(0);
    expect(first.out).toEqual([
      expect.stringMatching(/^backed up 0 boards \(\d+ bytes\) to .*backup\.sqlite$/),
    ]);
    const copy = openDatabase(target);
    expect(createUsers(copy).byEmail('sam@example.org')?.displayName).toBe('Sam');
    copy.close();
    const again = cliIo();
    expect(await runCli(['backup', '--to', target], again.io)).toBe(1);
    expect(again.err.join('')).toContain('exists already');
    expect(await runCli(['backup'], cliIo().io)).toBe(2);
  });
});
