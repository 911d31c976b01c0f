import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './securityHeaders.js';

describe('securityHeaders', () => {
  it('adds nosniff, no-referrer and DENY framing to every response, errors included', async () => {
    const app = new Hono();
    app.use('*', securityHeaders());
    app.get('/', (c) => c.text('ok'));
    for (const path of ['/', '/missing']) {
      const res = await app.request(path);
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    }
  });
});
