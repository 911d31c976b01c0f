import { describe, expect, it } from 'vitest';
import { addMonths, reviewTimetable } from './reviewTimetable.js';

const held = (
  type: 'initial-conference' | 'review-conference' | 'core-group',
  date: string,
  closed = true,
) => ({
  type,
  date,
  closed,
});

describe('addMonths', () => {
  it('adds calendar months, keeping to the end of a shorter month', () => {
    expect(addMonths('2026-01-10', 3)).toBe('2026-04-10');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 6)).toBe('2027-06-15');
    expect(addMonths('12/03/2026', 3)).toBeNull();
  });

  it('lands in the month n months on, never before the date, on the same day when that month has it (every day of 2027–2028)', () => {
    for (let time = Date.UTC(2027, 0, 1); time < Date.UTC(2029, 0, 1); time += 86_400_000) {
      const iso = new Date(time).toISOString().slice(0, 10);
      for (const months of [0, 1, 3, 6, 12, 25]) {
        const out = addMonths(iso, months) as string;
        expect(out >= iso).toBe(true);
        const monthsApart =
          (Number(out.slice(0, 4)) - Number(iso.slice(0, 4))) * 12 +
          Number(out.slice(5, 7)) -
          Number(iso.slice(5, 7));
        expect(monthsApart).toBe(months);
        if (out.slice(8) !== iso.slice(8)) expect(Number(out.slice(8))).toBeLessThan(Number(iso.slice(8)));
      }
    }
  });
});

describe('reviewTimetable', () => {
  it('is due three months after an initial conference, six after a review, counted from the latest held', () => {
    expect(reviewTimetable([held('initial-conference', '2026-01-10')], '2026-04-10')).toEqual({
      after: { type: 'initial-conference', date: '2026-01-10' },
      dueBy: '2026-04-10',
      overdue: false,
    });
    expect(reviewTimetable([held('initial-conference', '2026-01-10')], '2026-04-11')?.overdue).toBe(true);
    const reviewed = [held('review-conference', '2026-04-02'), held('initial-conference', '2026-01-10')];
    expect(reviewTimetable(reviewed, '2026-05-01')).toEqual({
      after: { type: 'review-conference', date: '2026-04-02' },
      dueBy: '2026-10-02',
      overdue: false,
    });
  });

  it('ignores open meetings and other kinds of meeting; none held is no timetable', () => {
    expect(reviewTimetable([], '2026-01-01')).toBeNull();
    expect(reviewTimetable([held('core-group', '2026-02-01')], '2026-03-01')).toBeNull();
    expect(reviewTimetable([held('initial-conference', '2026-02-01', false)], '2026-03-01')).toBeNull();
    const withOthers = [held('initial-conference', '2026-01-10'), held('core-group', '2026-03-01')];
    expect(reviewTimetable(withOthers, '2026-03-02')?.dueBy).toBe('2026-04-10');
  });

  it('a new initial conference after reviews starts the three months again', () => {
    const again = [
      held('initial-conference', '2025-01-10'),
      held('review-conference', '2025-04-01'),
      held('initial-conference', '2026-02-20'),
    ];
    expect(reviewTimetable(again, '2026-03-01')?.dueBy).toBe('2026-05-20');
  });
});
