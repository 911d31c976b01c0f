import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Logger } from '@kinmap/sync';

export interface MetricsOptions {
  readonly logger: Logger;
  /** How often to log one `server.metrics` line. */
  readonly intervalMs: number;
  /** Counts of what is live (rooms, connections); sizes only, never content. */
  readonly stats: () => { rooms: number; connections: number };
}

/**
 * Logs the server's health at a fixed interval: event-loop delay (p50/p99/max over the interval,
 * the time a message waits before the server can look at it), memory and live rooms/connections.
 * Returns a function that stops it.
 * @example const stop = startMetrics({ logger, intervalMs: 10_000, stats: rooms.stats });
 */
export function startMetrics({ logger, intervalMs, stats }: MetricsOptions): () => void {
  // 1 ms resolution: the sampling timer adds up to this much to every figure.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const timer = setInterval(() => {
    const memory = process.memoryUsage();
    logger.info('server.metrics', {
      ...stats(),
      loopDelayP50Ms: round(delay.percentile(50) / 1e6),
      loopDelayP99Ms: round(delay.percentile(99) / 1e6),
      loopDelayMaxMs: round(delay.max / 1e6),
      rssMiB: round(memory.rss / 2 ** 20),
      heapUsedMiB: round(memory.heapUsed / 2 ** 20),
    });
    delay.reset();
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    delay.disable();
  };
}

const round = (n: number): number => Math.round(n * 100) / 100;
