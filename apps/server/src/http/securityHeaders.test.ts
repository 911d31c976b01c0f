import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { defaultContentSecurityPolicy, securityHeaders } from './securityHeaders.js';

describe('securityHeaders', () => {
  it('[AU15] adds nosniff, no-referrer, DENY framing and the CSP to every response, errors included', async () => {
    const app = new Hono();
    app.use('*', securityHeaders());
    app.get('/', (c) => c.text('ok'));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.onError((_error, c) => c.text('failed', 500));
    for (const path of ['/', '/missing', '/boom']) {
      const res = await app.request(path, { headers: { Host: 'kinmap.test:3000' } });
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
      expect(res.headers.get('Content-Security-Policy')).toBe(
        defaultContentSecurityPolicy('kinmap.test:3000'),
      );
    }
  });

  it('[AU15] sends Strict-Transport-Security only when served over https (secure cookies)', async () => {
    const plain = new Hono();
    plain.use('*', securityHeaders());
    plain.get('/', (c) => c.text('ok'));
    expect((await plain.request('/')).headers.get('Strict-Transport-Security')).toBeNull();
    const secure = new Hono();
    secure.use('*', securityHeaders({ strictTransportSecurity: true }));
    secure.get('/', (c) => c.text('ok'));
    expect((await secure.request('/')).headers.get('Strict-Transport-Security')).toBe(
      'max-age=15552000; includeSubDomains',
    );
  });

  it('sends exactly the documented headers, and the policy without a usable Host', async () => {
    const app = new Hono();
    app.use('*', securityHeaders());
    app.get('/', (c) => c.text('ok'));
    const res = await app.request('/', { headers: { Host: 'evil.test; x' } });
    expect(res.headers.get('Content-Security-Policy')).toBe(defaultContentSecurityPolicy(null));
    expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    for (const name of ['Cross-Origin-Resource-Policy', 'X-XSS-Protection', 'Origin-Agent-Cluster']) {
      expect(res.headers.get(name)).toBeNull();
    }
  });

  it('[AU15] builds a policy without inline or eval script, framing none, and sockets only to this host', () => {
    const policy = defaultContentSecurityPolicy('localhost:3000');
    const directives = Object.fromEntries(
      policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(directives['default-src']).toBe("'self'");
    expect(directives['script-src']).toBe("'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['connect-src']).toBe("'self' ws://localhost:3000 wss://localhost:3000");
  });

  it('never echoes a hostile Host header into the policy', () => {
    const policy = defaultContentSecurityPolicy("evil.test; script-src 'unsafe-inline'");
    expect(policy).not.toContain('evil');
    expect(policy).toContain("connect-src 'self';");
  });
});
