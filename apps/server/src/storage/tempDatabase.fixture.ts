import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * Test-only: gives every test a fresh database file in its own temporary directory, removed after
 * the test. Read `dir` and `file` inside a test or hook; they change before each test.
 */
export function useTempDatabase(prefix: string): { readonly dir: string; readonly file: string } {
  const paths = { dir: '', file: '' };
  beforeEach(() => {
    paths.dir = mkdtempSync(join(tmpdir(), prefix));
    paths.file = join(paths.dir, 'kinmap.sqlite');
  });
  afterEach(() => rmSync(paths.dir, { recursive: true, force: true }));
  return paths;
}
