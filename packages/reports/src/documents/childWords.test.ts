import type { BoardState, CardState, PersonId } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { extractPdf, fullText, textLines } from '../testing/pdfText.js';
import { renderFamilySummary } from './familySummary.js';
import { renderRecord } from './record.js';
import { makeCard, recordInput, sampleBoard, sampleRestricted } from './reportBoard.fixture.js';
import { childWordsLine } from './reportWords.js';

// Issue 14: a card that holds a child's own words says so in both reports ([AC52]).

const jo = 'p-jo' as PersonId;

/** The sample board with Jo's words on a strength, and on the danger statement of the pair. */
function boardWithChildWords(): BoardState {
  const board = sampleBoard();
  const words = makeCard('c-jo', 'existingStrength', 'I like it when Nain reads to me', {
    order: 3,
    quote: { personId: jo, toolId: 'tool-1', area: 'good' },
  });
  const danger = board.cards['c-danger'] as CardState;
  return {
    ...board,
    cards: {
      ...board.cards,
      [words.id]: words,
      'c-danger': { ...danger, quote: { personId: jo, toolId: null, area: null } },
    },
  };
}

/** The restricted document with its professionals-only card quoting Jo too. */
function restrictedWithChildWords(): BoardState {
  const restricted = sampleRestricted();
  const secret = restricted.cards['c-secret'] as CardState;
  return {
    ...restricted,
    cards: { 'c-secret': { ...secret, quote: { personId: jo, toolId: 'tool-2', area: 'outside' } } },
  };
}

describe("the child's own words in the reports", () => {
  it('words the line by the child and the part of the house, or "a child" once they are gone', () => {
    const { people } = sampleBoard();
    expect(childWordsLine({}, people)).toBeNull();
    expect(childWordsLine({ quote: { personId: jo, toolId: null, area: null } }, people)).toBe(
      '— Jo’s own words',
    );
    expect(childWordsLine({ quote: { personId: jo, toolId: 't', area: 'worries' } }, people)).toBe(
      '— Jo’s own words (from the house of worries)',
    );
    expect(childWordsLine({ quote: { personId: jo, toolId: 't', area: 'roof' } }, {})).toBe(
      '— a child’s own words (from the roof of the Safety House)',
    );
  });

  it('prints the line under each quoted card in the record, its professionals-only card included', async () => {
    const input = recordInput({ board: boardWithChildWords(), restricted: restrictedWithChildWords() });
    const pdf = await extractPdf(await renderRecord(input));
    const text = fullText(pdf);
    expect(text).toContain('I like it when Nain reads to me');
    expect(text).toContain('— Jo’s own words (from the house of good things)');
    expect(text).toContain('— Jo’s own words (from outside the Safety House)');
    // The danger statement's own words, in the map and again beside its goal.
    expect(textLines(pdf).filter((line) => line === '— Jo’s own words')).toHaveLength(2);
  });

  it('prints it in the family summary, from the shared map only', async () => {
    const input = recordInput({ board: boardWithChildWords(), restricted: restrictedWithChildWords() });
    const pdf = await extractPdf(await renderFamilySummary(input));
    const text = fullText(pdf);
    expect(text).toContain('I like it when Nain reads to me');
    expect(text).toContain('— Jo’s own words (from the house of good things)');
    // The danger statement, beside its goal.
    expect(textLines(pdf).filter((line) => line === '— Jo’s own words')).toHaveLength(1);
    expect(text).not.toContain('outside the Safety House');
  });

  it('keeps the words of a child no longer of the case, as a child’s', async () => {
    const board = { ...boardWithChildWords(), people: {} };
    const text = fullText(await extractPdf(await renderFamilySummary(recordInput({ board }))));
    expect(text).toContain('I like it when Nain reads to me');
    expect(text).toContain('— a child’s own words (from the house of good things)');
    expect(text).not.toContain('Jo’s own words');
  });
});
