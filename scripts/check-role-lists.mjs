#!/usr/bin/env node
// Fails when who-may-do-what is decided outside the one policy table
// (packages/model/src/access/policy.ts; docs/SPEC.md): a list of two or more roles spelled in
// an array or a Set, or a role compared with a role name (`role === 'viewer'`). Ask
// `may(role, rule)` or `mayManage(actor, target)` instead. Tests and fixtures may spell roles.
// A line that must compare a role for another reason carries `policy-exempt: <why>` on it or on
// the line above. Usage: node scripts/check-role-lists.mjs [root]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROLE_NAMES = ['facilitator', 'practitioner', 'family', 'network', 'viewer'];
const ROLE = ROLE_NAMES.join('|');
/** Where roles are defined (ROLES) and where the table lives. */
const ALLOWED = new Set(['packages/model/src/doc/types.ts', 'packages/model/src/access/policy.ts']);
const SOURCE_ROOTS = ['apps', 'packages'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'testing', 'e2e', 'bench']);
const SKIPPED_FILE = /\.(test|fixture)\.tsx?$|test-support\.ts$|\.d\.ts$/;

/** Array literals and `new Set(…)` without nested brackets. */
const LIST = /\[([^[\]]*)\]|new Set\(([^()]*)\)/g;
const LITERAL = /'([^'\\\n]*)'|"([^"\\\n]*)"/g;
const COMPARISON = new RegExp(
  `[\\w.?]*[rR]ole\\s*[!=]==?\\s*['"](?:${ROLE})['"]|['"](?:${ROLE})['"]\\s*[!=]==?\\s*[\\w.?]*[rR]ole\\b`,
  'g',
);

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* sourceFiles(join(dir, entry.name));
    } else if (/\.tsx?$/.test(entry.name) && !SKIPPED_FILE.test(entry.name)) {
      yield join(dir, entry.name);
    }
  }
}

/** Blanks comments (keeping line breaks, so line numbers stay right). */
function withoutComments(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\w])\/\/.*$/gm, '$1');
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length;

/** The role lists and role comparisons in one file's text, as `line: what`. */
function findRoleRules(text) {
  const code = withoutComments(text);
  const lines = text.split('\n');
  const exempt = (line) => /policy-exempt:/.test(`${lines[line - 2] ?? ''}\n${lines[line - 1] ?? ''}`);
  const found = [];
  for (const match of code.matchAll(LIST)) {
    const body = match[1] ?? match[2] ?? '';
    const literals = [...body.matchAll(LITERAL)].map((m) => m[1] ?? m[2]);
    if (literals.length >= 2 && literals.every((value) => ROLE_NAMES.includes(value))) {
      const line = lineOf(code, match.index);
      if (!exempt(line)) found.push(`${line}: a list of roles ${match[0].replace(/\s+/g, ' ')}`);
    }
  }
  for (const match of code.matchAll(COMPARISON)) {
    const line = lineOf(code, match.index);
    if (!exempt(line)) found.push(`${line}: a role compared by name \`${match[0]}\``);
  }
  return found;
}

const root = process.argv[2] ?? process.cwd();
const problems = [];
for (const top of SOURCE_ROOTS.filter((dir) => existsSync(join(root, dir)))) {
  for (const file of sourceFiles(join(root, top))) {
    const path = relative(root, file).split('\\').join('/');
    if (ALLOWED.has(path)) continue;
    for (const found of findRoleRules(readFileSync(file, 'utf8'))) problems.push(`${path}:${found}`);
  }
}
if (problems.length > 0) {
  console.error(
    'Who may do what belongs in the policy table (packages/model/src/access/policy.ts): ask may() or mayManage().',
  );
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
