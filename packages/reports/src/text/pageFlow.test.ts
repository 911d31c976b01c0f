import { describe, expect, it } from 'vitest';
import { embeddedFontNames, extractPdf, textLines } from '../testing/pdfText.js';
import { PageFlow } from './pageFlow.js';

const body = { size: 12, weight: 'regular' as const };
const newFlow = (): PageFlow =>
  new PageFlow({ margin: 50, footer: 30, title: 'Test', createdAt: new Date(Date.UTC(2025, 2, 12)) });

const ARABIC = 'نحن قلقون بشأن سلامة الطفل في المنزل';
const URDU = 'یہ بچے کے لیے ایک محفوظ گھر ہے';

describe('PageFlow', () => {
  it('draws Welsh, Polish, Arabic and Urdu as searchable text in embedded fonts', async () => {
    const flow = newFlow();
    flow.block([
      { text: 'Mae’r teulu’n cwrdd bob dydd Sadwrn ger y ŵyr a’r ŷd.', style: body },
      { text: 'Babcia zażółć gęślą jaźń; ląd, łąka, żółw.', style: body },
      { text: ARABIC, style: body },
      { text: URDU, style: body },
    ]);
    const bytes = await flow.finish();
    const lines = textLines(await extractPdf(bytes));
    expect(lines).toContain('Mae’r teulu’n cwrdd bob dydd Sadwrn ger y ŵyr a’r ŷd.');
    expect(lines).toContain('Babcia zażółć gęślą jaźń; ląd, łąka, żółw.');
    // pdf.js turns the drawn (visual) order back into reading order: the words come back as typed.
    expect(lines).toContain(ARABIC);
    expect(lines).toContain(URDU);
    expect(embeddedFontNames(bytes)).toEqual([
      expect.stringMatching(/\+DejaVuSans$/),
      expect.stringMatching(/\+NotoSansArabic-Regular$/),
    ]);
  });

  it('reads back every Arabic letter that shares a dotless shape with another (ب ت ن ي)', async () => {
    const flow = newFlow();
    const words = 'بنت بيت نبت تين ثبت';
    flow.block([{ text: words, style: body }]);
    const lines = textLines(await extractPdf(await flow.finish()));
    expect(lines).toEqual([words]);
  });

  it('flows a long block over several pages without losing a word', async () => {
    const flow = newFlow();
    const words = Array.from({ length: 1500 }, (_, i) => `word${i}`);
    flow.block([{ text: words.join(' '), style: body }]);
    const pdf = await extractPdf(await flow.finish());
    expect(pdf.pageCount).toBeGreaterThan(1);
    const extracted = textLines(pdf).join(' ').split(' ');
    expect(extracted).toEqual(words);
  });

  it('keeps a short block together on the next page rather than splitting it', async () => {
    const flow = newFlow();
    flow.space(flow.remaining - 20);
    flow.block([
      { text: 'Heading', style: { size: 16, weight: 'bold' } },
      { text: 'First line of the block', style: body },
    ]);
    const pdf = await extractPdf(await flow.finish());
    expect(pdf.pageCount).toBe(2);
    expect(textLines({ pages: [pdf.pages[1] ?? ''] })).toEqual(['Heading', 'First line of the block']);
  });

  it('moves a heading left at the foot of a page to the next page, with what follows it', async () => {
    const flow = newFlow();
    flow.space(flow.remaining - 40);
    flow.heading([{ text: 'A heading', style: { size: 16, weight: 'bold' } }]);
    flow.block([{ text: Array.from({ length: 8 }, (_, i) => `Line ${i}`).join('\n'), style: body }]);
    const pdf = await extractPdf(await flow.finish());
    expect(pdf.pageCount).toBe(2);
    expect(textLines({ pages: [pdf.pages[1] ?? ''] })[0]).toBe('A heading');
  });

  it('puts both columns of a row side by side on the same lines', async () => {
    const flow = newFlow();
    flow.columns(
      [[{ text: 'Danger statement text', style: body }], [{ text: 'Safety goal text', style: body }]],
      20,
    );
    const lines = textLines(await extractPdf(await flow.finish()));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Danger statement text ?Safety goal text$/);
  });

  it('stamps every page once the content is complete', async () => {
    const flow = newFlow();
    flow.block([{ text: 'one', style: body }]);
    flow.newPage();
    flow.block([{ text: 'two', style: body }]);
    await flow.stampPages((index, count) => {
      flow.drawLine(flow.layout(`Page ${index + 1} of ${count}`, body, 200)[0] as never, body, '#000', {
        x: flow.left,
        width: 200,
        y: flow.bottom + 5,
      });
    });
    const pdf = await extractPdf(await flow.finish());
    expect(pdf.pages.map((page) => page.replace(/\s+/g, ' ').trim())).toEqual([
      'one Page 1 of 2',
      'two Page 2 of 2',
    ]);
  });
});
