import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { ApiError, ApiErrorCode } from './apiError.js';

export interface WebAppOptions {
  /** Absolute path of the built web app (apps/web/dist). */
  readonly root: string;
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kinmap</title></head>
<body><h1>Kinmap's web app is not built</h1>
<p>The server is running, but apps/web/dist is missing. Build it with <code>npx -y pnpm@12.4.2 build</code> and reload.</p>
</body></html>`;

/**
 * Never served, even when present: source maps (no public source maps), the build's own files
 * (`.vite/manifest.json`, any dot-file) and the precompressed copies asked for by name.
 */
const NEVER_SERVED = /(?:\.map|\.gz|\.br)$|(?:^|\/)\./;

/** Types the build precompresses (vite.config.ts `precompress`): the answer depends on Accept-Encoding. */
const PRECOMPRESSED_TYPES = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt)$/;

/**
 * Serves the built single-page app: real files as they are (hashed assets cached for a year),
 * and index.html for any other path without a file extension, so client routes such as
 * `/b/<boardId>` work on reload. A missing build answers 503 with a plain explanation.
 * Text files go out as the build's brotli or gzip copy when the browser accepts it
 * (`file.br`, `file.gz`; Content-Encoding, Vary: Accept-Encoding, the copy's Content-Length).
 */
export function webApp({ root }: WebAppOptions): MiddlewareHandler {
  const indexFile = join(root, 'index.html');
  let assets: MiddlewareHandler | null = null;

  return async function webAppMiddleware(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    // Checked per request so a build made after start-up is picked up without a restart.
    if (!existsSync(indexFile)) return c.html(NOT_BUILT_PAGE, 503);
    if (NEVER_SERVED.test(c.req.path)) throw new ApiError(404, ApiErrorCode.notFound, 'No such file');
    assets ??= serveStatic({ root, precompressed: true });
    const found = await assets(c, async () => {});
    if (found) {
      // Also on the plain answer, so a shared cache never hands it to a browser that takes brotli.
      if (PRECOMPRESSED_TYPES.test(c.req.path) && !found.headers.has('Content-Encoding')) {
        found.headers.set('Vary', 'Accept-Encoding');
      }
      // Vite puts content-hashed files under /assets; everything else may change on deploy.
      const immutable = c.req.path.startsWith('/assets/');
      found.headers.set('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return found;
    }
    const lastSegment = c.req.path.split('/').at(-1) ?? '';
    if (lastSegment.includes('.')) throw new ApiError(404, ApiErrorCode.notFound, 'No such file');
    c.header('Cache-Control', 'no-cache');
    return c.html(await readFile(indexFile, 'utf8'));
  };
}
