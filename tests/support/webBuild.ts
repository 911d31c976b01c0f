import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built web app (apps/web/dist), as `pnpm build` leaves it. */
export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/web/dist');

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}
export type ViteManifest = Readonly<Record<string, ManifestChunk>>;

/** The build's manifest (vite.config.ts `build.manifest`); builds the web app first if it is missing. */
export function webManifest(): ViteManifest {
  const file = join(WEB_DIST, '.vite', 'manifest.json');
  if (!existsSync(file)) {
    execFileSync('npx', ['vite', 'build'], { cwd: resolve(WEB_DIST, '..'), stdio: 'ignore' });
  }
  return JSON.parse(readFileSync(file, 'utf8')) as ViteManifest;
}

/**
 * The JS files a page's first load fetches: the entry chunk and everything it imports statically,
 * transitively. Dynamic imports (the views loaded on demand) are not followed.
 */
export function firstLoadFiles(manifest: ViteManifest, entry = 'index.html'): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  return [...seen].map((key) => manifest[key]?.file ?? key).filter((file) => file.endsWith('.js'));
}
