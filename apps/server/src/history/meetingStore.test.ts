import { randomBytes } from 'node:crypto';
import type { VersionMeta } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { createDataCipher } from '../storage/dataCipher.js';
import { createMeetings, type Meetings } from './meetingStore.js';
import { createVersions, type Versions } from './versionStore.js';

const attendance = {
  participantIds: ['member-2'],
  othersPresent: [{ name: 'Nain Gwen', role: 'Grandmother' }],
  apologies: ['Dr Łukasz'],
};

function setup(cipher = false) {
  const db = openDatabase(':memory:');
  let clock = 5_000;
  const now = () => clock++;
  const options = { cipher: cipher ? createDataCipher(randomBytes(32)) : null, now };
  const meetings = createMeetings(db, options);
  const versions = createVersions(db, options);
  return { db, meetings, versions };
}

function saveWith(versions: Versions, boardId: string) {
  return (meeting: { id: string }): VersionMeta =>
    versions.save({
      boardId,
      kind: 'meeting',
      label: '',
      createdBy: { memberId: 'member-1', displayName: 'Sam' },
      meetingId: meeting.id,
      contentHash: 'f'.repeat(64),
      shared: new Uint8Array([1, 2, 3]),
      restricted: null,
    });
}

const started = (meetings: Meetings, boardId = 'board-a') => {
  const result = meetings.start({
    boardId,
    type: 'review-conference',
    date: '2025-03-12',
    startedBy: 'member-1',
  });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('createMeetings', () => {
  it('[VE4] starts one meeting at a time per board, with empty attendance and decision', () => {
    const { meetings } = setup();
    const meeting = started(meetings);
    expect(meeting).toMatchObject({
      boardId: 'board-a',
      type: 'review-conference',
      date: '2025-03-12',
      startedBy: 'member-1',
      attendance: { participantIds: [], othersPresent: [], apologies: [] },
      decision: '',
      closedAt: null,
      versionId: null,
    });
    const second = meetings.start({
      boardId: 'board-a',
      type: 'core-group',
      date: '2025-03-13',
      startedBy: 'm',
    });
    expect(second).toEqual({ ok: false, reason: 'meeting-open' });
    expect(started(meetings, 'board-b').boardId).toBe('board-b');
    expect(meetings.list('board-a')).toEqual([meeting]);
  });

  it('[VE4] changes an open meeting part by part', () => {
    const { meetings } = setup();
    const meeting = started(meetings);
    const updated = meetings.update('board-a', meeting.id, { attendance, decision: 'Plan continues' });
    expect(updated.ok && updated.value).toMatchObject({
      attendance,
      decision: 'Plan continues',
      type: 'review-conference',
    });
    const retyped = meetings.update('board-a', meeting.id, { type: 'core-group' });
    expect(retyped.ok && retyped.value).toMatchObject({
      type: 'core-group',
      attendance,
      decision: 'Plan continues',
    });
    expect(meetings.update('board-b', meeting.id, { decision: 'x' })).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('[VE5] closing saves the version in the same transaction; a second close is refused and saves nothing', () => {
    const { meetings, versions } = setup();
    const meeting = started(meetings);
    const closed = meetings.close('board-a', meeting.id, 'member-1', saveWith(versions, 'board-a'));
    if (!closed.ok) throw new Error(closed.reason);
    expect(closed.value.meeting).toMatchObject({
      closedBy: 'member-1',
      closedAt: closed.value.version.createdAt,
      versionId: closed.value.version.id,
    });
    let calledAgain = false;
    const again = meetings.close('board-a', meeting.id, 'member-1', () => {
      calledAgain = true;
      throw new Error('must not be called');
    });
    expect(again).toEqual({ ok: false, reason: 'closed' });
    expect(calledAgain).toBe(false);
    expect(versions.list('board-a')).toEqual([closed.value.version]);
    expect(meetings.update('board-a', meeting.id, { decision: 'late edit' })).toEqual({
      ok: false,
      reason: 'closed',
    });
    // Once closed, another meeting may start.
    expect(started(meetings).id).not.toBe(meeting.id);
  });

  it('[VE5] a version that cannot be saved leaves the meeting open', () => {
    const { meetings, versions } = setup();
    const meeting = started(meetings);
    expect(() =>
      meetings.close('board-a', meeting.id, 'member-1', () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(meetings.get('board-a', meeting.id)?.closedAt).toBeNull();
    expect(versions.list('board-a')).toEqual([]);
  });

  it('[VE5] a closed meeting’s row refuses UPDATE and DELETE; an open one may still be edited', () => {
    const { db, meetings, versions } = setup();
    const meeting = started(meetings);
    meetings.close('board-a', meeting.id, 'member-1', saveWith(versions, 'board-a'));
    const before = db.prepare('SELECT * FROM meetings').all();
    for (const sql of [
      "UPDATE meetings SET date = '2020-01-01'",
      'UPDATE meetings SET closed_at = NULL',
      'DELETE FROM meetings',
    ]) {
      expect(() => db.exec(sql), sql).toThrow(/a closed meeting is immutable/);
    }
    expect(db.prepare('SELECT * FROM meetings').all()).toEqual(before);
  });

  it('[VE2] with a data key, attendance and decision are sealed; meetings from before the key are sealed at the next start', () => {
    const db = openDatabase(':memory:');
    const early = createMeetings(db);
    const first = started(early);
    early.update('board-a', first.id, { attendance, decision: 'Tad yn aros — 4711' });
    const meetings = createMeetings(db, { cipher: createDataCipher(randomBytes(32)) });
    const second = started(meetings, 'board-b');
    meetings.update('board-b', second.id, { attendance, decision: 'Żółć zostaje — 0815' });
    const raw = db.prepare('SELECT record, format FROM meetings').all() as {
      record: Buffer;
      format: number;
    }[];
    expect(raw.map((row) => row.format)).toEqual([1, 1]);
    const bytes = Buffer.concat(raw.map((row) => row.record)).toString('utf8');
    for (const secret of ['Tad yn aros', 'Żółć', 'Nain Gwen', 'Łukasz']) expect(bytes).not.toContain(secret);
    expect(meetings.get('board-a', first.id)).toMatchObject({ attendance, decision: 'Tad yn aros — 4711' });
    expect(meetings.get('board-b', second.id)?.decision).toBe('Żółć zostaje — 0815');
  });
});
