import { describe, expect, it } from 'vitest';
import { TEXT_STYLES } from '../boardMetrics';
import { cssFont, konvaFontStyle, staticTextProps } from './textMeasure';

describe('text measure fonts', () => {
  it('builds the same font string Konva uses for style, weight and size', () => {
    const font = { size: 15, weight: 'bold', style: 'italic' } as const;
    expect(cssFont(font).startsWith('italic bold 15px ')).toBe(true);
    expect(konvaFontStyle(font)).toBe('italic bold');
    expect(konvaFontStyle({ size: 15, weight: 'normal', style: 'normal' })).toBe('normal');
    expect(konvaFontStyle({ size: 15, weight: 'bold', style: 'normal' })).toBe('bold');
  });
});

describe('staticTextProps', () => {
  it('draws in the font the layout measured with, and takes no pointer events', () => {
    const props = staticTextProps(TEXT_STYLES.prompt);
    expect(props).toMatchObject({ fontSize: 14, fontStyle: 'italic', listening: false });
    expect(props.lineHeight * props.fontSize).toBeCloseTo(TEXT_STYLES.prompt.lineHeight);
    expect(cssFont(TEXT_STYLES.prompt)).toContain(props.fontFamily);
  });
});
