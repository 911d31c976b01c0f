#!/usr/bin/env node
// Runs the browser suite N times in a row on the current build (default 10), stopping at the first
// failing run, and appends one line per run to docs/E2E-RUNS.md: when, which commit, how many
// tests passed and failed, how long. Issue 13 asks for ten consecutive clean runs without retries;
// this is the record of them. Usage: `node scripts/e2e-repeat.mjs [N]` after a build.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = `${root}docs/E2E-RUNS.md`;
const runs = Number.parseInt(process.argv[2] ?? '10', 10);
if (!Number.isInteger(runs) || runs < 1 || runs > 100) {
  console.error('usage: node scripts/e2e-repeat.mjs [runs 1–100]');
  process.exit(2);
}

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
  cwd: root,
  encoding: 'utf8',
}).stdout.trim();
const dirty =
  spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout.trim() !== '';
if (!existsSync(log))
  writeFileSync(
    log,
    [
      '# Browser-suite runs',
      '',
      'One line per full run of `npx -y pnpm@12.4.2 run test:e2e` made by `node scripts/e2e-repeat.mjs`',
      '(Playwright, `retries: 0`, one worker, real Chromium and the real built server). Consecutive clean',
      'runs on one commit are what issue 13 asks for; a failing run ends a series.',
      '',
      '| started (UTC) | commit | passed | failed | flaky | minutes | failing (or a note) |',
      '| ------------- | ------ | -----: | -----: | ----: | ------: | ------------------- |',
      '',
    ].join('\n'),
  );

let clean = 0;
for (let i = 1; i <= runs; i++) {
  const started = new Date();
  const result = spawnSync(
    'npx',
    ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts', '--reporter=json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, CI: 'true' } },
  );
  const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(1);
  let stats = { expected: 0, unexpected: 0, flaky: 0 };
  const failing = [];
  try {
    const report = JSON.parse(result.stdout);
    stats = report.stats;
    const walk = (suite) => {
      for (const spec of suite.specs ?? []) if (!spec.ok) failing.push(`${spec.file}:${spec.line}`);
      for (const child of suite.suites ?? []) walk(child);
    };
    for (const suite of report.suites ?? []) walk(suite);
  } catch {
    // No report at all (the run could not start): counted as a failure below.
  }
  const failed = result.status !== 0 || stats.unexpected > 0 || stats.expected === 0;
  appendFileSync(
    log,
    `| ${started.toISOString().slice(0, 16).replace('T', ' ')} | ${commit}${dirty ? '+' : ''} | ${stats.expected} | ${stats.unexpected} | ${stats.flaky} | ${minutes} | ${failing.join(' ')} |\n`,
  );
  // The record is a Markdown table: keep it as the formatter (`pnpm run check`) wants it.
  spawnSync('npx', ['biome', 'format', '--write', log], { cwd: root, stdio: 'ignore' });
  console.log(
    `run ${i}/${runs}: ${failed ? 'FAILED' : 'clean'} (${stats.expected} passed, ${stats.unexpected} failed, ${minutes} min)`,
  );
  if (failed) {
    console.log(`${clean} consecutive clean run(s) before this failure`);
    process.exit(1);
  }
  clean++;
}
console.log(`${clean} consecutive clean runs on ${commit}`);
