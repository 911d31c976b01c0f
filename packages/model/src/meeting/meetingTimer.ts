import { type AgendaItemState, type FacilitationState, MEETING_TOOL_LIMITS } from './meetingTypes.js';

/** What a screen shows for the agenda's current item at one moment. */
export interface TimerReading {
  readonly item: AgendaItemState | null;
  readonly running: boolean;
  /** Time spent on the item so far (ms, ≥ 0). */
  readonly elapsedMs: number;
  /** Planned time left (ms); negative once the item runs over. */
  readonly remainingMs: number;
}

/**
 * Time spent on the current item at `serverNow` (the reader's estimate of the server's clock).
 * A start time ahead of the reader's clock (a writer whose estimate ran fast) counts as zero, never
 * as negative time, and a run is capped at a day, so a wrong stamp cannot show nonsense.
 */
export function elapsedAt(facilitation: FacilitationState, serverNow: number): number {
  const { runningSince, elapsedMs } = facilitation;
  const run = runningSince === null ? 0 : Math.max(0, serverNow - runningSince);
  return Math.min(MEETING_TOOL_LIMITS.elapsedMs, elapsedMs + run);
}

/**
 * The current item, and its elapsed and remaining time at `serverNow`.
 * @example timerReading(tools.facilitation, tools.agenda, clock.now()).remainingMs // 412000
 */
export function timerReading(
  facilitation: FacilitationState,
  agenda: readonly AgendaItemState[],
  serverNow: number,
): TimerReading {
  const item = agenda.find((candidate) => candidate.id === facilitation.currentItemId) ?? null;
  if (item === null) return { item: null, running: false, elapsedMs: 0, remainingMs: 0 };
  const elapsedMs = elapsedAt(facilitation, serverNow);
  return {
    item,
    running: facilitation.runningSince !== null,
    elapsedMs,
    remainingMs: item.minutes * 60_000 - elapsedMs,
  };
}

/**
 * A duration as the wall shows it: `m:ss`, or `h:mm:ss` past an hour; whole seconds, rounded up
 * while time remains (so `0:00` means time is up), down once over.
 * @example formatDuration(61_500) // '1:02'
 */
export function formatDuration(ms: number): string {
  const total = ms >= 0 ? Math.ceil(ms / 1000) : Math.floor(-ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
