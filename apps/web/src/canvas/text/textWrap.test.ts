import { describe, expect, it } from 'vitest';
import { type FontSpec, type MeasureText, TEXT_STYLES } from '../boardMetrics';
import { wrapRemembered, wrapText } from './textWrap';

// Every character is 0.55 em wide: close enough to a real font, and exact to reason about.
const measure: MeasureText = (text: string, font: FontSpec) => text.length * font.size * 0.55;

describe('wrapText', () => {
  it('keeps the writer’s line breaks and splits a word longer than the line', () => {
    const font = TEXT_STYLES.cardText;
    const lines = wrapText(`one two\n\n${'y'.repeat(50)}`, 100, font, measure);
    expect(lines.slice(0, 2)).toEqual(['one two', '']);
    expect(lines.slice(2).join('')).toBe('y'.repeat(50));
    for (const line of lines) expect(measure(line, font)).toBeLessThanOrEqual(100);
  });

  it('gives an empty text one empty line', () => {
    expect(wrapText('', 100, TEXT_STYLES.cardText, measure)).toEqual(['']);
  });
});

describe('wrapRemembered', () => {
  it('gives the same lines as wrapText and measures a text only once per width', () => {
    let calls = 0;
    const counting: MeasureText = (text, font) => {
      calls += 1;
      return measure(text, font);
    };
    const text = 'Nan takes Mia to school every day';
    const first = wrapRemembered(text, 120, TEXT_STYLES.cardText, counting);
    const measured = calls;
    expect(first).toEqual(wrapText(text, 120, TEXT_STYLES.cardText, measure));
    expect(wrapRemembered(text, 120, TEXT_STYLES.cardText, counting)).toBe(first);
    expect(calls).toBe(measured);
    wrapRemembered(text, 200, TEXT_STYLES.cardText, counting);
    expect(calls).toBeGreaterThan(measured);
  });
});
