import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * The real CLI and the real server entry point, as processes (from source through tsx, so no build
 * is needed): what a person at the shell sees. SPEC [AU1].
 */

const SERVER_SRC = dirname(fileURLToPath(import.meta.url));
const NODE_ARGS = ['--import', 'tsx', '--conditions', 'source'];
/** apps/server: where `tsx` resolves from. */
const CWD = dirname(SERVER_SRC);

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kinmap-cli-process-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Each process compiles its sources through tsx on a shared machine: a bound, not a measurement. */
const PROCESS_TIMEOUT = 180_000;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(args: readonly string[], env: Record<string, string>, stdin: string): Promise<Run> {
  const child = spawn(process.execPath, [...NODE_ARGS, join(SERVER_SRC, 'cli.ts'), ...args], {
    cwd: CWD,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  child.stdin.end(stdin);
  return collect(child);
}

function collect(child: ChildProcess): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const CREATE_ADMIN = ['create-user', '--email', 'ada@example.org', '--name', 'Ada', '--admin'];

describe('the kinmap CLI as a process', () => {
  it(
    '[AU1] refuses a wrong KINMAP_DATA_DIR with exit 1 and creates nothing; --init creates it',
    async () => {
      const wrong = join(root, 'dta');
      const refused = await runCli(CREATE_ADMIN, { KINMAP_DATA_DIR: wrong }, 'a long password\n');
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`${wrong} holds no Kinmap data`);
      expect(existsSync(wrong)).toBe(false);

      const empty = join(root, 'empty');
      mkdirSync(empty);
      const emptyDir = await runCli(CREATE_ADMIN, { KINMAP_DATA_DIR: empty }, 'a long password\n');
      expect(emptyDir.code).toBe(1);
      expect(emptyDir.stderr).toContain('--init');
      expect(readdirSync(empty)).toEqual([]);

      const init = await runCli([...CREATE_ADMIN, '--init'], { KINMAP_DATA_DIR: empty }, 'a long password\n');
      expect(init.stderr).toBe('');
      expect(init.code).toBe(0);
      expect(init.stdout).toMatch(new RegExp(`^created administrator \\S+ in ${empty}\\n$`));
      // Now it holds Kinmap data: the next account needs no --init.
      const second = await runCli(
        ['create-user', '--email', 'bo@example.org', '--name', 'Bo'],
        { KINMAP_DATA_DIR: empty },
        'another long password\n',
      );
      expect(second.code).toBe(0);
      expect(readdirSync(root).sort()).toEqual(['empty']);
    },
    PROCESS_TIMEOUT,
  );

  it(
    '[AU1] the server prints the data directory it uses, in the start line and the CLI hint',
    async () => {
      const dataDir = join(root, 'server data');
      const server = spawn(process.execPath, [...NODE_ARGS, join(SERVER_SRC, 'main.ts')], {
        cwd: CWD,
        env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', KINMAP_DATA_DIR: dataDir },
      });
      const done = collect(server);
      let printed = '';
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          printed += chunk.toString();
          if (printed.includes('cli.js create-user')) resolve();
        });
        server.on('close', () => reject(new Error('the server stopped before printing its hint')));
      });
      server.kill('SIGTERM');
      await done;
      expect(printed).toContain(`Data directory: ${dataDir}\n`);
      expect(printed).toContain(
        `(or: KINMAP_DATA_DIR='${dataDir}' node apps/server/dist/cli.js create-user --email … --name … --admin)`,
      );
      // The hint works as printed: that directory now holds Kinmap data, so no --init is needed.
      const created = await runCli(CREATE_ADMIN, { KINMAP_DATA_DIR: dataDir }, 'a long password\n');
      expect(created.code).toBe(0);
    },
    PROCESS_TIMEOUT,
  );
});
