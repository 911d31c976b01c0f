import { describe, expect, it } from 'vitest';
import { formatReviewDate, isReviewOverdue, localToday, parseReviewDate } from './reviewDate';

describe('parseReviewDate', () => {
  it('keeps a real calendar date', () => {
    expect(parseReviewDate('2026-03-14')).toEqual({ ok: true, reviewDate: '2026-03-14' });
    expect(parseReviewDate('2028-02-29')).toEqual({ ok: true, reviewDate: '2028-02-29' });
  });

  it('reads an empty field as clearing the date', () => {
    expect(parseReviewDate('')).toEqual({ ok: true, reviewDate: null });
    expect(parseReviewDate('  ')).toEqual({ ok: true, reviewDate: null });
  });

  it('refuses dates that do not exist or are not whole', () => {
    for (const value of [
      '2026-02-30',
      '2027-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-3-1',
      '275760-01-01',
      '0999-01-01',
      'soon',
    ]) {
      expect(parseReviewDate(value), value).toEqual({ ok: false });
    }
  });
});

describe('review due', () => {
  it('says the review is overdue only after its day', () => {
    expect(isReviewOverdue('2026-03-13', '2026-03-14')).toBe(true);
    expect(isReviewOverdue('2026-03-14', '2026-03-14')).toBe(false);
    expect(isReviewOverdue('2026-04-01', '2026-03-14')).toBe(false);
    expect(isReviewOverdue(null, '2026-03-14')).toBe(false);
  });

  it('writes today in the local calendar with padded month and day', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('formatReviewDate', () => {
  it('writes the date in words, on the same calendar day', () => {
    expect(formatReviewDate('2026-03-14', 'en-GB')).toBe('14 March 2026');
    expect(formatReviewDate('2026-01-01', 'en-US')).toBe('January 1, 2026');
  });

  it('leaves something that is not a date as it is', () => {
    expect(formatReviewDate('soon', 'en-GB')).toBe('soon');
  });
});
