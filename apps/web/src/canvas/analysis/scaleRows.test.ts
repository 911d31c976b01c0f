import {
  addPair,
  addPerson,
  asParticipantId,
  asScaleId,
  initBoard,
  markScored,
  OVERALL_SCALE_ID,
  rate,
  readBoard,
  recordRating,
  registerParticipant,
  setScaleMode,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LINE, markersFor, scaleRows, scoredCount, valueAtX, valueForKey, xOfValue } from './scaleRows';

const chair = { participantId: asParticipantId('chair'), role: 'facilitator' } as const;
const mum = { participantId: asParticipantId('mum'), role: 'family' } as const;

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Review', createdAt: 1 });
  registerParticipant(doc, { id: chair.participantId, displayName: 'Ana', role: 'facilitator' });
  registerParticipant(doc, { id: mum.participantId, displayName: 'Kim', role: 'family' });
  registerParticipant(doc, { id: asParticipantId('wall'), displayName: 'Wall', role: 'viewer' });
  return doc;
}

describe('scaleRows', () => {
  it('lists the overall scale first, then each pair with its danger statement and safety goal', () => {
    const doc = board();
    addPair(doc, chair, { dangerStatement: 'We worry Kim…', safetyGoal: 'Everyone will see…' }, { now: 5 });
    addPair(doc, chair, { dangerStatement: 'Second worry', safetyGoal: 'Second goal' }, { now: 6 });
    const rows = scaleRows(readBoard(doc));
    expect(rows.map((row) => row.pair)).toEqual([
      null,
      { number: 1, dangerStatement: 'We worry Kim…', safetyGoal: 'Everyone will see…' },
      { number: 2, dangerStatement: 'Second worry', safetyGoal: 'Second goal' },
    ]);
    expect(rows[0]?.scaleId).toBe(OVERALL_SCALE_ID);
  });
});

describe('markersFor', () => {
  it("shows everyone's revealed rating with their name and role, stacking equal values", () => {
    const doc = board();
    rate(doc, chair, OVERALL_SCALE_ID, { value: 6, reason: 'plan holds' });
    rate(doc, mum, OVERALL_SCALE_ID, { value: 6, reason: '' });
    const state = readBoard(doc);
    const markers = markersFor(state.scales[OVERALL_SCALE_ID]!, state, 'mum', null, 'Someone');
    expect(markers).toEqual([
      {
        participantId: 'chair',
        name: 'Ana',
        role: 'facilitator',
        value: 6,
        reason: 'plan holds',
        mine: false,
        recordedBy: null,
        stack: 0,
      },
      {
        participantId: 'mum',
        name: 'Kim',
        role: 'family',
        value: 6,
        reason: '',
        mine: true,
        recordedBy: null,
        stack: 1,
      },
    ]);
  });

  it('names a score recorded for a child without a device by the child, with who recorded it (issue 14)', () => {
    const doc = board();
    const jo = addPerson(doc, chair, { name: 'Jo', age: 7 });
    if (!jo.ok) throw new Error('setup');
    recordRating(doc, chair, OVERALL_SCALE_ID, jo.value.personId, { value: 3, reason: 'I miss Dad' });
    const state = readBoard(doc);
    const markers = markersFor(state.scales[OVERALL_SCALE_ID]!, state, 'mum', null, 'Someone');
    expect(markers).toEqual([
      expect.objectContaining({ participantId: jo.value.personId, name: 'Jo', value: 3, recordedBy: 'Ana' }),
    ]);
  });

  it('[PR3] in private mode shows only this person’s own score, even when others have scored', () => {
    const doc = board();
    setScaleMode(doc, chair, OVERALL_SCALE_ID, 'private');
    markScored(doc, chair, OVERALL_SCALE_ID);
    markScored(doc, mum, OVERALL_SCALE_ID);
    const state = readBoard(doc);
    const scale = state.scales[OVERALL_SCALE_ID]!;
    expect(markersFor(scale, state, 'chair', null, 'Someone')).toEqual([]);
    const own = markersFor(scale, state, 'mum', { value: 7, reason: 'why', at: 1 }, 'Someone');
    expect(own.map((m) => [m.participantId, m.value, m.mine])).toEqual([['mum', 7, true]]);
  });
});

describe('scoredCount', () => {
  it('counts who has scored out of everyone who can score (not viewers)', () => {
    const doc = board();
    setScaleMode(doc, chair, OVERALL_SCALE_ID, 'private');
    markScored(doc, mum, OVERALL_SCALE_ID);
    const state = readBoard(doc);
    expect(scoredCount(state.scales[OVERALL_SCALE_ID]!, state)).toEqual({ scored: 1, total: 2 });
    expect(asScaleId('x')).toBe('x');
  });
});

describe('the line', () => {
  it('maps 0 and 10 to the ends and snaps a click to the nearest whole number', () => {
    expect(xOfValue(0)).toBe(LINE.left);
    expect(xOfValue(10)).toBe(LINE.right);
    expect(valueAtX(xOfValue(7) + 10)).toBe(7);
    expect(valueAtX(-50)).toBe(0);
    expect(valueAtX(LINE.width + 50)).toBe(10);
  });

  it('moves with the arrow keys, Home, End and digits, within 0–10', () => {
    expect(valueForKey('ArrowRight', 4)).toBe(5);
    expect(valueForKey('ArrowLeft', 0)).toBe(0);
    expect(valueForKey('ArrowUp', 10)).toBe(10);
    expect(valueForKey('ArrowRight', null)).toBe(6);
    expect(valueForKey('Home', 7)).toBe(0);
    expect(valueForKey('End', 2)).toBe(10);
    expect(valueForKey('3', null)).toBe(3);
    expect(valueForKey('a', 3)).toBeNull();
  });
});
