import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type RequestIdEnv, requestId } from './requestId.js';

function appWithRequestId(generate?: () => string) {
  const app = new Hono<RequestIdEnv>();
  app.use('*', requestId(generate ? { generate } : {}));
  app.get('/', (c) => c.text(c.get('requestId')));
  return app;
}

describe('requestId', () => {
  it('gives each request a fresh id, exposed to handlers and echoed in X-Request-Id', async () => {
    let n = 0;
    const app = appWithRequestId(() => `id-${++n}`);
    const first = await app.request('/');
    const second = await app.request('/');
    expect(await first.text()).toBe('id-1');
    expect(first.headers.get('X-Request-Id')).toBe('id-1');
    expect(second.headers.get('X-Request-Id')).toBe('id-2');
  });

  it('keeps a plain incoming id and replaces one that is unsafe to log', async () => {
    const app = appWithRequestId(() => 'generated');
    const kept = await app.request('/', { headers: { 'X-Request-Id': 'proxy-42' } });
    expect(kept.headers.get('X-Request-Id')).toBe('proxy-42');
    const replaced = await app.request('/', { headers: { 'X-Request-Id': 'a b\u0007<script>' } });
    expect(replaced.headers.get('X-Request-Id')).toBe('generated');
    const tooLong = await app.request('/', { headers: { 'X-Request-Id': 'x'.repeat(65) } });
    expect(tooLong.headers.get('X-Request-Id')).toBe('generated');
  });
});
