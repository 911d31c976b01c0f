import { readFileSync } from 'node:fs';
import { loadConfig } from './config.js';
import { createJsonLogger } from './ops/logger.js';
import { DataKeyError, startServer } from './server.js';
import { loadDataKey } from './storage/dataCipher.js';

// Composition only: config -> startServer (store -> registry -> rooms -> app -> listen) -> signals.
const config = loadConfig(process.env);
if (!config.ok) {
  console.error(`kinmap: ${config.detail}`);
  process.exit(1);
}
const dataKey = loadDataKey(process.env, (path) => readFileSync(path, 'utf8'));
if (!dataKey.ok) {
  console.error(`kinmap: ${dataKey.detail}`);
  process.exit(1);
}
const logger = createJsonLogger();
const server = await startServer({ ...config.value, logger, dataKey: dataKey.value }).catch(
  (error: unknown) => {
    // A wrong or missing data key: one clear line, no stack, and the data is left untouched.
    if (!(error instanceof DataKeyError)) throw error;
    console.error(`kinmap: ${error.message}`);
    process.exit(1);
  },
);
if (dataKey.value === null) {
  process.stdout.write(
    '\nWarning: KINMAP_DATA_KEY is not set: boards are stored unencrypted (docs/OPERATIONS.md).\n',
  );
}
logger.info('server.listening', { url: server.url, port: server.port, dataDir: config.value.dataDir });
// One plain line for the person who ran `pnpm start`: where to open the app.
const shownHost = ['0.0.0.0', '::'].includes(config.value.host) ? 'localhost' : config.value.host;
const { dataDir } = config.value;
process.stdout.write(
  `\nKinmap is running at http://${shownHost}:${server.port}  (Ctrl-C to stop)\nData directory: ${dataDir}\n\n`,
);
if (server.setupCode !== null) {
  // Printed, never logged: the code creates the administrator (valid 24 h, one use). The CLI hint
  // names this data directory: the CLI refuses any other that holds no Kinmap data.
  process.stdout.write(
    `First run: create the administrator at http://${shownHost}:${server.port}/setup#code=${server.setupCode}\n` +
      `(or: KINMAP_DATA_DIR=${shellQuoted(dataDir)} node apps/server/dist/cli.js create-user --email … --name … --admin)\n\n`,
  );
}

/** A path as one shell word: single-quoted unless it is plainly safe. */
function shellQuoted(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) {
    // A second Ctrl-C means "now": skip the graceful path.
    logger.warn('server.forcedExit', { signal });
    process.exit(1);
  }
  stopping = true;
  logger.info('server.stopping', { signal });
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error('server.stopFailed', { name: error instanceof Error ? error.name : 'unknown' });
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
