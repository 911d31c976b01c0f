/**
 * Dates in reports, in words a family reads without thinking ("12 March 2025"), in the board's
 * time zone (UK by default): a meeting at 23:30 on a summer evening is on that day, not the next.
 */

export const DEFAULT_TIME_ZONE = 'Europe/London';

/** `timeZone` if the runtime knows it, else the default (a bad value never fails a report). */
export function reportTimeZone(timeZone: string | undefined): string {
  if (timeZone === undefined || timeZone === '') return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const cacheKey = `${key}|${timeZone}`;
  let format = formatters.get(cacheKey);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    formatters.set(cacheKey, format);
  }
  return format;
}

const validTime = (ms: number): boolean => Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;

/** @example formatDate(Date.UTC(2025, 2, 12), 'Europe/London') // '12 March 2025' */
export function formatDate(ms: number, timeZone: string): string {
  if (!validTime(ms)) return 'unknown date';
  return formatter(timeZone, { day: 'numeric', month: 'long', year: 'numeric' }, 'date').format(ms);
}

/** @example formatDateTime(Date.UTC(2025, 6, 30, 23, 30), 'Europe/London') // '31 July 2025, 00:30 BST' */
export function formatDateTime(ms: number, timeZone: string): string {
  if (!validTime(ms)) return 'unknown time';
  const parts = formatter(
    timeZone,
    {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    },
    'dateTime',
  ).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} ${part('timeZoneName')}`.trim();
}

/** For a chart's axis. @example formatShortDate(Date.UTC(2025, 8, 3), 'UTC') // '3 Sept 2025' */
export function formatShortDate(ms: number, timeZone: string): string {
  if (!validTime(ms)) return '?';
  return formatter(timeZone, { day: 'numeric', month: 'short', year: 'numeric' }, 'short').format(ms);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date stored as `YYYY-MM-DD` (a meeting's or review's date): no time zone applies.
 * Anything else is shown as it is.
 * @example formatIsoDate('2025-03-12') // '12 March 2025'
 */
export function formatIsoDate(iso: string): string {
  const match = ISO_DATE.exec(iso);
  if (match === null) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    return iso;
  return formatDate(ms, 'UTC');
}
