import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { RunningServer } from '@kinmap/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLoadFiles, WEB_DIST, webManifest } from '../support/webBuild.js';
import { Fixture } from './helpers.js';

interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The bytes as sent, still compressed (fetch would decode them). */
  readonly body: Buffer;
}

function getRaw(server: RunningServer, path: string, acceptEncoding?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.url), {
      headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding },
    });
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

// Through the real server serving the real build (apps/web/dist).
describe('the built web app as the server sends it', { timeout: 180_000 }, () => {
  const fixture = new Fixture();
  let server: RunningServer;
  let entry: string;
  beforeAll(async () => {
    const files = firstLoadFiles(webManifest());
    entry = files[0] ?? '';
    server = await fixture.start({ webDist: WEB_DIST });
  });
  afterAll(() => fixture.cleanup());

  it('sends brotli or gzip as asked, each decoding to the file, with Vary, length and a year of caching', async () => {
    const original = readFileSync(join(WEB_DIST, entry));
    for (const [asked, sent, decode] of [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await getRaw(server, `/${entry}`, asked);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(sent);
      expect(res.headers.vary).toContain('Accept-Encoding');
      expect(res.headers['content-type']).toContain('javascript');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(res.body.length).toBeLessThan(original.length / 2);
      expect(decode(res.body).equals(original)).toBe(true);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    const plain = await getRaw(server, `/${entry}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('Accept-Encoding');
    expect(plain.body.equals(original)).toBe(true);
  });

  it('never caches the page or the service worker', async () => {
    for (const path of ['/', '/b/someBoard', '/sw.js']) {
      const res = await getRaw(server, path, 'gzip, br');
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('serves no source map and not the build manifest', async () => {
    for (const path of [`/${entry}.map`, '/sw.js.map', '/.vite/manifest.json', `/${entry}.gz`]) {
      expect((await getRaw(server, path)).status, path).toBe(404);
    }
  });
});
