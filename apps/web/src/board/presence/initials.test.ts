import { describe, expect, it } from 'vitest';
import { initials } from './initials';

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Nan Rose')).toBe('NR');
    expect(initials('  alex  ')).toBe('A');
    expect(initials('Mary Ann de Vries')).toBe('MV');
  });
  it('keeps whole characters (no half emoji or surrogate) and never returns nothing', () => {
    expect(initials('😀 Smile')).toBe('😀S');
    expect(initials('')).toBe('?');
    expect(initials('ليلى حسن')).toBe('لح');
  });
});
