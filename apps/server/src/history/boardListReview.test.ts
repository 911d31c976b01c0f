import { describe, expect, it } from 'vitest';
import { historyFixtures } from './history.fixture.js';

/**
 * The board list says when each board's next review conference is due (issue 15): three months
 * after the initial conference, six after a review, flagged when overdue; open meetings and other
 * meetings do not count.
 */

const setup = historyFixtures();

describe('the next review on the board list', () => {
  it('counts from the conferences held and flags an overdue review', async () => {
    const f = await setup();
    const review = async () => {
      const list = (await (await f.call('GET', '/api/boards', { cookie: f.facilitator.cookie })).json()) as {
        boards: { id: string; nextReview: unknown }[];
      };
      return list.boards.find((board) => board.id === f.boardId)?.nextReview;
    };
    const hold = async (type: string, date: string) => {
      const started = await f.call('POST', `/api/boards/${f.boardId}/meetings`, {
        cookie: f.facilitator.cookie,
        body: { type, date },
      });
      const { meeting } = (await started.json()) as { meeting: { id: string } };
      return meeting.id;
    };
    const close = async (meetingId: string) => {
      const closed = await f.call('POST', `/api/boards/${f.boardId}/meetings/${meetingId}/close`, {
        cookie: f.facilitator.cookie,
        body: {},
      });
      expect(closed.status).toBe(200);
    };
    expect(await review()).toBeNull();
    // A meeting that is not a conference, and a conference still open, set no timetable.
    await close(await hold('core-group', '2026-10-01'));
    const open = await hold('initial-conference', '2026-10-20');
    expect(await review()).toBeNull();
    await close(open);
    // The clock reads 15 January 2027: three months from 20 October 2026 have passed.
    f.clock.now = Date.UTC(2027, 0, 15);
    expect(await review()).toEqual({
      after: { type: 'initial-conference', date: '2026-10-20' },
      dueBy: '2027-01-20',
      overdue: false,
    });
    f.clock.now = Date.UTC(2027, 0, 21);
    expect(await review()).toMatchObject({ dueBy: '2027-01-20', overdue: true });
    await close(await hold('review-conference', '2027-01-21'));
    expect(await review()).toEqual({
      after: { type: 'review-conference', date: '2027-01-21' },
      dueBy: '2027-07-21',
      overdue: false,
    });
  });
});
