import { isWellFormedText } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { copyTitle } from './copyTitle.js';

describe('copyTitle', () => {
  it('keeps a title nobody has, and numbers the copies of one that exists', () => {
    expect(copyTitle('Family map', new Set())).toBe('Family map');
    expect(copyTitle('Family map', new Set(['Family map']))).toBe('Family map (copy)');
    expect(copyTitle('Family map', new Set(['Family map', 'Family map (copy)']))).toBe('Family map (copy 2)');
    expect(copyTitle('Family map', new Set(['Family map', 'Family map (copy)', 'Family map (copy 2)']))).toBe(
      'Family map (copy 3)',
    );
  });

  it('stays within the limit without splitting a surrogate pair', () => {
    const long = `${'a'.repeat(194)}😀😀`;
    const copy = copyTitle(long, new Set([long]), 200);
    expect(copy.length).toBeLessThanOrEqual(200);
    expect(copy.endsWith(' (copy)')).toBe(true);
    expect(isWellFormedText(copy)).toBe(true);
  });
});
