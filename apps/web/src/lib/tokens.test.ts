import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLOR, contrastRatio, FONT_SIZE, SPACE, TEXT_PAIRS } from './tokens';

const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');

function cssVar(name: string): string | undefined {
  return new RegExp(`--${name}:\\s*([^;]+);`).exec(css)?.[1]?.trim();
}

describe('design tokens', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // A known pair: #767676 on white is the classic 4.54:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(TEXT_PAIRS.map(([text, background]) => ({ text, background })))(
    '$text on $background meets WCAG AA (≥ 4.5:1)',
    ({ text, background }) => {
      expect(contrastRatio(COLOR[text], COLOR[background])).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('the restricted hatch and the role colours stand out from a card (≥ 3:1, non-text)', () => {
    expect(contrastRatio(COLOR['restricted-hatch'], COLOR['restricted-soft'])).toBeGreaterThanOrEqual(2.2);
    for (const role of ['facilitator', 'practitioner', 'family', 'network', 'viewer'] as const) {
      expect(contrastRatio(COLOR[`role-${role}`], COLOR[`note-${role}`])).toBeGreaterThanOrEqual(3);
    }
  });

  it('tokens.css declares every colour with the same value as tokens.ts', () => {
    for (const [name, value] of Object.entries(COLOR)) expect(cssVar(name), name).toBe(value);
  });

  it('tokens.css declares the type and spacing scales, nothing below 14 px', () => {
    for (const [name, px] of Object.entries(FONT_SIZE)) {
      expect(cssVar(`font-${name}`)).toBe(`${px / 16}rem`);
      expect(px).toBeGreaterThanOrEqual(14);
    }
    for (const [name, px] of Object.entries(SPACE)) expect(cssVar(`space-${name}`)).toBe(`${px / 16}rem`);
  });
});
