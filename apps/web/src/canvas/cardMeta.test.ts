import type { PersonId } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { cardMetaText, quoteText } from './cardMeta';

describe('cardMetaText', () => {
  it('counts agreement and disagreement marks', () => {
    expect(cardMetaText({ marks: { a: 'agree', b: 'agree', c: 'dispute' }, professionalsOnly: false })).toBe(
      'Agree 2  ·  Disagree 1',
    );
  });

  it('says when a card is for professionals only, and is empty without marks', () => {
    expect(cardMetaText({ marks: {}, professionalsOnly: true })).toBe('Professionals only');
    expect(cardMetaText({ marks: {}, professionalsOnly: false })).toBe('');
  });
});

describe('quoteText ([AC52])', () => {
  const jo = 'jo' as PersonId;
  const people = { [jo]: { name: 'Jo' }, constructor: { name: 'Con' } };

  it('names the child and, when known, the part of the house the words came from', () => {
    expect(quoteText({ quote: { personId: jo, toolId: null, area: null } }, people)).toBe('Jo’s words');
    expect(quoteText({ quote: { personId: jo, toolId: 't', area: 'worries' } }, people)).toBe(
      'Jo’s words, from the house of worries',
    );
    expect(quoteText({ quote: { personId: jo, toolId: 't', area: 'inside' } }, people)).toBe(
      'Jo’s words, from inside the Safety House',
    );
  });

  it('says "a child" for a child no longer of the case, and nothing for a card that quotes nobody', () => {
    const gone = 'gone' as PersonId;
    expect(quoteText({ quote: { personId: gone, toolId: null, area: null } }, people)).toBe(
      'A child’s words',
    );
    expect(
      quoteText({ quote: { personId: 'toString' as PersonId, toolId: 't', area: 'dreams' } }, people),
    ).toBe('A child’s words, from the house of dreams');
    expect(quoteText({ quote: { personId: jo, toolId: null, area: null } })).toBe('A child’s words');
    expect(quoteText({}, people)).toBe('');
  });
});
