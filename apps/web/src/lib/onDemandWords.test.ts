import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOnDemandWords, t } from './messages';
import { ON_DEMAND_WORDS } from './onDemandWords';

const SRC = join(import.meta.dirname, '..');
/** Folders whose code is on a board's first load (the views in lazyViews.ts load the words first). */
const FIRST_LOAD_FOLDERS = ['board', 'canvas', 'editing', 'lib', 'map', 'offline', 'screens'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });

describe('the words of the views loaded on demand', () => {
  it('arrive when asked for, in every language, and not before', async () => {
    expect(t('versions.title')).toBe('versions.title');
    await loadOnDemandWords();
    expect(t('versions.title')).toBe(ON_DEMAND_WORDS['versions.title']);
  });

  it('are not used by code on a board’s first load, which would show a key instead of words', () => {
    const baseKeys = new Set(
      Object.keys(ON_DEMAND_WORDS).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')),
    );
    const used: string[] = [];
    for (const folder of FIRST_LOAD_FOLDERS) {
      for (const file of sourceFiles(join(SRC, folder))) {
        if (file.endsWith('onDemandWords.ts')) continue;
        const code = readFileSync(file, 'utf8');
        for (const key of baseKeys)
          if (new RegExp(`['"\`]${key.replace(/\./g, '\\.')}['"\`]`).test(code)) used.push(`${file}: ${key}`);
      }
    }
    expect(used).toEqual([]);
  });

  it('are not built from a template by code on a board’s first load, but for the drawing of a compared version', () => {
    // CardShape draws "New/Changed/Removed" only inside a compared version (versions/, on demand).
    const allowed = new Set(['versions.highlight.']);
    const keys = Object.keys(ON_DEMAND_WORDS);
    const built: string[] = [];
    for (const folder of FIRST_LOAD_FOLDERS) {
      for (const file of sourceFiles(join(SRC, folder))) {
        for (const match of readFileSync(file, 'utf8').matchAll(/`([\w.]+)\$\{/g)) {
          const prefix = match[1] ?? '';
          // A key is namespaced (`feature.name`): a prefix without a dot (an id's `c${i}`) builds none.
          if (prefix.includes('.') && !allowed.has(prefix) && keys.some((key) => key.startsWith(prefix)))
            built.push(`${file}: ${prefix}`);
        }
      }
    }
    expect(built).toEqual([]);
  });
});
