import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatIsoDate, formatShortDate, reportTimeZone } from './dates.js';

describe('report dates', () => {
  it('writes a date in words, on the day it was in the board’s time zone', () => {
    // 23:30 UTC on 30 July is 00:30 on 31 July in London (summer time).
    expect(formatDate(Date.UTC(2025, 6, 30, 23, 30), 'Europe/London')).toBe('31 July 2025');
    expect(formatDate(Date.UTC(2025, 6, 30, 23, 30), 'UTC')).toBe('30 July 2025');
  });

  it('writes a moment with a 24-hour time and the zone’s abbreviation', () => {
    expect(formatDateTime(Date.UTC(2025, 6, 30, 23, 30), 'Europe/London')).toBe('31 July 2025, 00:30 BST');
    expect(formatDateTime(Date.UTC(2025, 0, 5, 9, 5), 'Europe/London')).toBe('5 January 2025, 09:05 GMT');
  });

  it('writes short dates for a chart axis', () => {
    expect(formatShortDate(Date.UTC(2025, 2, 12), 'UTC')).toMatch(/^12 Mar 2025$/);
  });

  it('shows a stored calendar date without shifting it, and anything malformed as it is', () => {
    expect(formatIsoDate('2025-03-12')).toBe('12 March 2025');
    expect(formatIsoDate('2025-02-30')).toBe('2025-02-30');
    expect(formatIsoDate('next week')).toBe('next week');
  });

  it('falls back to UK time for an unknown time zone and never throws on a bad timestamp', () => {
    expect(reportTimeZone('Mars/Olympus')).toBe('Europe/London');
    expect(reportTimeZone(undefined)).toBe('Europe/London');
    expect(reportTimeZone('Asia/Karachi')).toBe('Asia/Karachi');
    expect(formatDate(Number.NaN, 'UTC')).toBe('unknown date');
    expect(formatDateTime(Number.POSITIVE_INFINITY, 'UTC')).toBe('unknown time');
  });
});
