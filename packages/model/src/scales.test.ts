import { describe, expect, it } from 'vitest';
import { addPair, unpair } from './analysis.js';
import { asScaleId, OVERALL_SCALE_ID } from './ids.js';
import { readBoard } from './read.js';
import { clearRating, rate, setScaleMode } from './scales.js';
import { expectUnchanged, newBoard, parent, practitioner, unwrap } from './test-support.js';

describe('rate', () => {
  it("records each participant's rating with a reason and time", () => {
    const doc = newBoard();
    unwrap(rate(doc, practitioner, OVERALL_SCALE_ID, { value: 3, reason: 'no plan yet' }, { now: 10 }));
    unwrap(rate(doc, parent, OVERALL_SCALE_ID, { value: 8 }, { now: 11 }));
    expect(readBoard(doc).scales[OVERALL_SCALE_ID]?.ratings).toEqual({
      sam: { value: 3, reason: 'no plan yet', at: 10 },
      mum: { value: 8, reason: '', at: 11 },
    });
  });

  it("replaces the participant's previous rating", () => {
    const doc = newBoard();
    unwrap(rate(doc, practitioner, OVERALL_SCALE_ID, { value: 3, reason: 'a' }));
    unwrap(rate(doc, practitioner, OVERALL_SCALE_ID, { value: 5, reason: 'b' }, { now: 2 }));
    expect(readBoard(doc).scales[OVERALL_SCALE_ID]?.ratings).toEqual({
      sam: { value: 5, reason: 'b', at: 2 },
    });
  });

  it('rates a pair scale', () => {
    const doc = newBoard();
    const { pairId } = unwrap(addPair(doc, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    unwrap(rate(doc, parent, asScaleId(pairId), { value: 0, reason: '' }));
    expect(readBoard(doc).scales[pairId]?.ratings.mum?.value).toBe(0);
  });

  it.each([
    ['above 10', { value: 11 }],
    ['below 0', { value: -1 }],
    ['not whole', { value: 4.5 }],
    ['not a number', { value: '7' }],
    ['with a reason over 2,000 characters', { value: 5, reason: 'r'.repeat(2_001) }],
  ])('refuses a rating %s', (_, rating) => {
    const doc = newBoard();
    expect(
      expectUnchanged(doc, () => rate(doc, practitioner, OVERALL_SCALE_ID, rating as never)),
    ).toMatchObject({
      reason: 'invalid-input',
    });
  });

  it('refuses an unknown scale and the scale of a removed pair', () => {
    const doc = newBoard();
    const { pairId } = unwrap(addPair(doc, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    unwrap(unpair(doc, practitioner, pairId));
    for (const scaleId of [asScaleId('nope'), asScaleId(pairId)]) {
      expect(expectUnchanged(doc, () => rate(doc, practitioner, scaleId, { value: 5 }))).toMatchObject({
        reason: 'not-found',
      });
    }
  });
});

describe('clearRating', () => {
  it("removes only the actor's rating", () => {
    const doc = newBoard();
    unwrap(rate(doc, practitioner, OVERALL_SCALE_ID, { value: 3 }));
    unwrap(rate(doc, parent, OVERALL_SCALE_ID, { value: 6 }));
    unwrap(clearRating(doc, parent, OVERALL_SCALE_ID));
    expect(Object.keys(readBoard(doc).scales[OVERALL_SCALE_ID]?.ratings ?? {})).toEqual(['sam']);
  });

  it('writes nothing when the actor had no rating, and refuses an unknown scale', () => {
    const doc = newBoard();
    expect(expectUnchanged(doc, () => clearRating(doc, parent, OVERALL_SCALE_ID)).ok).toBe(true);
    expect(expectUnchanged(doc, () => clearRating(doc, parent, asScaleId('nope')))).toMatchObject({
      reason: 'not-found',
    });
  });
});

describe('setScaleMode', () => {
  it('switches a scale between private and revealed', () => {
    const doc = newBoard();
    unwrap(setScaleMode(doc, practitioner, OVERALL_SCALE_ID, 'private'));
    expect(readBoard(doc).scales[OVERALL_SCALE_ID]?.mode).toBe('private');
    unwrap(setScaleMode(doc, practitioner, OVERALL_SCALE_ID, 'revealed'));
    expect(readBoard(doc).scales[OVERALL_SCALE_ID]?.mode).toBe('revealed');
  });

  it('refuses an unknown mode and an unknown scale', () => {
    const doc = newBoard();
    expect(
      expectUnchanged(doc, () => setScaleMode(doc, practitioner, OVERALL_SCALE_ID, 'hidden' as never)),
    ).toMatchObject({ reason: 'invalid-input' });
    expect(
      expectUnchanged(doc, () => setScaleMode(doc, practitioner, asScaleId('x'), 'private')),
    ).toMatchObject({
      reason: 'not-found',
    });
  });
});
