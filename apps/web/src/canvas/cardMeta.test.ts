import { describe, expect, it } from 'vitest';
import { cardMetaText } from './cardMeta';

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
