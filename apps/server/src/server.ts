import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { createRooms, type Logger, type RoomLimits } from '@kinmap/sync';
import { createApp } from './app.js';
import { createTokenAuthenticator } from './authenticator.js';
import { createBoardRegistry } from './boardRegistry.js';
import { silentLogger } from './logger.js';
import { startMetrics } from './metrics.js';
import { createPrivateRatings } from './privateRatings.js';
import { createSqliteStore, openDatabase } from './sqliteStore.js';
import { attachSyncUpgrade } from './upgrade.js';

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
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:41234`; the WebSocket endpoint is the same with ws: and /sync. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, closes sockets with 1001, flushes and compacts boards, closes SQLite. */
  close(): Promise<void>;
}

export const DATABASE_FILE = 'kinmap.sqlite';

/**
 * Composes Kinmap: SQLite file -> store -> board registry -> rooms -> HTTP app + upgrade -> listen.
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
}: StartServerOptions): Promise<RunningServer> {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  const store = createSqliteStore({ db });
  const registry = createBoardRegistry({ db, store });
  const rooms = createRooms({ store, logger, ...(limits ? { limits } : {}) });
  const privateRatings = createPrivateRatings(db);
  const app = createApp({
    registry,
    logger,
    scaling: { rooms, privateRatings },
    ...(webDist ? { webDist } : {}),
  });
  const httpServer = createAdaptorServer({ fetch: app.fetch }) as Server;
  const upgrade = attachSyncUpgrade({
    server: httpServer,
    rooms,
    authenticate: createTokenAuthenticator(registry),
    logger,
    ...(heartbeatMs ? { heartbeatMs } : {}),
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
      // Whatever failed above, SQLite is closed cleanly (its WAL checkpointed).
      await store.close();
      db.close();
    }
    logger.info('server.stopped', { port: actualPort });
  };
  return {
    url: `http://${displayHost(host)}:${actualPort}`,
    port: actualPort,
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
