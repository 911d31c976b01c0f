import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// scripts/check-role-lists.mjs (`pnpm run roles`, part of `pnpm run check`) on made-up trees.

const script = new URL('../../scripts/check-role-lists.mjs', import.meta.url).pathname;
const roots: string[] = [];

function check(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'kinmap-roles-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const run = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the role-list check', () => {
  it('fails on a list of roles spelled in an app, naming the file and line', () => {
    const result = check({
      'apps/web/src/a.ts': "import x from 'y';\nconst STAFF = new Set(['facilitator', 'practitioner']);\n",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('apps/web/src/a.ts:2: a list of roles');
  });

  it('fails on a role compared by name', () => {
    const result = check({
      'packages/sync/src/b.ts': "export const w = (role: string) => role !== 'viewer';\n",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("packages/sync/src/b.ts:1: a role compared by name `role !== 'viewer'`");
  });

  it('passes questions to the table, lists that are not all roles, tests, comments and exempt lines', () => {
    const result = check({
      'apps/web/src/ok.ts': [
        "const canEdit = may(me.role, 'AC1');",
        "const GROUPS = ['family', 'network', 'professionals'];",
        "// e.g. ['facilitator', 'practitioner'] in a comment",
        "// policy-exempt: the member's role is the state asked about",
        "if (already?.role === 'facilitator') done();",
      ].join('\n'),
      'apps/web/src/ok.test.ts': "expect(roles).toEqual(['family', 'network']);\n",
      'packages/model/src/access/policy.ts': "const STAFF = ['facilitator', 'practitioner'];\n",
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
