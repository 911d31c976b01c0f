import { addNetworkMember, addRule, setPlan } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { BoardFixture } from './boardFixture';
import { formatReviewDate, planSummary } from './planSummary';

describe('planSummary', () => {
  it('lists the network in order and names the people who make sure each rule happens', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'facilitator');
    const nan = addNetworkMember(board.doc, sam, { name: 'Nan', relationship: 'Grandmother' });
    const jo = addNetworkMember(board.doc, sam, { name: 'Uncle Jo' });
    if (!nan.ok || !jo.ok) throw new Error('members not added');
    addRule(board.doc, sam, {
      text: 'Dad does not drink when Mia is home',
      responsibleMemberIds: [jo.value.memberId, nan.value.memberId],
      redFlags: 'Cans in the bin',
    });
    setPlan(board.doc, sam, { bottomLines: 'No drinking at home', reviewDate: '2026-03-14' });
    const summary = planSummary(board.state());
    expect(summary.network.map((m) => m.name)).toEqual(['Nan', 'Uncle Jo']);
    expect(summary.rules).toEqual([
      expect.objectContaining({
        text: 'Dad does not drink when Mia is home',
        responsible: ['Nan', 'Uncle Jo'],
        redFlags: 'Cans in the bin',
      }),
    ]);
    expect(summary.plan).toMatchObject({ bottomLines: 'No drinking at home', reviewDate: '2026-03-14' });
  });
});

describe('formatReviewDate', () => {
  it('writes the calendar day in words without shifting it by a time zone', () => {
    expect(formatReviewDate('2026-03-14', 'en-GB')).toBe('14 March 2026');
  });

  it('returns anything that is not a date unchanged', () => {
    expect(formatReviewDate('soon', 'en-GB')).toBe('soon');
  });
});
