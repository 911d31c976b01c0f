import { describe, expect, it } from 'vitest';
import { extractPdf, textLines, textVisibility } from '../testing/pdfText.js';
import { layerText } from './outlinedText.js';
import { PageFlow } from './pageFlow.js';
import type { PlacedRun } from './textLayout.js';

const body = { size: 12, weight: 'regular' as const };

async function linesOf(...paragraphs: string[]): Promise<string[]> {
  const flow = new PageFlow({ margin: 50, footer: 30, title: 'Bidi', createdAt: new Date(0) });
  flow.block(paragraphs.map((text) => ({ text, style: body })));
  return textLines(await extractPdf(await flow.finish()));
}

describe('Arabic-script text read back from the PDF (pdf.js)', () => {
  it('gives an Arabic paragraph of several lines back word for word, in reading order', async () => {
    const words = Array.from(
      { length: 60 },
      (_, i) => ['نحن', 'قلقون', 'بشأن', 'سلامة', 'الطفل', 'في', 'المنزل'][i % 7],
    );
    const lines = await linesOf(words.join(' '));
    expect(lines.length).toBeGreaterThan(2);
    // Each line starts where the one above it stopped: the first words are on the first line.
    expect(lines.join(' ').split(' ')).toEqual(words);
  });

  it('gives an Arabic line with a number, an English word and brackets back as it was typed', async () => {
    expect(await linesOf('عمره 12 سنة (OK) وقال «نعم»')).toEqual(['عمره 12 سنة (OK) وقال «نعم»']);
  });

  it('gives an Urdu sentence back with its own letters (ہ ے ۔)', async () => {
    expect(await linesOf('یہ بچے کے لیے ایک محفوظ گھر ہے۔')).toEqual(['یہ بچے کے لیے ایک محفوظ گھر ہے۔']);
  });

  it('gives an Arabic name inside an English sentence back in its place', async () => {
    expect(await linesOf('Mum (مريم) agreed on 12 March.')).toEqual(['Mum (مريم) agreed on 12 March.']);
  });
});

describe('the text layer', () => {
  it('is invisible over Arabic outlines, while English beside it stays painted text', async () => {
    const flow = new PageFlow({ margin: 50, footer: 30, title: 'Layer', createdAt: new Date(0) });
    flow.block([
      { text: 'یہ بچے کے لیے', style: body },
      { text: 'Mum (مريم) agreed', style: body },
    ]);
    const shown = await textVisibility(await flow.finish(), 1);
    // The Urdu line's layer; then "Mum (", the name's layer, ") agreed".
    expect(shown).toEqual(['invisible', 'painted', 'invisible', 'painted']);
  });
});

describe('layerText', () => {
  const run = (logical: string, rightToLeft: boolean): PlacedRun => ({
    text: logical,
    face: 'arabic',
    x: 0,
    width: 1,
    wholeRun: rightToLeft,
    logical,
    rightToLeft,
  });

  it('writes runs left to right as they sit on the page, right-to-left ones turned around', () => {
    expect(layerText([run('12', false), run(' ', true), run('سنة', true)])).toBe('12 ةنس');
  });

  it('keeps brackets as they were typed, leaving mirroring to the reader', () => {
    expect(layerText([run(' (', true)])).toBe('( ');
  });
});
