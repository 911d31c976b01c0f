import { describe, expect, it } from 'vitest';
import { addPair, unpair } from '../cards/analysis.js';
import { asScaleId, OVERALL_SCALE_ID } from '../doc/ids.js';
import { readBoard } from '../doc/read.js';
import type { ScaleId } from '../doc/types.js';
import { expectUnchanged, newBoard, originsOf, parent, practitioner, unwrap } from '../test-support.js';
import {
  clearRating,
  markScored,
  medianScore,
  rate,
  revealInto,
  setScaleMode,
  unmarkScored,
} from './scales.js';

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

function privateBoard(scaleId: ScaleId = OVERALL_SCALE_ID) {
  const doc = newBoard();
  unwrap(setScaleMode(doc, practitioner, scaleId, 'private'));
  return doc;
}

const scaleOf = (doc: ReturnType<typeof newBoard>, scaleId: string = OVERALL_SCALE_ID) =>
  readBoard(doc).scales[scaleId];

describe('private scaling', () => {
  it('[PR1] refuses a rating while the scale collects privately, writing nothing', () => {
    const doc = privateBoard();
    expect(
      expectUnchanged(doc, () => rate(doc, parent, OVERALL_SCALE_ID, { value: 7, reason: 'secret' })),
    ).toMatchObject({ ok: false, reason: 'wrong-mode' });
  });

  it('[PR2] opening private collection starts a new round: shown ratings and the scored list are cleared', () => {
    const doc = newBoard();
    unwrap(rate(doc, parent, OVERALL_SCALE_ID, { value: 4 }));
    unwrap(setScaleMode(doc, practitioner, OVERALL_SCALE_ID, 'private'));
    unwrap(markScored(doc, parent, OVERALL_SCALE_ID));
    unwrap(setScaleMode(doc, practitioner, OVERALL_SCALE_ID, 'private'));
    expect(scaleOf(doc)).toMatchObject({ mode: 'private', ratings: {}, scored: [] });
  });

  it('[PR3] records who has scored, and only that', () => {
    const doc = privateBoard();
    unwrap(markScored(doc, parent, OVERALL_SCALE_ID));
    unwrap(markScored(doc, practitioner, OVERALL_SCALE_ID));
    unwrap(markScored(doc, parent, OVERALL_SCALE_ID));
    expect(scaleOf(doc)).toEqual({
      id: OVERALL_SCALE_ID,
      mode: 'private',
      ratings: {},
      scored: ['mum', 'sam'],
    });
    unwrap(unmarkScored(doc, parent, OVERALL_SCALE_ID));
    expect(scaleOf(doc)?.scored).toEqual(['sam']);
  });

  it('[PR3] refuses to mark someone as scored on a revealed or unknown scale', () => {
    const doc = newBoard();
    expect(expectUnchanged(doc, () => markScored(doc, parent, OVERALL_SCALE_ID))).toMatchObject({
      reason: 'wrong-mode',
    });
    expect(expectUnchanged(doc, () => markScored(doc, parent, asScaleId('nope')))).toMatchObject({
      reason: 'not-found',
    });
  });

  it('[PR4] the reveal writes every scored rating, clears the scored list and reveals, in one transaction', () => {
    const doc = privateBoard();
    unwrap(markScored(doc, parent, OVERALL_SCALE_ID));
    unwrap(markScored(doc, practitioner, OVERALL_SCALE_ID));
    const ratings = {
      mum: { value: 7, reason: 'Gran helps every day', at: 5 },
      sam: { value: 3, reason: '', at: 6 },
    };
    const origins = originsOf(doc, () =>
      expect(unwrap(revealInto(doc, practitioner, OVERALL_SCALE_ID, ratings))).toEqual({
        revealed: ['mum', 'sam'],
      }),
    );
    expect(origins).toHaveLength(1);
    expect(scaleOf(doc)).toEqual({ id: OVERALL_SCALE_ID, mode: 'revealed', ratings, scored: [] });
  });

  it('[PR4] the reveal ignores ratings of people not on the scored list (left from an earlier round)', () => {
    const doc = privateBoard();
    unwrap(markScored(doc, parent, OVERALL_SCALE_ID));
    const result = revealInto(doc, practitioner, OVERALL_SCALE_ID, {
      mum: { value: 7, reason: 'r', at: 5 },
      sam: { value: 1, reason: 'old', at: 1 },
    });
    expect(unwrap(result).revealed).toEqual(['mum']);
    expect(Object.keys(scaleOf(doc)?.ratings ?? {})).toEqual(['mum']);
  });

  it('[PR4] the reveal refuses bad ratings and an unknown scale without writing anything', () => {
    const doc = privateBoard();
    unwrap(markScored(doc, parent, OVERALL_SCALE_ID));
    const bad: Record<string, { value: number; reason: string; at: number }>[] = [
      { mum: { value: 11, reason: '', at: 1 } },
      { mum: { value: 5, reason: 'r'.repeat(2_001), at: 1 } },
      { 'not an id': { value: 5, reason: '', at: 1 } },
    ];
    for (const ratings of bad) {
      expect(
        expectUnchanged(doc, () => revealInto(doc, practitioner, OVERALL_SCALE_ID, ratings)),
      ).toMatchObject({ reason: 'invalid-input' });
    }
    expect(expectUnchanged(doc, () => revealInto(doc, practitioner, asScaleId('nope'), {}))).toMatchObject({
      reason: 'not-found',
    });
  });

  it('works on a pair scale, and revealing with no scores just reveals', () => {
    const doc = newBoard();
    const { pairId } = unwrap(addPair(doc, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    unwrap(setScaleMode(doc, practitioner, asScaleId(pairId), 'private'));
    unwrap(markScored(doc, parent, asScaleId(pairId)));
    expect(scaleOf(doc, pairId)?.scored).toEqual(['mum']);
    unwrap(revealInto(doc, practitioner, asScaleId(pairId), {}));
    expect(scaleOf(doc, pairId)).toMatchObject({ mode: 'revealed', ratings: {}, scored: [] });
  });
});

describe('medianScore', () => {
  it('finds the middle score of odd and even counts, and none of no scores', () => {
    expect(medianScore([])).toBeNull();
    expect(medianScore([3, 9, 1])).toBe(3);
    expect(medianScore([7, 4, 6])).toBe(6);
    expect(medianScore([10, 0, 4, 6])).toBe(5);
    expect(medianScore([2, 9, 4, 7])).toBe(5.5);
  });
});
