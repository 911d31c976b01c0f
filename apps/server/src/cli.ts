import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { displayNameSchema } from '@kinmap/protocol';
import Database from 'better-sqlite3';
import { z } from 'zod/mini';
import { createMembers } from './access/members.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './accounts/password.js';
import { createUsers } from './accounts/users.js';
import { isBoardId } from './boards/boardRegistry.js';
import { loadConfig } from './config.js';
import { backupDatabase } from './storage/backup.js';
import { DATABASE_FILE, openDatabase } from './storage/database.js';

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The whole of standard input (the password is its first line). */
  readStdin(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = [
  'usage: echo "<password>" | node apps/server/dist/cli.js create-user --email <email> --name <name> [--admin] [--init]',
  '       node apps/server/dist/cli.js add-facilitator --board <boardId> --email <staff email>',
  '       node apps/server/dist/cli.js backup --to <new file>   (safe while the server runs)',
  'Every command works on KINMAP_DATA_DIR (default <repo>/data) and refuses a directory without Kinmap',
  'data; --init lets create-user start a new data directory there.',
].join('\n');

/**
 * `create-user`: adds a staff account to the database in KINMAP_DATA_DIR, reading the password from
 * stdin so it never appears in the shell history or the process list. A directory without Kinmap
 * data is refused unless `--init` is given: a mistyped or unset KINMAP_DATA_DIR must not quietly
 * make a new, empty database the server never reads. Returns the exit code.
 * @example await runCli(['create-user', '--email', 'a@b.org', '--name', 'Ada', '--admin'], io)
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch {
    io.err(USAGE);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals[0] === 'add-facilitator') return addFacilitator(values, io);
  if (positionals[0] === 'backup') return backup(values, io);
  if (positionals[0] !== 'create-user' || !values.email || !values.name) {
    io.err(USAGE);
    return 2;
  }
  const email = z.email().check(z.maxLength(254)).safeParse(values.email);
  const name = displayNameSchema.safeParse(values.name);
  if (!email.success || !name.success) {
    io.err('kinmap: --email must be an email address and --name 1-100 characters');
    return 2;
  }
  const password = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    io.err(
      `kinmap: the password (first line of stdin) must be ${MIN_PASSWORD_LENGTH}-${MAX_PASSWORD_LENGTH} characters`,
    );
    return 2;
  }
  const dataDir = values.init ? configuredDataDir(io) : kinmapDataDir(io);
  if (dataDir === null) return 1;
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    const passwordHash = await hashPassword(password);
    const created = createUsers(db).create({
      email: email.data,
      displayName: name.data,
      passwordHash,
      isAdmin: values.admin ?? false,
    });
    if (!created.ok) {
      io.err('kinmap: an account with this email exists already');
      return 1;
    }
    io.out(
      `created ${created.value.isAdmin ? 'administrator' : 'staff account'} ${created.value.id} in ${dataDir}`,
    );
    return 0;
  } finally {
    db.close();
  }
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'boolean' },
      board: { type: 'string' },
      to: { type: 'string' },
      init: { type: 'boolean' },
    },
  });
}

/**
 * `add-facilitator`: makes a staff account a facilitator of a board. For boards made before accounts
 * existed (they have no members, so nobody could open them) and for handing a board over when its
 * facilitator has left.
 */
function addFacilitator(values: { email?: string; board?: string }, io: CliIo): number {
  if (!values.email || !values.board || !isBoardId(values.board)) {
    io.err(USAGE);
    return 2;
  }
  const dataDir = kinmapDataDir(io);
  if (dataDir === null) return 1;
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    // A data directory the server never ran on has no boards table yet.
    const hasBoards = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'boards'")
      .get();
    const board = hasBoards ? db.prepare('SELECT id FROM boards WHERE id = ?').get(values.board) : undefined;
    const user = createUsers(db).byEmail(values.email);
    if (!board || !user) {
      io.err('kinmap: no such board, or no staff account with this email');
      return 1;
    }
    const members = createMembers(db);
    const already = members.ofUserOnBoard(user.id, values.board);
    // policy-exempt: whether they are the facilitator already is the question, not a permission.
    if (already?.role === 'facilitator') {
      io.out(`already facilitator: member ${already.id}`);
      return 0;
    }
    // A staff member who was a practitioner there keeps that record; the new one is the facilitator.
    if (already) members.revoke(already.id);
    const member = members.create({
      boardId: values.board,
      role: 'facilitator',
      displayName: user.displayName,
      userId: user.id,
    });
    io.out(`added facilitator: member ${member.id}`);
    return 0;
  } finally {
    db.close();
  }
}

/** `backup --to <file>`: an online copy of the data directory's database (docs/OPERATIONS.md). */
async function backup(values: { to?: string }, io: CliIo): Promise<number> {
  if (!values.to) {
    io.err(USAGE);
    return 2;
  }
  const dataDir = kinmapDataDir(io);
  if (dataDir === null) return 1;
  const target = resolve(values.to);
  const result = await backupDatabase(join(dataDir, DATABASE_FILE), target);
  if (!result.ok) {
    io.err(`kinmap: ${result.detail}`);
    return 1;
  }
  io.out(`backed up ${result.value.boards} boards (${result.value.bytes} bytes) to ${target}`);
  return 0;
}

/** The data directory from the environment, or null once the configuration error is printed. */
function configuredDataDir(io: CliIo): string | null {
  const config = loadConfig(io.env);
  if (config.ok) return config.value.dataDir;
  io.err(`kinmap: ${config.detail}`);
  return null;
}

/**
 * The configured data directory if it holds Kinmap data (a kinmap.sqlite with the accounts table,
 * which the server creates on its first start); otherwise null once the refusal is printed.
 */
function kinmapDataDir(io: CliIo): string | null {
  const dataDir = configuredDataDir(io);
  if (dataDir === null) return null;
  if (holdsKinmapData(dataDir)) return dataDir;
  const source = io.env.KINMAP_DATA_DIR === undefined ? 'KINMAP_DATA_DIR is not set, so ' : '';
  io.err(
    `kinmap: ${source}${dataDir} holds no Kinmap data (no ${DATABASE_FILE} with accounts). ` +
      'Set KINMAP_DATA_DIR to the directory the server prints at its start, or give create-user --init ' +
      'to start a new data directory there.',
  );
  return null;
}

/** Read-only look: creates nothing, changes nothing. */
export function holdsKinmapData(dataDir: string): boolean {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) return false;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return (
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'").get() !== undefined
    );
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await runCli(process.argv.slice(2), {
    env: process.env,
    readStdin: () => readAll(process.stdin),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  process.exit(code);
}
