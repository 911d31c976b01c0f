/** Percentile by nearest rank over a copy of the samples (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Median and worst of the server's per-interval event-loop delay p99 (its `server.metrics` lines).
 * The first line after a window opens covers time before it, so callers skip it.
 */
export function loopDelaySummary(lines: readonly { loopDelayP99Ms: number }[]): {
  median: number;
  max: number;
} {
  const p99s = lines.map((line) => line.loopDelayP99Ms);
  return { median: round(median(p99s)), max: round(Math.max(...p99s)) };
}
