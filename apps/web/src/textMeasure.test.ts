import { describe, expect, it } from 'vitest';
import { cssFont, konvaFontStyle } from './textMeasure';

describe('text measure fonts', () => {
  it('builds the same font string Konva uses for style, weight and size', () => {
    const font = { size: 15, weight: 'bold', style: 'italic' } as const;
    expect(cssFont(font).startsWith('italic bold 15px ')).toBe(true);
    expect(konvaFontStyle(font)).toBe('italic bold');
    expect(konvaFontStyle({ size: 15, weight: 'normal', style: 'normal' })).toBe('normal');
    expect(konvaFontStyle({ size: 15, weight: 'bold', style: 'normal' })).toBe('bold');
  });
});
