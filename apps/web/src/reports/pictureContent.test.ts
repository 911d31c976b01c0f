import { beforeAll, describe, expect, it } from 'vitest';
import { card, board as makeBoard } from '../canvas/layoutFixture';
import { loadOnDemandWords } from '../lib/messages';
import { holdsProfessionalsOnly, pictureBanner, pictureBoard, pictureFileName } from './pictureContent';

// This view loads on demand with its words (lib/onDemandWords.ts).
beforeAll(() => loadOnDemandWords());

const board = makeBoard([
  card('open', 'harm', 0, 'Nan takes Mia to school'),
  { ...card('secret', 'harm', 1, 'Police record'), professionalsOnly: true },
]);

describe('pictureContent', () => {
  it('leaves professionals-only cards out unless staff chose them, and says which pictures hold them', () => {
    expect(holdsProfessionalsOnly(board)).toBe(true);
    const shared = pictureBoard(board, false);
    expect(holdsProfessionalsOnly(shared)).toBe(false);
    expect(Object.keys(shared.cards).length).toBeGreaterThan(0);
    expect(pictureBoard(board, true)).toBe(board);
    expect(pictureBanner(shared, 0)).toBeNull();
  });

  it('marks a picture holding them with a warning, the board title and the date', () => {
    const banner = pictureBanner(
      { ...board, meta: { ...board.meta, title: 'Case 8401' } },
      Date.UTC(2025, 2, 12, 10),
    );
    expect(banner?.warning).toBe('Contains professionals-only content — do not share with the family');
    expect(banner?.detail).toContain('Case 8401');
    expect(banner?.detail).toContain('2025');
    expect(pictureFileName('b1', '-v2', true)).toBe('kinmap-b1-v2-professionals-only.png');
    expect(pictureFileName('b1', '', false)).toBe('kinmap-b1.png');
  });
});
