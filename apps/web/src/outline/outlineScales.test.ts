import { markScored, OVERALL_SCALE_ID, rate, type ScaleId, setScaleMode } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { visibleBoard } from '../board/visibility';
import { BoardFixture } from './boardFixture';
import { outlineScales } from './outlineScales';

const overall = OVERALL_SCALE_ID;

describe('outlineScales', () => {
  it('reads revealed ratings by name and role, with reasons', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'facilitator');
    const alex = board.person('Alex', 'family');
    rate(board.doc, sam, overall, { value: 4, reason: 'Dad still drinks' });
    rate(board.doc, alex, overall, { value: 7, reason: 'We go to groups' });
    const [scale] = outlineScales(board.state());
    expect(scale?.pair).toBeNull();
    expect(scale?.scored).toBe(2);
    expect(scale?.ratings.map((r) => [r.name, r.role, r.value, r.reason])).toEqual([
      ['Alex', 'family', 7, 'We go to groups'],
      ['Sam', 'facilitator', 4, 'Dad still drinks'],
    ]);
  });

  it('gives only the number who have scored while scores are private', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'facilitator');
    setScaleMode(board.doc, sam, overall, 'private');
    markScored(board.doc, sam, overall);
    const [scale] = outlineScales(board.state());
    expect(scale).toMatchObject({ mode: 'private', scored: 1, ratings: [] });
  });

  it('adds one scale per pair with both cards’ words, after the overall scale', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'facilitator');
    const { pairId } = board.pair(sam, 'Dad may hit Mia', 'Mia is safe for 6 months');
    rate(board.doc, sam, pairId as string as ScaleId, { value: 3, reason: '' });
    const scales = outlineScales(board.state());
    expect(scales.map((s) => s.id)).toEqual([overall, pairId]);
    expect(scales[1]?.pair).toEqual({
      dangerStatement: 'Dad may hit Mia',
      safetyGoal: 'Mia is safe for 6 months',
    });
    expect(scales[1]?.ratings.map((r) => r.value)).toEqual([3]);
  });

  it('keeps the words of a professionals-only card out of the family’s scale list', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'practitioner');
    const { dangerStatementId } = board.pair(sam, 'Police worry', 'Goal');
    // A board written before professionals-only cards moved to their own document ([AC20]).
    board.doc.transact(() => {
      (board.doc.getMap('cards').get(dangerStatementId) as Y.Map<unknown>).set('professionalsOnly', true);
    });
    const everything = board.state();
    const scales = outlineScales(visibleBoard(everything, 'family'), everything);
    expect(scales[1]?.pair).toEqual({ dangerStatement: null, safetyGoal: 'Goal' });
    expect(JSON.stringify(scales)).not.toContain('Police worry');
  });
});
