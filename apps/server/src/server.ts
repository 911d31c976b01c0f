import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { Logger, RoomLimits } from '@kinmap/sync';
import type { MemberLimits } from './access/accessControl.js';
import { createApp } from './app.js';
import { childToolAdmits } from './child/childTools.js';
import { contextAddress, createClientAddress } from './http/clientAddress.js';
import {
  configureTimeouts,
  DEFAULT_HEADERS_TIMEOUT_MS,
  enforceHeaderDeadline,
} from './http/headerDeadline.js';
import { createConnectionLimiter, DEFAULT_CONNECTION_LIMIT } from './live/connectionLimiter.js';
import { registerMember } from './live/participantRegistry.js';
import { withPresenceAudit } from './live/presenceAudit.js';
import { attachSyncUpgrade } from './live/upgrade.js';
import { silentLogger } from './ops/logger.js';
import { startMetrics } from './ops/metrics.js';
import { createServices } from './services.js';
import { DATABASE_FILE, openDatabase } from './storage/database.js';
import { checkDataKey, createDataCipher } from './storage/dataCipher.js';

export interface StartServerOptions {
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly host: string;
  /** Holds kinmap.sqlite; created if missing. */
  readonly dataDir: string;
  readonly logger?: Logger;
  /** Built web app to serve; without it pages answer 503 "not built". */
  readonly webDist?: string;
  readonly limits?: Partial<RoomLimits>;
  readonly heartbeatMs?: number;
  /** Log a `server.metrics` line this often; null or absent: never. */
  readonly metricsIntervalMs?: number | null;
  /** Adds `Secure` to the session cookie (serve over https). */
  readonly secureCookies?: boolean;
  /**
   * The master key for encryption at rest (32 bytes, KINMAP_DATA_KEY); null or absent: plaintext.
   * A key that does not match the data directory's refuses the start (DataKeyError).
   */
  readonly dataKey?: Uint8Array | null;
  /** New WebSockets per client address ([L3]); default 20/s, burst 40; null: unlimited. */
  readonly upgradeLimit?: { readonly perSecond: number; readonly burst: number } | null;
  /** A connection must complete its request headers this long after opening (default 10 s). */
  readonly headersTimeoutMs?: number;
  /** Reverse proxies whose X-Forwarded-For names the client (KINMAP_TRUSTED_PROXIES); default none. */
  readonly trustedProxies?: readonly string[];
  /** Open sockets and tickets per member (KINMAP_SOCKETS_PER_MEMBER); default 16 and 32; null: unbounded. */
  readonly memberLimits?: MemberLimits | null;
}

const UNBOUNDED_MEMBERS: MemberLimits = { socketsPerMember: Infinity, ticketsPerMember: Infinity };

/** The data key does not fit the data directory: the server must not start. */
export class DataKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataKeyError';
  }
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:41234`; the WebSocket endpoint is the same with ws: and /sync. */
  readonly url: string;
  readonly port: number;
  /**
   * While no account exists: the one-time code that creates the administrator (valid 24 h);
   * print it as `<url>/setup#code=<setupCode>`. Null once an account exists.
   */
  readonly setupCode: string | null;
  /** Stops accepting, closes sockets with 1001, flushes and compacts boards, closes SQLite. */
  close(): Promise<void>;
  /** What the server holds in memory now (a leak check counts these, not bytes). */
  retained(): RetainedCounts;
}

/** Objects a server keeps per board, socket or client: all back to zero once everyone has gone. */
export interface RetainedCounts {
  /** Boards loaded (shared and restricted rooms). */
  readonly rooms: number;
  /** Connections inside rooms. */
  readonly connections: number;
  /** Live sockets indexed for revocation. */
  readonly liveSockets: number;
  /** Outstanding tickets (each lives ≤ 60 s). */
  readonly tickets: number;
  /** WebSockets the upgrade holds open. */
  readonly upgraded: number;
}

/**
 * Composes Kinmap: SQLite file -> services (services.ts) -> HTTP app + upgrade -> listen.
 * @example const server = await startServer({ port: 0, host: '127.0.0.1', dataDir }); await server.close();
 */
export async function startServer({
  port,
  host,
  dataDir,
  logger = silentLogger,
  webDist,
  limits,
  heartbeatMs,
  metricsIntervalMs,
  secureCookies = false,
  dataKey = null,
  upgradeLimit = DEFAULT_CONNECTION_LIMIT,
  headersTimeoutMs = DEFAULT_HEADERS_TIMEOUT_MS,
  trustedProxies = [],
  memberLimits,
}: StartServerOptions): Promise<RunningServer> {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  const keyCheck = checkDataKey(db, dataKey);
  if (!keyCheck.ok) {
    db.close();
    throw new DataKeyError(keyCheck.detail);
  }
  if (keyCheck.state === 'plaintext') {
    logger.warn('server.data_unencrypted', { hint: 'set KINMAP_DATA_KEY to encrypt boards at rest' });
  }
  const cipher = dataKey === null ? null : createDataCipher(dataKey);
  const services = createServices(db, {
    cipher,
    logger,
    ...(limits ? { limits } : {}),
    ...(memberLimits === undefined ? {} : { memberLimits: memberLimits ?? UNBOUNDED_MEMBERS }),
  });
  const { store, rooms, access, audit, authenticate } = services;
  if (keyCheck.firstKeyedStart) {
    // Everything written before the key is sealed by now (every service sealed its rows when it was
    // built); rebuilding the file and emptying the WAL drops the plaintext that deleted and
    // rewritten rows left in free space.
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    logger.info('server.data_sealed', {});
  }
  // A fresh code each start while nobody can sign in; the old one stops working.
  const setupCode = access.users.count() === 0 ? access.setup.issue().secret : null;
  // Behind a trusted reverse proxy, the client is the right-most untrusted X-Forwarded-For hop.
  const addressOf = createClientAddress(trustedProxies);
  const app = createApp(services, {
    secureCookies,
    webDist: webDist || null,
    clientAddress: contextAddress(addressOf),
  });
  // Node enforces the timeouts below when it checks its connections: each second, not every 30 s.
  const httpServer = createAdaptorServer({
    fetch: app.fetch,
    serverOptions: { connectionsCheckingInterval: 1000 },
  }) as Server;
  // Slow-loris bound: a connection has 10 s from opening to send its headers (upgrades included),
  // whether it sends nothing, half a request or a drip; 30 s per request.
  enforceHeaderDeadline(httpServer, headersTimeoutMs);
  configureTimeouts(httpServer, headersTimeoutMs);
  const upgrade = attachSyncUpgrade({
    server: httpServer,
    rooms: withPresenceAudit(rooms, audit),
    authenticate,
    liveSockets: access.liveSockets,
    onMemberConnected: (boardId, memberId) => void registerMember(rooms, access, boardId, memberId, logger),
    displayNameOf: (memberId) => access.members.get(memberId)?.displayName,
    childToolAccess: (boardId, toolId, member) => {
      const tool = services.childTools.get(boardId, toolId);
      if (tool === null) return 'unknown';
      return childToolAdmits(tool, member) ? 'open' : 'not-chosen';
    },
    logger,
    ...(heartbeatMs ? { heartbeatMs } : {}),
    ...(upgradeLimit ? { connectionLimiter: createConnectionLimiter(upgradeLimit) } : {}),
    clientAddress: addressOf,
  });

  try {
    await listen(httpServer, port, host);
  } catch (error) {
    await upgrade.close(0);
    await store.close();
    db.close();
    throw error;
  }
  const actualPort = (httpServer.address() as AddressInfo).port;
  const stopMetrics = metricsIntervalMs
    ? startMetrics({ logger, intervalMs: metricsIntervalMs, stats: () => rooms.stats() })
    : () => {};

  let closing: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    stopMetrics();
    upgrade.refuseNew();
    const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    try {
      // Rooms first: they close sockets with 1001, then flush and compact into the store.
      await rooms.shutdown();
      await upgrade.close();
      httpServer.closeAllConnections();
      await stopped;
    } finally {
      await services.reports.close();
      // Whatever failed above, SQLite is closed cleanly (its WAL checkpointed).
      await store.close();
      db.close();
    }
    logger.info('server.stopped', { port: actualPort });
  };
  return {
    url: `http://${displayHost(host)}:${actualPort}`,
    port: actualPort,
    setupCode,
    retained: () => ({
      ...rooms.stats(),
      liveSockets: access.liveSockets.size(),
      tickets: access.tickets.size(),
      upgraded: upgrade.connectionCount(),
    }),
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** A wildcard address is not something a browser can open. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
