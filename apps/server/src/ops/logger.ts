import type { Logger } from '@kinmap/sync';

type Level = 'info' | 'warn' | 'error';
type Fields = Record<string, string | number | boolean>;

export interface JsonLoggerOptions {
  /** Receives one JSON line (with its newline). Defaults to stdout. */
  readonly write?: (line: string) => void;
  readonly now?: () => number;
}

/**
 * One JSON object per line: `{ time, level, event, ...fields }`. Callers pass ids and
 * sizes only, never card text, names or tokens (the Logger contract).
 * @example createJsonLogger().info('server.listening', { port: 3000 })
 */
export function createJsonLogger({
  write = (line) => process.stdout.write(line),
  now = Date.now,
}: JsonLoggerOptions = {}): Logger {
  const log =
    (level: Level) =>
    (event: string, fields: Fields = {}) => {
      // Fields go first so `time`, `level` and `event` can never be overwritten by them.
      write(`${JSON.stringify({ ...fields, time: new Date(now()).toISOString(), level, event })}\n`);
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
