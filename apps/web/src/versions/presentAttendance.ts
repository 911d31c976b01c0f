import { type Attendance, type BoardState, may } from '@kinmap/model';

/**
 * The board's people who are on the board now and can take part (the wall screen and other
 * viewers are not attendees), in the order the attendance list shows them.
 * @example presentParticipants(board, ['mum', 'wall']) // ['mum']
 */
export function presentParticipants(board: BoardState, presentIds: readonly string[]): string[] {
  const present = new Set(presentIds);
  return Object.values(board.participants)
    .filter((p) => present.has(p.id) && may(p.role, 'AC1'))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || (a.id < b.id ? -1 : 1))
    .map((p) => p.id);
}

/** Nobody recorded yet: no ticks, nobody else in the room, no apologies. */
export function attendanceIsEmpty(attendance: Attendance): boolean {
  return (
    attendance.participantIds.length === 0 &&
    attendance.othersPresent.length === 0 &&
    attendance.apologies.length === 0
  );
}

/** The attendance with everyone present now ticked as well (nobody already ticked is unticked). */
export function withPresentTicked(attendance: Attendance, present: readonly string[]): Attendance {
  const ids = [...attendance.participantIds];
  for (const id of present) if (!ids.includes(id)) ids.push(id);
  return { ...attendance, participantIds: ids };
}
