import { isFinalCloseCode } from '@kinmap/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AttemptFailure, createReconnector } from './reconnect';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setUp({ online = true, random = () => 0.5 }: { online?: boolean; random?: () => number } = {}) {
  const calls = { connect: 0, closeSocket: 0 };
  const failures: AttemptFailure[] = [];
  let isOnline = online;
  let onlineEvents = 0;
  const reconnector = createReconnector({
    connect: () => {
      calls.connect += 1;
    },
    closeSocket: () => {
      calls.closeSocket += 1;
    },
    isOnline: () => isOnline,
    random,
    onAttemptFailed: (failure) => failures.push(failure),
    onOnline: () => {
      onlineEvents += 1;
    },
  });
  return {
    reconnector,
    calls,
    failures,
    setOnline: (value: boolean) => {
      isOnline = value;
    },
    onlineEvents: () => onlineEvents,
  };
}

describe('createReconnector', () => {
  it('retries after a jittered wait that doubles with each failure, and starts over once synced', () => {
    const { reconnector, calls, failures } = setUp();
    reconnector.start();
    expect(calls.connect).toBe(1);
    for (let i = 0; i < 4; i++) reconnector.connectionClosed(1006, false);
    // Each close replaced the pending retry: one attempt, after the last wait.
    expect(failures.map((f) => f.delayMs)).toEqual([250, 500, 1000, 2000]);
    vi.advanceTimersByTime(1999);
    expect(calls.connect).toBe(1);
    vi.advanceTimersByTime(1);
    expect(calls.connect).toBe(2);

    reconnector.synced();
    reconnector.connectionClosed(1001, true);
    expect(failures.at(-1)).toEqual({ attempt: 1, opened: true, delayMs: 250 });
    vi.advanceTimersByTime(250);
    expect(calls.connect).toBe(3);
  });

  it('never retries after a final close (44xx): access ended or a change was refused', () => {
    const { reconnector, calls, failures } = setUp();
    reconnector.start();
    reconnector.connectionClosed(4403, true);
    reconnector.connectionClosed(4409, true);
    vi.advanceTimersByTime(60_000);
    expect(calls.connect).toBe(1);
    expect(failures).toEqual([]);
    expect([4400, 4403, 4404, 4409, 4499].every(isFinalCloseCode)).toBe(true);
    expect([null, 1000, 1001, 1006, 4500, 4503, 4504].some(isFinalCloseCode)).toBe(false);
  });

  it('makes no attempt while the browser is offline, and one at once when it is back', () => {
    const { reconnector, calls, failures, setOnline, onlineEvents } = setUp({ random: () => 0.999 });
    reconnector.start();
    setOnline(false);
    reconnector.offline();
    expect(calls.closeSocket).toBe(1);
    reconnector.connectionClosed(1006, true);
    vi.advanceTimersByTime(10 * 60_000);
    expect(calls.connect).toBe(1);

    setOnline(true);
    reconnector.online();
    expect(onlineEvents()).toBe(1);
    // Even after many offline waits, the first try comes within the shortest window.
    vi.advanceTimersByTime(499);
    expect(calls.connect).toBe(2);
    // And the schedule starts over: a failure now waits the shortest time again.
    reconnector.connectionClosed(1006, false);
    expect(failures.at(-1)).toMatchObject({ attempt: 1, delayMs: 499 });
  });

  it('leaves a connection that is up or opening alone when the network comes back', () => {
    const { reconnector, calls } = setUp();
    reconnector.start();
    reconnector.online();
    vi.advanceTimersByTime(60_000);
    expect(calls.connect).toBe(1);
  });

  it('does nothing once stopped', () => {
    const { reconnector, calls } = setUp();
    reconnector.start();
    reconnector.connectionClosed(1006, false);
    reconnector.stop();
    vi.advanceTimersByTime(60_000);
    reconnector.online();
    reconnector.start();
    vi.advanceTimersByTime(60_000);
    expect(calls.connect).toBe(1);
  });
});
