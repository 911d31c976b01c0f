import { percentile, round } from './stats.js';

/** One display refresh at 60 Hz: the budget of a smooth frame. */
export const FRAME_BUDGET_MS = 1000 / 60;

export interface FrameSummary {
  readonly frames: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  /** Refreshes missed over refreshes due in the window: a 50 ms frame misses two. */
  readonly droppedShare: number;
}

/** Frame durations (ms between animation frames) -> percentiles and the share of dropped refreshes. */
export function summariseFrames(deltas: readonly number[]): FrameSummary {
  const total = deltas.reduce((sum, d) => sum + d, 0);
  const missed = deltas.reduce((sum, d) => sum + Math.max(0, Math.round(d / FRAME_BUDGET_MS) - 1), 0);
  const due = total / FRAME_BUDGET_MS;
  return {
    frames: deltas.length,
    p50: round(percentile(deltas, 50)),
    p95: round(percentile(deltas, 95)),
    p99: round(percentile(deltas, 99)),
    droppedShare: due > 0 ? round(missed / due, 3) : 0,
  };
}

/** The median of each figure over several runs. */
export function medianSummary(runs: readonly FrameSummary[]): FrameSummary {
  const pick = (key: keyof FrameSummary) =>
    percentile(
      runs.map((r) => r[key]),
      50,
    );
  return {
    frames: pick('frames'),
    p50: pick('p50'),
    p95: pick('p95'),
    p99: pick('p99'),
    droppedShare: pick('droppedShare'),
  };
}
