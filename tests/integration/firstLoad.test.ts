import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { firstLoadFiles, WEB_DIST, webManifest } from '../support/webBuild.js';

/**
 * Issue 13's target: a board's first load ships at most 250 KB of JavaScript, gzip-compressed
 * (docs/PERFORMANCE.md "First load"). Measured on the real build: every file the page's entry
 * imports statically, each gzip-compressed as the server sends it.
 */
const FIRST_LOAD_TARGET_GZIP_BYTES = 250 * 1024;

const gzipBytes = (file: string) => gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length;

// A size check on the real build (docs/PERFORMANCE.md "First load"), not a timing.
describe('the first load of a board', { timeout: 180_000 }, () => {
  it('fetches only the map: the other views and pages are separate files loaded on demand', () => {
    const manifest = webManifest();
    const first = new Set(firstLoadFiles(manifest));
    const files = Object.values(manifest).map((chunk) => chunk.file);
    for (const view of [
      'ReportsView',
      'MeetingsView',
      'AuditView',
      'PlanView',
      'ChildVoiceView',
      'ScalesView',
      'OutlineView',
      'StaffPage',
      'JoinPage',
      'SetupPage',
      'InvitePanel',
    ]) {
      const ownFile = (file: string) => file.startsWith(`assets/${view}-`) && file.endsWith('.js');
      expect(files.filter(ownFile), `${view} has its own file`).toHaveLength(1);
      expect([...first].filter(ownFile), `${view} is not in the first load`).toEqual([]);
    }
  });

  it(`needs at most ${FIRST_LOAD_TARGET_GZIP_BYTES / 1024} KB of gzip-compressed JavaScript`, () => {
    const files = firstLoadFiles(webManifest());
    const total = files.reduce((sum, file) => sum + gzipBytes(file), 0);
    // The figure, for docs/PERFORMANCE.md (sizes only).
    console.info(
      `first load: ${files.length} JS files, ${(total / 1024).toFixed(1)} KB gzip (target ${FIRST_LOAD_TARGET_GZIP_BYTES / 1024} KB)`,
    );
    expect(total).toBeLessThanOrEqual(FIRST_LOAD_TARGET_GZIP_BYTES);
  });

  it('carries zod only as zod/mini: no classic zod (nor its JSON Schema code) in the first load', () => {
    // Classic zod names its schema classes `ZodType`, `ZodString`…; zod/mini's are `ZodMiniType`…
    // (the names survive minification as strings). The JSON Schema code is server-side only.
    for (const file of firstLoadFiles(webManifest())) {
      const text = readFileSync(join(WEB_DIST, file), 'utf8');
      expect(/[`"']Zod(Type|String|Object)[`"']/.test(text), `${file} carries classic zod`).toBe(false);
      expect(text.includes('draft-2020-12'), `${file} carries zod's JSON Schema code`).toBe(false);
    }
  });

  it('keeps the service worker one file: sw.js imports nothing, the app’s first load least of all', () => {
    // vite.config.ts puts the first load in two chunks but leaves the service worker's modules out.
    const sw = readFileSync(join(WEB_DIST, 'sw.js'), 'utf8');
    expect(sw).toContain('kinmap-shell');
    expect(sw).not.toMatch(/\bimport\s*[\s{"'`*(]|\bfrom\s*["'`]/);
    expect(webManifest()['src/offline/sw.ts']?.imports ?? []).toEqual([]);
  });

  it('builds with @kinmap/model and @kinmap/protocol modules that do something on import only where their package.json says so', () => {
    // Their `sideEffects` lists let the web build drop the modules the map never uses. A module
    // with a top-level statement that does something (a call, an assignment) must be listed, or the
    // build may drop it and its effect with it.
    for (const name of ['model', 'protocol']) {
      const root = resolve(WEB_DIST, '../../../packages', name);
      const listed = (
        JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { sideEffects: string[] }
      ).sideEffects;
      const withEffects: string[] = [];
      const visit = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) visit(path);
          else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
            const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
            const effect = source.statements.some(
              (statement) =>
                // (`void name;`, which only keeps a type check's name used, does nothing.)
                (ts.isExpressionStatement(statement) &&
                  !(
                    ts.isVoidExpression(statement.expression) &&
                    ts.isIdentifier(statement.expression.expression)
                  )) ||
                ts.isIfStatement(statement) ||
                ts.isIterationStatement(statement, false) ||
                ts.isTryStatement(statement) ||
                ts.isBlock(statement),
            );
            if (effect) withEffects.push(`./${relative(root, path)}`);
          }
        }
      };
      visit(join(root, 'src'));
      expect(withEffects.sort(), `${name}: modules that act on import`).toEqual([...listed].sort());
    }
  });

  it('ships no source map links in the built JavaScript', () => {
    const manifest = webManifest();
    for (const { file } of Object.values(manifest)) {
      if (!file.endsWith('.js')) continue;
      expect(readFileSync(join(WEB_DIST, file), 'utf8'), file).not.toContain('sourceMappingURL');
    }
  });
});
