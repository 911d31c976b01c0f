import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Fixture, refusalStatus, syncUrl } from './helpers.js';

// Issue 12: behind a reverse proxy every client has the proxy's address. With KINMAP_TRUSTED_PROXIES
// the client is the right-most X-Forwarded-For hop that is not a trusted proxy; without it the
// header is never believed.
describe('KINMAP_TRUSTED_PROXIES: the client address behind a reverse proxy (real server, real requests)', () => {
  let fixture: Fixture;
  beforeEach(() => {
    fixture = new Fixture();
  });
  afterEach(() => fixture.cleanup());

  let attempt = 0;
  /** A failed login with a fresh email each time, so only the per-address limit (20 / 15 min) counts. */
  const failedLogin = async (server: { url: string }, forwardedFor?: string) => {
    attempt++;
    const res = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: server.url,
        'X-Kinmap-CSRF': '1',
        ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}),
      },
      body: JSON.stringify({ email: `nobody${attempt}@example.org`, password: 'wrong password' }),
    });
    return res.status;
  };
  /** An unknown invite: no scrypt work, and only a per-address limit (10 / 15 min) counts. */
  const failedInvite = async (server: { url: string }, forwardedFor?: string) => {
    const res = await fetch(`${server.url}/api/invites/open`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: server.url,
        'X-Kinmap-CSRF': '1',
        ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}),
      },
      body: JSON.stringify({ invite: 'A'.repeat(43), displayName: 'Someone' }),
    });
    return res.status;
  };

  it('[AU2] behind a trusted proxy, 20 failed logins lock out that client only, by the right-most untrusted hop', async () => {
    const server = await fixture.start({ trustedProxies: ['127.0.0.1', '10.0.0.0/8'] });
    for (let i = 0; i < 20; i++) {
      // The client may write anything on the left; the proxies (10.1.2.3, then the peer) append.
      expect(await failedLogin(server, `198.51.100.${i}, 203.0.113.7, 10.1.2.3`)).toBe(401);
    }
    expect(await failedLogin(server, '203.0.113.7')).toBe(429);
    expect(await failedLogin(server, '192.0.2.99, 203.0.113.7')).toBe(429);
    // Everyone else behind the same proxy still signs in (here: is still told the password is wrong).
    expect(await failedLogin(server, '203.0.113.8')).toBe(401);
    expect(await failedLogin(server)).toBe(401);
  }, 120_000); // 23 scrypt verifications

  it('[AU10] behind a trusted proxy, invite guesses are counted per forwarded client', async () => {
    const server = await fixture.start({ trustedProxies: ['127.0.0.1'] });
    for (let i = 0; i < 10; i++) expect(await failedInvite(server, '203.0.113.7')).toBe(404);
    expect(await failedInvite(server, '203.0.113.7')).toBe(429);
    expect(await failedInvite(server, '203.0.113.8')).toBe(404);
  });

  it('[AU10] without trusted proxies X-Forwarded-For is ignored: a client cannot dodge the limit by writing it', async () => {
    const server = await fixture.start();
    for (let i = 0; i < 10; i++) expect(await failedInvite(server, `203.0.113.${i}`)).toBe(404);
    expect(await failedInvite(server, '203.0.113.200')).toBe(429);
  });

  it('[AU10] a peer that is not a trusted proxy is the client, whatever it forwards', async () => {
    const server = await fixture.start({ trustedProxies: ['10.0.0.0/8'] });
    for (let i = 0; i < 10; i++) expect(await failedInvite(server, `203.0.113.${i}`)).toBe(404);
    expect(await failedInvite(server, '203.0.113.201')).toBe(429);
  });

  it('[L3] the per-address upgrade limit counts the forwarded client behind a trusted proxy', async () => {
    const server = await fixture.start({
      trustedProxies: ['127.0.0.1'],
      upgradeLimit: { perSecond: 0.001, burst: 2 },
    });
    const statusFrom = (forwardedFor: string) => {
      const ws = new WebSocket(`${syncUrl(server)}/no-such-board`, {
        headers: { 'X-Forwarded-For': forwardedFor },
      });
      ws.on('error', () => {});
      fixture.track(ws);
      return refusalStatus(ws);
    };
    // No ticket: whoever passes the address limit is refused with 404 (unknown board).
    expect(await statusFrom('203.0.113.7')).toBe(404);
    expect(await statusFrom('203.0.113.7')).toBe(404);
    expect(await statusFrom('203.0.113.7')).toBe(429);
    expect(await statusFrom('203.0.113.8')).toBe(404);
  });
});
