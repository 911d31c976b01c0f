import { describe, expect, it } from 'vitest';
import {
  type LeveledRun,
  mirrored,
  paragraphDirection,
  reorderRuns,
  resolveLevels,
  shaperReverses,
  visualRunText,
} from './bidi.js';

const chars = (text: string): string[] => Array.from(text);

describe('paragraphDirection', () => {
  it('takes the direction of the first letter, skipping digits, spaces and punctuation', () => {
    expect(paragraphDirection('12. سلامة الطفل')).toBe('rtl');
    expect(paragraphDirection('یہ بچے کے لیے ہے')).toBe('rtl');
    expect(paragraphDirection('Mae’r plant yn ddiogel — سلام')).toBe('ltr');
    expect(paragraphDirection('2024 ...')).toBe('ltr');
  });
});

describe('resolveLevels', () => {
  it('puts Arabic words at an odd level and English words at an even one in an English paragraph', () => {
    const levels = resolveLevels(chars('Mum said سلام today'), 'ltr');
    expect(levels.slice(0, 9)).toEqual(Array(9).fill(0));
    expect(levels.slice(9, 13)).toEqual([1, 1, 1, 1]);
    expect(levels.slice(13)).toEqual(Array(6).fill(0));
  });

  it('keeps the spaces between two Arabic words in the right-to-left run', () => {
    expect(resolveLevels(chars('مرحبا hello سلام عليكم'), 'ltr')).toEqual([
      ...Array(5).fill(1),
      ...Array(7).fill(0),
      ...Array(4).fill(1),
      1,
      ...Array(5).fill(1),
    ]);
  });

  it('lifts numbers and English words inside a right-to-left paragraph to level 2', () => {
    const levels = resolveLevels(chars('عمره 12 سنة'), 'rtl');
    expect(levels).toEqual([1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1]);
    expect(resolveLevels(chars('قال OK'), 'rtl')).toEqual([1, 1, 1, 1, 2, 2]);
  });

  it('treats a number right after Arabic words in an English sentence as part of the Arabic', () => {
    // "He said سلام 12 times": the number is drawn to the left of the Arabic word (UAX #9, W2).
    const levels = resolveLevels(chars('He said سلام 12 times'), 'ltr');
    expect(levels.slice(8, 15)).toEqual([1, 1, 1, 1, 1, 2, 2]);
    expect(levels.slice(15)).toEqual(Array(6).fill(0));
  });

  it('keeps a decimal number in a right-to-left paragraph in one piece (W4)', () => {
    // "His age is 12.5 years": the point sits between two digits of one number, not between words.
    expect(resolveLevels(chars('عمره 12.5 سنة'), 'rtl').slice(5, 9)).toEqual([2, 2, 2, 2]);
  });

  it('honours explicit isolates and marks typed into a card (P2, X5a–X6a)', () => {
    // An English name isolated at the start of an Arabic sentence does not make it English.
    const text = '\u2066Mr Jones\u2069 قال لا';
    expect(paragraphDirection(text)).toBe('rtl');
    expect(resolveLevels(chars(text), 'rtl').slice(1, 9)).toEqual(Array(8).fill(2));
    expect(paragraphDirection('\u200F12')).toBe('rtl');
  });

  it('gives combining marks the level of the letter they sit on', () => {
    const levels = resolveLevels(chars('a\u0301 بَ'), 'ltr');
    expect(levels).toEqual([0, 0, 0, 1, 1]);
  });
});

describe('reorderRuns', () => {
  const run = (level: number, value: string): LeveledRun<string> => ({ level, value });

  it('reverses the order of right-to-left runs and keeps a number inside them in place', () => {
    // Logical: "عمره " (1) "12" (2) " سنة" (1) → drawn: " سنة", "12", "عمره ".
    const order = reorderRuns([run(1, 'a'), run(2, 'b'), run(1, 'c')]).map((r) => r.value);
    expect(order).toEqual(['c', 'b', 'a']);
  });

  it('leaves a left-to-right line alone except for its right-to-left stretch', () => {
    const order = reorderRuns([run(0, 'a'), run(1, 'b'), run(1, 'c'), run(0, 'd')]).map((r) => r.value);
    expect(order).toEqual(['a', 'c', 'b', 'd']);
  });
});

describe('visualRunText', () => {
  it('hands Arabic to the shaper in logical order, because the shaper reverses it itself', () => {
    expect(shaperReverses('سلام عليكم')).toBe(true);
    expect(visualRunText(chars('سلام عليكم'), 1)).toBe('سلام عليكم');
  });

  it('reverses and mirrors punctuation that sits in a right-to-left run', () => {
    expect(shaperReverses('(!')).toBe(false);
    expect(visualRunText(chars('(!'), 1)).toBe('!)');
    expect(mirrored('«')).toBe('»');
  });

  it('pre-reverses Arabic-Indic digits at an even level so the shaper turns them back', () => {
    expect(visualRunText(chars('١٢'), 2)).toBe('٢١');
    expect(visualRunText(chars('12'), 2)).toBe('12');
  });
});
