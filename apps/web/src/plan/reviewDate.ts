/** What a date field's value means for the plan's review date. */
export type ReviewDateInput =
  | { readonly ok: true; readonly reviewDate: string | null }
  | { readonly ok: false };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads the value of an `<input type="date">`: empty clears the date; a real calendar date
 * with a four-digit year is kept as `YYYY-MM-DD`; anything else (a half-typed date, a
 * six-digit year, 31 February) is refused so it never reaches the board.
 * @example parseReviewDate('2026-03-14') // { ok: true, reviewDate: '2026-03-14' }
 */
export function parseReviewDate(value: string): ReviewDateInput {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: true, reviewDate: null };
  const match = ISO_DATE.exec(trimmed);
  if (!match) return { ok: false };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    year >= 1000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return real ? { ok: true, reviewDate: trimmed } : { ok: false };
}

/** Today as `YYYY-MM-DD` in the person's own time zone (a review is due on their calendar day). */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** True when the review date is before today; ISO dates compare correctly as strings. */
export function isReviewOverdue(reviewDate: string | null, today: string): boolean {
  return reviewDate !== null && reviewDate < today;
}

/**
 * A review date in words for reading (the wall screen, a phone), in the reader's language.
 * @example formatReviewDate('2026-03-14', 'en-GB') // '14 March 2026'
 */
export function formatReviewDate(reviewDate: string, locale?: string): string {
  const parsed = parseReviewDate(reviewDate);
  if (!parsed.ok || parsed.reviewDate === null) return reviewDate;
  const [year, month, day] = parsed.reviewDate.split('-').map(Number);
  // Midday UTC, shown in UTC: the calendar day is the same for every reader.
  const at = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, 12));
  return at.toLocaleDateString(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}
