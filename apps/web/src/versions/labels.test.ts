import type { MeetingRecord, VersionMeta } from '@kinmap/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOnDemandWords } from '../lib/messages';
import { formatMeetingDate, localIsoDate, versionDate, versionWhat } from './labels';

// This view loads on demand with its words (lib/onDemandWords.ts).
beforeAll(() => loadOnDemandWords());

const version: VersionMeta = {
  id: 'v1',
  boardId: 'b1',
  number: 2,
  kind: 'manual',
  label: 'Before the plan changed',
  createdAt: Date.UTC(2025, 2, 14, 10),
  createdBy: { memberId: 'f1', displayName: 'Sam' },
  meetingId: null,
  contentHash: 'ab',
};

const meeting: MeetingRecord = {
  id: 'm1',
  boardId: 'b1',
  type: 'core-group',
  date: '2025-03-12',
  startedAt: 0,
  startedBy: 'f1',
  attendance: { participantIds: [], othersPresent: [], apologies: [] },
  decision: '',
  closedAt: 1,
  closedBy: 'f1',
  versionId: 'v2',
};

describe('dates', () => {
  it('gives today as the facilitator’s calendar date', () => {
    expect(localIsoDate(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });

  it('shows a meeting’s date as the same calendar day in words, and anything else as it is', () => {
    expect(formatMeetingDate('2025-03-12', 'en-GB')).toBe('12 March 2025');
    expect(formatMeetingDate('12/03/2025', 'en-GB')).toBe('12/03/2025');
  });
});

describe('what a version is', () => {
  it('names a meeting’s version by the meeting, and a hand-saved one by its label', () => {
    const meetings = new Map([['m1', meeting]]);
    const ofMeeting = { ...version, kind: 'meeting' as const, label: '', meetingId: 'm1' };
    expect(versionWhat(ofMeeting, meetings, 'en-GB')).toBe('Core group meeting, 12 March 2025');
    expect(versionDate(ofMeeting, meetings, 'en-GB')).toBe('12 March 2025');
    expect(versionWhat(version, meetings, 'en-GB')).toBe('Before the plan changed');
    expect(versionWhat({ ...version, label: '' }, meetings, 'en-GB')).toBe('Saved by hand');
  });
});
