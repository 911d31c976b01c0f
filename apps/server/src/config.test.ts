import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses port 3000, host 0.0.0.0 and <repo>/data when nothing is set', () => {
    const result = loadConfig({});
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ port: 3000, host: '0.0.0.0', dataDir: DEFAULT_DATA_DIR }),
    });
    expect(DEFAULT_DATA_DIR).toBe(fileURLToPath(new URL('../../../data', import.meta.url)));
  });

  it('reads PORT, HOST and KINMAP_DATA_DIR, resolving a relative data dir to an absolute one', () => {
    const result = loadConfig({ PORT: '0', HOST: '127.0.0.1', KINMAP_DATA_DIR: 'some/dir' });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ port: 0, host: '127.0.0.1', dataDir: resolve('some/dir') }),
    });
  });

  it.each(['abc', '-1', '65536', '3000.5', ' 80', ''])('rejects PORT=%j with a clear message', (port) => {
    const result = loadConfig({ PORT: port });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail).toContain('PORT must be an integer from 0 to 65535');
  });

  it('rejects an empty HOST and an empty KINMAP_DATA_DIR', () => {
    expect(loadConfig({ HOST: ' ' }).ok).toBe(false);
    const result = loadConfig({ KINMAP_DATA_DIR: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail).toContain('KINMAP_DATA_DIR');
  });

  it('turns metrics logging on with KINMAP_METRICS_INTERVAL_MS and refuses nonsense', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, value: { metricsIntervalMs: null } });
    expect(loadConfig({ KINMAP_METRICS_INTERVAL_MS: '10000' })).toMatchObject({
      ok: true,
      value: { metricsIntervalMs: 10_000 },
    });
    for (const bad of ['0', '50', 'soon', '1.5']) {
      const result = loadConfig({ KINMAP_METRICS_INTERVAL_MS: bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.detail).toContain('KINMAP_METRICS_INTERVAL_MS');
    }
  });
});

describe('loadConfig flags', () => {
  it('reads KINMAP_SECURE_COOKIES as 0/1, off by default, and offers no open board creation', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, value: { secureCookies: false } });
    const secure = loadConfig({ KINMAP_SECURE_COOKIES: '1', KINMAP_OPEN_BOARD_CREATION: '1' });
    expect(secure).toMatchObject({ ok: true, value: { secureCookies: true } });
    if (secure.ok) expect(Object.keys(secure.value)).not.toContain('openBoardCreation');
    const bad = loadConfig({ KINMAP_SECURE_COOKIES: 'yes' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.detail).toContain('KINMAP_SECURE_COOKIES must be 0 or 1');
  });
});

describe('loadConfig limits', () => {
  it('[L3] limits new WebSockets to 20/s per address (burst 40) unless KINMAP_UPGRADE_RATE says otherwise; 0 is off', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, value: { upgradeLimit: { perSecond: 20, burst: 40 } } });
    expect(loadConfig({ KINMAP_UPGRADE_RATE: '5' })).toMatchObject({
      ok: true,
      value: { upgradeLimit: { perSecond: 5, burst: 10 } },
    });
    expect(loadConfig({ KINMAP_UPGRADE_RATE: '0' })).toMatchObject({
      ok: true,
      value: { upgradeLimit: null },
    });
    for (const bad of ['-1', 'many', '2.5', '']) {
      const result = loadConfig({ KINMAP_UPGRADE_RATE: bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.detail).toContain('KINMAP_UPGRADE_RATE');
    }
  });

  it('reads KINMAP_UNLOAD_AFTER_MS into the room limits, leaving the default when unset', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, value: { limits: {} } });
    expect(loadConfig({ KINMAP_UNLOAD_AFTER_MS: '500' })).toMatchObject({
      ok: true,
      value: { limits: { unloadAfterMs: 500 } },
    });
    const bad = loadConfig({ KINMAP_UNLOAD_AFTER_MS: 'soon' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.detail).toContain('KINMAP_UNLOAD_AFTER_MS');
  });

  it('reads KINMAP_HEADERS_TIMEOUT_MS (default 10 s, at least 100 ms)', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, value: { headersTimeoutMs: 10_000 } });
    expect(loadConfig({ KINMAP_HEADERS_TIMEOUT_MS: '250' })).toMatchObject({
      ok: true,
      value: { headersTimeoutMs: 250 },
    });
    for (const bad of ['0', '99', 'soon', '']) {
      const result = loadConfig({ KINMAP_HEADERS_TIMEOUT_MS: bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.detail).toContain('KINMAP_HEADERS_TIMEOUT_MS');
    }
  });

  it('reads KINMAP_TRUSTED_PROXIES as comma-separated addresses and CIDR ranges; none by default', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, value: { trustedProxies: [] } });
    expect(loadConfig({ KINMAP_TRUSTED_PROXIES: ' 127.0.0.1, 10.0.0.0/8,fd00::/8 ,' })).toMatchObject({
      ok: true,
      value: { trustedProxies: ['127.0.0.1', '10.0.0.0/8', 'fd00::/8'] },
    });
    for (const bad of ['proxy.example.org', '10.0.0.0/33', '300.1.1.1', '10.0.0.1 10.0.0.2']) {
      const result = loadConfig({ KINMAP_TRUSTED_PROXIES: bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.detail).toContain('KINMAP_TRUSTED_PROXIES');
    }
  });

  it('reads KINMAP_SOCKETS_PER_MEMBER (default 16 sockets, tickets twice that); 0 lifts the bound', () => {
    expect(loadConfig({})).toMatchObject({
      ok: true,
      value: { memberLimits: { socketsPerMember: 16, ticketsPerMember: 32 } },
    });
    expect(loadConfig({ KINMAP_SOCKETS_PER_MEMBER: '4' })).toMatchObject({
      ok: true,
      value: { memberLimits: { socketsPerMember: 4, ticketsPerMember: 8 } },
    });
    expect(loadConfig({ KINMAP_SOCKETS_PER_MEMBER: '0' })).toMatchObject({
      ok: true,
      value: { memberLimits: null },
    });
    const bad = loadConfig({ KINMAP_SOCKETS_PER_MEMBER: 'lots' });
    expect(bad.ok).toBe(false);
  });
});
