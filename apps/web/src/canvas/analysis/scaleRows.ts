import {
  type BoardState,
  may,
  OVERALL_SCALE_ID,
  ownValue,
  type Role,
  type ScaleId,
  type ScaleRating,
  type ScaleState,
} from '@kinmap/model';
import { pairNumbers } from '../pairs';

/**
 * What the Scaling view shows, as plain data: which scales there are, whose markers go on each
 * line and where. In private mode the only value this browser knows is its own (fetched from the
 * server), so the only marker it can draw is its own.
 */

/** One scale as listed: the overall scale, or a pair with its two texts side by side. */
export interface ScaleRow {
  readonly scaleId: ScaleId;
  readonly scale: ScaleState;
  /** null for the overall scale. */
  readonly pair: {
    readonly number: number;
    readonly dangerStatement: string;
    readonly safetyGoal: string;
  } | null;
}

export interface ScaleMarker {
  readonly participantId: string;
  readonly name: string;
  readonly role: Role;
  readonly value: number;
  readonly reason: string;
  readonly mine: boolean;
  /** On a score staff recorded for someone without a device (issue 14): the recorder's name. */
  readonly recordedBy: string | null;
  /** 0 for the first marker at a value, 1 for the next, …: stacked so none hides another. */
  readonly stack: number;
}

/** The overall scale first, then one row per intact pair, in pair-number order. */
export function scaleRows(board: BoardState): ScaleRow[] {
  const rows: ScaleRow[] = [];
  const overall = ownValue(board.scales, OVERALL_SCALE_ID);
  if (overall) rows.push({ scaleId: OVERALL_SCALE_ID, scale: overall, pair: null });
  const numbers = [...pairNumbers(board)].sort((a, b) => a[1] - b[1]);
  for (const [pairId, number] of numbers) {
    const pair = ownValue(board.pairs, pairId);
    const scale = ownValue(board.scales, pairId);
    if (!pair || !scale) continue;
    rows.push({
      scaleId: pairId as string as ScaleId,
      scale,
      pair: {
        number,
        dangerStatement: ownValue(board.cards, pair.dangerStatementId)?.text ?? '',
        safetyGoal: ownValue(board.cards, pair.safetyGoalId)?.text ?? '',
      },
    });
  }
  return rows;
}

/**
 * The markers to draw. Revealed: everyone's rating from the document. Private: only `ownPrivate`
 * (this person's score as the server holds it), since nobody else's value is known here.
 */
export function markersFor(
  scale: ScaleState,
  board: BoardState,
  myId: string,
  ownPrivate: ScaleRating | null,
  fallbackName: string,
): ScaleMarker[] {
  const entries: Array<[string, ScaleRating]> =
    scale.mode === 'private'
      ? ownPrivate
        ? [[myId, ownPrivate]]
        : []
      : Object.entries(scale.ratings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const seen = new Map<number, number>();
  return entries.map(([participantId, rating]) => {
    const person = ownValue(board.participants, participantId);
    // A score recorded for a person of the case (a child) is under the person's id.
    const other = person === undefined ? ownValue(board.people, participantId) : undefined;
    const stack = seen.get(rating.value) ?? 0;
    seen.set(rating.value, stack + 1);
    const recorder = rating.recordedBy === undefined ? null : ownValue(board.participants, rating.recordedBy);
    return {
      participantId,
      name: person?.displayName || other?.name || fallbackName,
      role: person?.role ?? 'family',
      recordedBy: rating.recordedBy === undefined ? null : recorder?.displayName || fallbackName,
      value: rating.value,
      reason: rating.reason,
      mine: participantId === myId,
      stack,
    };
  });
}

/** "N of M have scored": M counts the people on the board who can score (not viewers). */
export function scoredCount(scale: ScaleState, board: BoardState): { scored: number; total: number } {
  const people = Object.values(board.participants).filter((person) => may(person.role, 'AC8'));
  const ids = new Set(people.map((person) => person.id as string));
  for (const id of scale.scored) ids.add(id);
  return { scored: scale.scored.length, total: ids.size };
}

/** The drawing of a 0–10 line in its SVG's own units. */
export const LINE = Object.freeze({ width: 640, left: 40, right: 600, y: 40, height: 100 });

export function xOfValue(value: number): number {
  return LINE.left + ((LINE.right - LINE.left) * value) / 10;
}

/** The whole number 0–10 nearest to an x in SVG units (clicks beyond the ends snap to them). */
export function valueAtX(x: number): number {
  const value = Math.round(((x - LINE.left) / (LINE.right - LINE.left)) * 10);
  return Math.min(10, Math.max(0, value));
}

/** Keyboard on the line, as on a slider; null for keys it does not handle. */
export function valueForKey(key: string, current: number | null): number | null {
  const from = current ?? 5;
  if (key === 'ArrowRight' || key === 'ArrowUp') return Math.min(10, from + 1);
  if (key === 'ArrowLeft' || key === 'ArrowDown') return Math.max(0, from - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return 10;
  if (/^[0-9]$/.test(key)) return Number(key);
  return null;
}
