import type { CardId } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { layoutBoard } from './boardLayout';
import { boardPoint } from './geometry';
import { board, card, measure } from './layoutFixture';
import { insertionIndexAt, insertionMarkY, readingOrder, sectionAt, sectionOf } from './layoutQueries';

describe('hit-testing', () => {
  const state = board([
    card('a', 'harm', 1, 'first'),
    card('b', 'harm', 2, 'second'),
    card('c', 'nextStep', 1, 'x'),
  ]);
  const layout = layoutBoard(state, { width: 1200, height: 800 }, measure);
  const harm = sectionOf(layout, 'harm');
  const a = layout.cards.a;
  const b = layout.cards.b;
  if (!harm || !a || !b) throw new Error('layout is missing the harm section');

  it('finds the section under a point, and none in the page margin', () => {
    for (const s of layout.sections) {
      const centre = boardPoint(s.rect.x + s.rect.width / 2, s.rect.y + s.rect.height / 2);
      expect(sectionAt(layout, centre)).toBe(s.category);
    }
    expect(sectionAt(layout, boardPoint(2, 2))).toBeNull();
  });

  it('gives a point in a column’s padding to the nearest section of that column', () => {
    const worries = layout.columns[0];
    if (!worries) throw new Error('no column');
    const belowLast = boardPoint(worries.rect.x + 20, worries.rect.y + worries.rect.height - 2);
    expect(sectionAt(layout, belowLast)).toBe('complicatingFactor');
  });

  it('counts the insertion index among the other cards of the section', () => {
    const x = harm.rect.x + 30;
    expect(insertionIndexAt(layout, 'harm', boardPoint(x, a.rect.y - 1))).toBe(0);
    expect(insertionIndexAt(layout, 'harm', boardPoint(x, a.rect.y + a.rect.height + 1))).toBe(1);
    expect(insertionIndexAt(layout, 'harm', boardPoint(x, b.rect.y + b.rect.height + 50))).toBe(2);
    // Dragging 'a' below 'b' puts it after the one other card.
    expect(insertionIndexAt(layout, 'harm', boardPoint(x, b.rect.y + b.rect.height), 'a' as CardId)).toBe(1);
    expect(insertionIndexAt(layout, 'existingSafety', boardPoint(x, 10_000))).toBe(0);
  });

  it('marks the insertion line between cards and below the last one', () => {
    expect(insertionMarkY(layout, 'harm', 0)).toBeLessThan(a.rect.y);
    expect(insertionMarkY(layout, 'harm', 1)).toBeGreaterThan(a.rect.y + a.rect.height);
    expect(insertionMarkY(layout, 'harm', 1)).toBeLessThan(b.rect.y);
    expect(insertionMarkY(layout, 'harm', 2)).toBeGreaterThan(b.rect.y + b.rect.height);
  });

  it('lists cards in reading order, column by column', () => {
    expect(readingOrder(layout)).toEqual(['a', 'b', 'c']);
  });
});
