import { describe, expect, it } from 'vitest';
import {
  MEETING_LIMITS,
  meetingRecordSchema,
  meetingStartSchema,
  meetingUpdateSchema,
  versionLabelSchema,
  versionMetaSchema,
} from './meetings.js';
import { MEETING_TYPES } from './versionTypes.js';

const ok = (schema: { safeParse(x: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe('meetingStartSchema', () => {
  it('accepts every meeting type with an ISO date', () => {
    for (const type of MEETING_TYPES) expect(ok(meetingStartSchema, { type, date: '2025-03-12' })).toBe(true);
  });

  it('refuses an unknown type, a date in another form, an impossible date and extra fields', () => {
    expect(ok(meetingStartSchema, { type: 'party', date: '2025-03-12' })).toBe(false);
    expect(ok(meetingStartSchema, { type: 'core-group', date: '12/03/2025' })).toBe(false);
    expect(ok(meetingStartSchema, { type: 'core-group', date: '2025-02-30' })).toBe(false);
    expect(ok(meetingStartSchema, { type: 'core-group', date: '2025-03-12', closedAt: 1 })).toBe(false);
  });
});

describe('meetingUpdateSchema', () => {
  const attendance = (overrides: object = {}) => ({
    participantIds: ['mum', 'sam'],
    othersPresent: [{ name: 'Taid', role: 'Grandfather' }],
    apologies: ['School nurse'],
    ...overrides,
  });

  it('accepts any one part of a meeting', () => {
    expect(ok(meetingUpdateSchema, { decision: 'Child protection plan' })).toBe(true);
    expect(ok(meetingUpdateSchema, { attendance: attendance() })).toBe(true);
    expect(ok(meetingUpdateSchema, { type: 'review-conference', date: '2025-06-01' })).toBe(true);
  });

  it('refuses an empty update and unknown fields', () => {
    expect(ok(meetingUpdateSchema, {})).toBe(false);
    expect(ok(meetingUpdateSchema, { decision: 'x', versionId: 'v1' })).toBe(false);
  });

  it('holds attendance and the decision to their limits', () => {
    const names = (count: number) => Array.from({ length: count }, (_, i) => `Person ${i}`);
    const long = 'x'.repeat(MEETING_LIMITS.name + 1);
    expect(ok(meetingUpdateSchema, { attendance: attendance({ apologies: names(200) }) })).toBe(true);
    expect(ok(meetingUpdateSchema, { attendance: attendance({ apologies: names(201) }) })).toBe(false);
    expect(ok(meetingUpdateSchema, { attendance: attendance({ apologies: [long] }) })).toBe(false);
    expect(
      ok(meetingUpdateSchema, { attendance: attendance({ othersPresent: [{ name: long, role: '' }] }) }),
    ).toBe(false);
    expect(ok(meetingUpdateSchema, { attendance: attendance({ participantIds: ['not an id!'] }) })).toBe(
      false,
    );
    expect(ok(meetingUpdateSchema, { decision: 'x'.repeat(20_000) })).toBe(true);
    expect(ok(meetingUpdateSchema, { decision: 'x'.repeat(20_001) })).toBe(false);
    expect(ok(meetingUpdateSchema, { decision: 'half \ud83d a character' })).toBe(false);
  });
});

describe('versionLabelSchema', () => {
  it('takes a label of up to 200 characters', () => {
    expect(ok(versionLabelSchema, 'Before the review conference')).toBe(true);
    expect(ok(versionLabelSchema, 'x'.repeat(200))).toBe(true);
    expect(ok(versionLabelSchema, 'x'.repeat(201))).toBe(false);
    expect(ok(versionLabelSchema, 42)).toBe(false);
  });
});

describe('stored shapes', () => {
  it('describe a closed meeting and its version', () => {
    expect(
      ok(meetingRecordSchema, {
        id: 'm1',
        boardId: 'b1',
        type: 'core-group',
        date: '2025-03-12',
        startedAt: 1,
        startedBy: 'fac1',
        attendance: { participantIds: [], othersPresent: [], apologies: [] },
        decision: '',
        closedAt: 2,
        closedBy: 'fac1',
        versionId: 'v1',
      }),
    ).toBe(true);
    const meta = {
      id: 'v1',
      boardId: 'b1',
      number: 1,
      kind: 'manual',
      label: 'Before court',
      createdAt: 2,
      createdBy: { memberId: 'fac1', displayName: 'Sam' },
      meetingId: null,
      contentHash: 'f'.repeat(64),
    };
    expect(ok(versionMetaSchema, meta)).toBe(true);
    expect(ok(versionMetaSchema, { ...meta, contentHash: 'F'.repeat(64) })).toBe(false);
    expect(ok(versionMetaSchema, { ...meta, number: 0 })).toBe(false);
  });
});
