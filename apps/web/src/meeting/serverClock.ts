/**
 * The server's clock as this screen estimates it, so the agenda timer reads the same on every
 * screen however wrong a device's own clock is (docs/PROTOCOL.md "Meeting tools", clock skew).
 *
 * Each sample is one small request: the server's `Date` header says its clock was in
 * [D, D + 1000) ms at some moment between sending (t0) and receiving (t1) on this device's clock,
 * so the offset (server − local) lies in [D − t1, D + 1000 − t0]. Samples spread over a second are
 * intersected, which narrows the one-second resolution of the header to a few hundred ms.
 */

export interface ClockSample {
  /** Local ms when the request was sent and the response arrived. */
  readonly sentAt: number;
  readonly receivedAt: number;
  /** The server's `Date` header, parsed (whole seconds). */
  readonly serverDate: number;
}

/**
 * The offset (server − local, ms) the samples agree on: the middle of their intersection, or of
 * the last sample's own window when they disagree (a clock changed in between). 0 without samples.
 * @example clockOffset([{ sentAt: 1000, receivedAt: 1100, serverDate: 61_000 }]) // 60_450
 */
export function clockOffset(samples: readonly ClockSample[]): number {
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  let last: [number, number] | null = null;
  for (const { sentAt, receivedAt, serverDate } of samples) {
    if (![sentAt, receivedAt, serverDate].every(Number.isFinite) || receivedAt < sentAt) continue;
    last = [serverDate - receivedAt, serverDate + 1000 - sentAt];
    low = Math.max(low, last[0]);
    high = Math.min(high, last[1]);
  }
  if (last === null) return 0;
  const [from, to] = low <= high ? [low, high] : last;
  return Math.round((from + to) / 2);
}

const SAMPLES = 4;
const SPACING_MS = 260;

async function sample(url: string): Promise<ClockSample | null> {
  const sentAt = Date.now();
  try {
    const response = await fetch(url, { method: 'GET', cache: 'no-store', credentials: 'same-origin' });
    const receivedAt = Date.now();
    const header = response.headers.get('date');
    const serverDate = header === null ? Number.NaN : Date.parse(header);
    return Number.isFinite(serverDate) ? { sentAt, receivedAt, serverDate } : null;
  } catch {
    return null;
  }
}

let measured: Promise<number> | null = null;

/**
 * Measures the offset once per page (a few requests to `/healthz`); 0 (this device's clock) when
 * the server cannot be reached, so the timer still runs, as well as this device's clock allows.
 */
export function measureServerOffset(url = '/healthz'): Promise<number> {
  measured ??= (async () => {
    const samples: ClockSample[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const taken = await sample(url);
      if (taken !== null) samples.push(taken);
      if (i < SAMPLES - 1) await new Promise((resolve) => setTimeout(resolve, SPACING_MS));
    }
    return clockOffset(samples);
  })();
  return measured;
}
