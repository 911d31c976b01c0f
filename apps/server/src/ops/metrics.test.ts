import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMetrics } from './metrics.js';

type Fields = Record<string, string | number | boolean>;

describe('startMetrics', () => {
  afterEach(() => vi.useRealTimers());

  it('logs event-loop delay, memory and live counts at each interval, and stops when asked', () => {
    vi.useFakeTimers();
    const lines: Array<{ event: string; fields?: Fields }> = [];
    const logger = {
      info: (event: string, fields?: Fields) => lines.push({ event, ...(fields ? { fields } : {}) }),
      warn: () => {},
      error: () => {},
    };
    const stop = startMetrics({ logger, intervalMs: 1000, stats: () => ({ rooms: 2, connections: 7 }) });
    vi.advanceTimersByTime(2500);
    expect(lines.map((line) => line.event)).toEqual(['server.metrics', 'server.metrics']);
    const fields = lines[0]?.fields ?? {};
    expect(fields).toMatchObject({ rooms: 2, connections: 7 });
    for (const key of ['loopDelayP50Ms', 'loopDelayP99Ms', 'loopDelayMaxMs', 'rssMiB', 'heapUsedMiB']) {
      expect(typeof fields[key]).toBe('number');
    }
    expect(fields.rssMiB).toBeGreaterThan(0);
    stop();
    vi.advanceTimersByTime(5000);
    expect(lines).toHaveLength(2);
  });
});
