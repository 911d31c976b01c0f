import type { Brand, ParticipantId, Role } from '../doc/types.js';

/**
 * The facilitator's meeting tools (docs/PROTOCOL.md "Meeting tools"): an agenda with a timer for
 * the current item, a parking lot for things to come back to, and which screen the wall shows.
 * They live in the board document beside the map, but are not part of `BoardState`: versions,
 * exports, diffs and content hashes are about the map and the plan, not about how one meeting ran.
 */

export type AgendaItemId = Brand<string, 'AgendaItemId'>;
export type ParkingItemId = Brand<string, 'ParkingItemId'>;

/** Upper bounds of the meeting records (value rules, [AC19]). */
export const MEETING_TOOL_LIMITS = Object.freeze({
  /** Agenda item title, in UTF-16 code units. */
  agendaTitle: 200,
  /** Planned minutes of one agenda item: a whole number 1–600. */
  agendaMinutes: 600,
  agendaItems: 60,
  /** A parking-lot item: a sentence or two in the person's own words. */
  parkingText: 2_000,
  parkingItems: 200,
  /** Time already spent on the current item: at most a day, in milliseconds. */
  elapsedMs: 86_400_000,
});

/** What the wall shows: the map (with the agenda's current item and timer) or the end-of-meeting summary. */
export const WALL_SCREENS = ['map', 'summary'] as const;
export type WallScreen = (typeof WALL_SCREENS)[number];

export interface AgendaItemState {
  readonly id: AgendaItemId;
  readonly title: string;
  /** Planned minutes, 1–600. */
  readonly minutes: number;
  readonly order: number;
  readonly done: boolean;
}

export interface ParkingItemState {
  readonly id: ParkingItemId;
  /** In the words of the person who added it. */
  readonly text: string;
  readonly authorId: ParticipantId;
  readonly authorRole: Role;
  readonly createdAt: number;
  /** Dealt with: answered in the meeting, or made into a card. */
  readonly resolved: boolean;
}

/**
 * The agenda's running state. The timer stores a duration and one start time, both on the
 * server's clock as the writer estimated it (never a client's raw `Date.now()`): every screen
 * computes the remaining time from them with its own estimate of the server's clock
 * (`timerReading`), so reloads and late joiners agree within a second.
 */
export interface FacilitationState {
  readonly currentItemId: AgendaItemId | null;
  /** Server-clock ms when the timer last started; null while paused. */
  readonly runningSince: number | null;
  /** Time spent on the current item before `runningSince` (ms). */
  readonly elapsedMs: number;
  readonly wall: WallScreen;
}

export interface MeetingToolsState {
  /** In agenda order. */
  readonly agenda: readonly AgendaItemState[];
  /** Oldest first. */
  readonly parkingLot: readonly ParkingItemState[];
  readonly facilitation: FacilitationState;
}
