import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from './apiError.js';
import { webApp } from './webApp.js';

describe('webApp', () => {
  let root: string;
  let dist: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kinmap-web-'));
    dist = join(root, 'dist');
    mkdirSync(dist);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const appServing = (root: string) => {
    const app = new Hono();
    app.onError((err, c) =>
      err instanceof ApiError ? c.json(err.toBody(), err.status) : c.text('boom', 500),
    );
    app.use('*', webApp({ root }));
    return app;
  };
  const build = () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  };

  it('serves files of the build, caching hashed assets for a year', async () => {
    build();
    const res = await appServing(dist).request('/assets/app-1234.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('javascript');
    expect(res.headers.get('Cache-Control')).toContain('immutable');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers client routes with index.html (SPA fallback), never cached', async () => {
    build();
    for (const path of ['/', '/b/someBoard', '/b/someBoard/plan']) {
      const res = await appServing(dist).request(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
    }
  });

  it('answers 404 for a missing file instead of index.html, and never escapes the build folder', async () => {
    build();
    writeFileSync(join(root, 'outside.txt'), 'outside');
    const app = appServing(dist);
    expect((await app.request('/assets/missing-1.js')).status).toBe(404);
    for (const path of ['/%2e%2e/outside.txt', '/..%2foutside.txt', '/assets/..%2f..%2foutside.txt']) {
      const escaped = await app.request(path);
      expect(escaped.status).toBe(404);
      expect(await escaped.text()).not.toContain('outside');
    }
  });

  it('answers 503 with a plain explanation while the web app is not built', async () => {
    const res = await appServing(join(dist, 'missing')).request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('not built');
  });

  const BIG = `export const words = ${JSON.stringify('kinmap '.repeat(400))};`;
  const compressedBuild = () => {
    build();
    writeFileSync(join(dist, 'assets', 'big-1.js'), BIG);
    writeFileSync(join(dist, 'assets', 'big-1.js.gz'), gzipSync(BIG));
    writeFileSync(join(dist, 'assets', 'big-1.js.br'), brotliCompressSync(BIG));
    writeFileSync(join(dist, 'assets', 'big-1.js.map'), '{"sources":["secret.ts"]}');
    mkdirSync(join(dist, '.vite'));
    writeFileSync(join(dist, '.vite', 'manifest.json'), '{}');
  };
  const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

  it('sends the brotli or gzip copy the browser accepts, with its own length and Vary', async () => {
    compressedBuild();
    const app = appServing(dist);
    const br = await app.request('/assets/big-1.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toBe('Accept-Encoding');
    expect(br.headers.get('Content-Type')).toContain('javascript');
    expect(br.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const brBody = await bytes(br);
    expect(Number(br.headers.get('Content-Length'))).toBe(brBody.length);
    expect(brotliDecompressSync(brBody).toString()).toBe(BIG);

    const gz = await app.request('/assets/big-1.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(BIG);

    const plain = await app.request('/assets/big-1.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(BIG);
  });

  it('never serves source maps, the build manifest or a compressed copy by its own name', async () => {
    compressedBuild();
    const app = appServing(dist);
    for (const path of [
      '/assets/big-1.js.map',
      '/.vite/manifest.json',
      '/assets/big-1.js.gz',
      '/assets/big-1.js.br',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('secret.ts');
    }
  });
});
