import type { MeetingType } from './versionTypes.js';

/**
 * The review timetable of a child protection plan (issue 15; statutory guidance in England: the
 * first review conference within three months of the initial conference, then at most six months
 * apart). Computed from the conferences held, never stored.
 */

/** Months allowed after each kind of conference before the next review must be held. */
export const REVIEW_WITHIN_MONTHS = Object.freeze({
  'initial-conference': 3,
  'review-conference': 6,
} as const);

export interface ReviewTimetable {
  /** The conference the next review counts from. */
  readonly after: { readonly type: keyof typeof REVIEW_WITHIN_MONTHS; readonly date: string };
  /** ISO date `YYYY-MM-DD`: the next review conference must be held on or before it. */
  readonly dueBy: string;
  /** Whether `today` is past `dueBy`. */
  readonly overdue: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `date` plus `months` calendar months, kept in the month it lands in: 30 November + 3 months is
 * the last day of February. Null for anything that is not an ISO date.
 * @example addMonths('2026-11-30', 3) // '2027-02-28'
 */
export function addMonths(date: string, months: number): string | null {
  const match = ISO_DATE.exec(date);
  if (!match || !Number.isInteger(months)) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const landed = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, lastDay)));
  return landed.toISOString().slice(0, 10);
}

const counts = (type: MeetingType): type is keyof typeof REVIEW_WITHIN_MONTHS =>
  type === 'initial-conference' || type === 'review-conference';

/**
 * When the next review conference is due, from the conferences held (closed meetings): counted
 * from the latest, three months after an initial conference, six after a review. Null when no
 * conference has been held (the child is not on a plan this board knows of).
 * @example reviewTimetable([{ type: 'initial-conference', date: '2026-01-10', closed: true }], '2026-05-01')
 * // { after: { type: 'initial-conference', date: '2026-01-10' }, dueBy: '2026-04-10', overdue: true }
 */
export function reviewTimetable(
  meetings: readonly { readonly type: MeetingType; readonly date: string; readonly closed: boolean }[],
  today: string,
): ReviewTimetable | null {
  let latest: { type: keyof typeof REVIEW_WITHIN_MONTHS; date: string } | null = null;
  for (const meeting of meetings) {
    if (!meeting.closed || !counts(meeting.type) || !ISO_DATE.test(meeting.date)) continue;
    // The later date counts; on the same day, a review after the initial conference.
    if (
      latest === null ||
      meeting.date > latest.date ||
      (meeting.date === latest.date && meeting.type === 'review-conference')
    ) {
      latest = { type: meeting.type, date: meeting.date };
    }
  }
  if (latest === null) return null;
  const dueBy = addMonths(latest.date, REVIEW_WITHIN_MONTHS[latest.type]);
  if (dueBy === null) return null;
  return { after: latest, dueBy, overdue: today > dueBy };
}
