import { describe, expect, it } from 'vitest';
import { cleanText, layoutText, type Measure, type TextLine } from './textLayout.js';

/** Every character is one point wide, whatever the font: easy to reason about. */
const measure: Measure = (text) => Array.from(text).length;
const style = { size: 10, weight: 'regular' as const };
const lay = (text: string, width: number): TextLine[] => layoutText(text, { width, style, measure });
const texts = (line: TextLine): string[] => line.runs.map((run) => run.text);

describe('layoutText', () => {
  it('fills lines word by word and leaves the spaces at a break out', () => {
    const lines = lay('one two three four', 9);
    expect(lines.map((line) => texts(line).join(''))).toEqual(['one two', 'three', 'four']);
    expect(lines.every((line) => line.width <= 9)).toBe(true);
  });

  it('cuts a word longer than the line between characters', () => {
    const lines = lay('x'.repeat(25), 10);
    expect(lines.map((line) => line.width)).toEqual([10, 10, 5]);
  });

  it('starts a line at every line break and keeps an empty paragraph as an empty line', () => {
    const lines = lay('first\n\nthird', 50);
    expect(lines).toHaveLength(3);
    expect(lines[1]?.runs).toEqual([]);
    expect(texts(lines[2] as TextLine)).toEqual(['third']);
  });

  it('puts Welsh and Polish in one left-to-right run in the Latin font', () => {
    const [line] = lay('Dŵr ŷd — zażółć gęślą jaźń', 100);
    expect(line?.direction).toBe('ltr');
    expect(line?.runs).toEqual([
      {
        text: 'Dŵr ŷd — zażółć gęślą jaźń',
        face: 'latin',
        x: 0,
        width: 26,
        wholeRun: false,
        logical: 'Dŵr ŷd — zażółć gęślą jaźń',
        rightToLeft: false,
      },
    ]);
  });

  it('keeps an Arabic paragraph in logical order for the shaper, right-to-left and shaped whole', () => {
    const [line] = lay('نحن قلقون بشأن سلامة الطفل', 100);
    expect(line?.direction).toBe('rtl');
    expect(line?.runs).toEqual([
      {
        text: 'نحن قلقون بشأن سلامة الطفل',
        face: 'arabic',
        x: 0,
        width: 26,
        wholeRun: true,
        logical: 'نحن قلقون بشأن سلامة الطفل',
        rightToLeft: true,
      },
    ]);
    expect(line?.ascent).toBeGreaterThan(lay('Latin', 100)[0]?.ascent ?? 0);
  });

  it('breaks a right-to-left paragraph into lines in reading order (first words on the first line)', () => {
    const lines = lay('یہ بچے کے لیے ہے', 7);
    expect(lines.map((line) => texts(line).join(''))).toEqual(['یہ بچے', 'کے لیے', 'ہے']);
  });

  it('draws a number inside Arabic text to the left of the words before it, digits left to right', () => {
    const [line] = lay('عمره 12 سنة', 100);
    expect(texts(line as TextLine)).toEqual(['سنة', ' ', '12', ' ', 'عمره']);
    expect(line?.runs.map((run) => run.face)).toEqual(['arabic', 'latin', 'latin', 'latin', 'arabic']);
    expect(line?.runs.map((run) => run.x)).toEqual([0, 3, 4, 6, 7]);
  });

  it('places an Arabic name inside an English sentence where it is read', () => {
    const [line] = lay('Mum (مريم) agreed.', 100);
    expect(texts(line as TextLine)).toEqual(['Mum (', 'مريم', ') agreed.']);
  });

  it('mirrors brackets in an Arabic sentence so they still open towards the English word', () => {
    const [line] = lay('قالت (OK) أمس', 100);
    // Read left to right on the page: "أمس (OK) قالت".
    expect(texts(line as TextLine)).toEqual(['أمس', ' (', 'OK', ') ', 'قالت']);
    // As typed, for the text layer: the run's own characters in reading order.
    expect(line?.runs.map((run) => run.logical)).toEqual(['أمس', ') ', 'OK', ' (', 'قالت']);
  });
});

describe('cleanText', () => {
  it('drops control characters, turns tabs into spaces and normalises line breaks', () => {
    expect(cleanText('a\u0007b\tc\r\nd\re\u2028f')).toBe('ab  c\nd\ne\nf');
  });

  it('composes letters written with combining accents', () => {
    expect(cleanText('w\u0302')).toBe('ŵ');
  });
});
