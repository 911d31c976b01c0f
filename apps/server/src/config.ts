import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoomLimits } from '@kinmap/sync';
import type { MemberLimits } from './access/accessControl.js';
import { DEFAULT_SOCKETS_PER_MEMBER } from './access/liveSockets.js';
import { parseTrustedProxies } from './http/clientAddress.js';
import { DEFAULT_HEADERS_TIMEOUT_MS } from './http/headerDeadline.js';

/** Where the server listens and keeps its data; read once at start-up. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Absolute directory holding the SQLite file. Created by `startServer` if missing. */
  readonly dataDir: string;
  /** Absolute directory of the built web app (apps/web/dist). */
  readonly webDist: string;
  /** Log a `server.metrics` line this often (KINMAP_METRICS_INTERVAL_MS); null: never. */
  readonly metricsIntervalMs: number | null;
  /** KINMAP_SECURE_COOKIES=1: the session cookie gets `Secure` (the server is reached over https). */
  readonly secureCookies: boolean;
  /**
   * New WebSockets per second per client address, burst twice that (KINMAP_UPGRADE_RATE, default 20);
   * null: unlimited (KINMAP_UPGRADE_RATE=0, for load tests whose thousand clients share one address).
   */
  readonly upgradeLimit: { readonly perSecond: number; readonly burst: number } | null;
  /** Room limits set from the environment: KINMAP_UNLOAD_AFTER_MS (idle board unload delay). */
  readonly limits: Partial<RoomLimits>;
  /** KINMAP_HEADERS_TIMEOUT_MS: a connection must complete its request headers this long after opening (default 10 s). */
  readonly headersTimeoutMs: number;
  /**
   * KINMAP_TRUSTED_PROXIES: reverse proxies (IPs or CIDR ranges) whose X-Forwarded-For is believed;
   * empty: the socket's peer is the client.
   */
  readonly trustedProxies: readonly string[];
  /**
   * KINMAP_SOCKETS_PER_MEMBER: open WebSockets one member may hold (default 16; tickets outstanding
   * twice that); null: unbounded (KINMAP_SOCKETS_PER_MEMBER=0, load tests with one member per thousand sockets).
   */
  readonly memberLimits: MemberLimits | null;
}

export type ConfigResult =
  | { readonly ok: true; readonly value: ServerConfig }
  | { readonly ok: false; readonly reason: 'invalid-config'; readonly detail: string };

// Both src/config.ts and dist/config.js sit two levels below the repo's apps/ folder,
// so the defaults resolve to the same place whether run from source or from the build.
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '0.0.0.0';
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, 'data');
export const DEFAULT_WEB_DIST = resolve(REPO_ROOT, 'apps/web/dist');

/**
 * Reads PORT, HOST, KINMAP_DATA_DIR, KINMAP_METRICS_INTERVAL_MS, KINMAP_SECURE_COOKIES,
 * KINMAP_UPGRADE_RATE, KINMAP_UNLOAD_AFTER_MS, KINMAP_HEADERS_TIMEOUT_MS, KINMAP_TRUSTED_PROXIES and
 * KINMAP_SOCKETS_PER_MEMBER. Bad
 * values are a value, not a throw, so `main` can print one clear line and exit.
 * @example loadConfig({ PORT: '8080' }) // { ok: true, value: { port: 8080, host: '0.0.0.0', … } }
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const port = parsePort(env.PORT);
  if (port === null) {
    return invalid(`PORT must be an integer from 0 to 65535, got ${JSON.stringify(env.PORT)}`);
  }
  const host = env.HOST ?? DEFAULT_HOST;
  if (host.trim() === '' || /\s/.test(host)) {
    return invalid(`HOST must be a host name or address without spaces, got ${JSON.stringify(env.HOST)}`);
  }
  const rawDataDir = env.KINMAP_DATA_DIR;
  if (rawDataDir !== undefined && rawDataDir.trim() === '') {
    return invalid('KINMAP_DATA_DIR must not be empty (unset it to use <repo>/data)');
  }
  const dataDir =
    rawDataDir === undefined ? DEFAULT_DATA_DIR : isAbsolute(rawDataDir) ? rawDataDir : resolve(rawDataDir);
  const rawMetrics = env.KINMAP_METRICS_INTERVAL_MS;
  const metricsIntervalMs = rawMetrics === undefined ? null : Number(rawMetrics);
  if (metricsIntervalMs !== null && !(Number.isInteger(metricsIntervalMs) && metricsIntervalMs >= 100)) {
    return invalid(
      `KINMAP_METRICS_INTERVAL_MS must be a whole number of ms ≥ 100, got ${JSON.stringify(rawMetrics)}`,
    );
  }
  const secureCookies = parseFlag(env.KINMAP_SECURE_COOKIES);
  if (secureCookies === null) return invalid('KINMAP_SECURE_COOKIES must be 0 or 1');
  const upgradeRate = parseWhole(env.KINMAP_UPGRADE_RATE) ?? DEFAULT_UPGRADE_RATE;
  if (Number.isNaN(upgradeRate)) {
    return invalid(
      `KINMAP_UPGRADE_RATE must be a whole number ≥ 0, got ${JSON.stringify(env.KINMAP_UPGRADE_RATE)}`,
    );
  }
  const unloadAfterMs = parseWhole(env.KINMAP_UNLOAD_AFTER_MS);
  if (Number.isNaN(unloadAfterMs)) {
    const got = JSON.stringify(env.KINMAP_UNLOAD_AFTER_MS);
    return invalid(`KINMAP_UNLOAD_AFTER_MS must be a whole number of ms ≥ 0, got ${got}`);
  }
  const headersTimeoutMs = parseWhole(env.KINMAP_HEADERS_TIMEOUT_MS) ?? DEFAULT_HEADERS_TIMEOUT_MS;
  if (!(headersTimeoutMs >= 100)) {
    const got = JSON.stringify(env.KINMAP_HEADERS_TIMEOUT_MS);
    return invalid(`KINMAP_HEADERS_TIMEOUT_MS must be a whole number of ms ≥ 100, got ${got}`);
  }
  const trusted = parseTrustedProxies(env.KINMAP_TRUSTED_PROXIES);
  if (!trusted.ok) return invalid(`KINMAP_TRUSTED_PROXIES: ${trusted.detail}`);
  const socketsPerMember = parseWhole(env.KINMAP_SOCKETS_PER_MEMBER) ?? DEFAULT_SOCKETS_PER_MEMBER;
  if (Number.isNaN(socketsPerMember)) {
    const got = JSON.stringify(env.KINMAP_SOCKETS_PER_MEMBER);
    return invalid(`KINMAP_SOCKETS_PER_MEMBER must be a whole number ≥ 0, got ${got}`);
  }
  return {
    ok: true,
    value: {
      port,
      host,
      dataDir,
      webDist: DEFAULT_WEB_DIST,
      metricsIntervalMs,
      secureCookies,
      upgradeLimit: upgradeRate === 0 ? null : { perSecond: upgradeRate, burst: 2 * upgradeRate },
      limits: unloadAfterMs === undefined ? {} : { unloadAfterMs },
      headersTimeoutMs,
      trustedProxies: trusted.value,
      memberLimits:
        socketsPerMember === 0 ? null : { socketsPerMember, ticketsPerMember: 2 * socketsPerMember },
    },
  };
}

export const DEFAULT_UPGRADE_RATE = 20;

/** A whole number ≥ 0; undefined when unset, NaN when malformed. */
function parseWhole(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  return /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
}

function parseFlag(raw: string | undefined): boolean | null {
  if (raw === undefined || raw === '' || raw === '0') return false;
  return raw === '1' ? true : null;
}

function parsePort(raw: string | undefined): number | null {
  if (raw === undefined) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(raw)) return null;
  const port = Number(raw);
  return port <= 65535 ? port : null;
}

function invalid(detail: string): ConfigResult {
  return { ok: false, reason: 'invalid-config', detail };
}
