import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pseudoLocaliseText } from './locales/en-XA';
import {
  currentLanguage,
  LANGUAGES,
  loadOnDemandWords,
  messageKeys,
  resources,
  setLanguage,
  t,
} from './messages';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

// Every word, the on-demand views' included.
beforeAll(() => loadOnDemandWords());

afterEach(() => {
  setLanguage('en');
});

describe('t', () => {
  it('returns the English text for a key', () => {
    expect(t('category.dangerStatement')).toBe('Danger statements');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('join.role', { role: 'Family' })).toBe('You are joining as: Family');
    expect(t('join.role')).toBe('You are joining as: {role}');
  });

  it('does not HTML-escape values, because React escapes what it renders', () => {
    expect(t('participants.you', { name: 'Sam & <Jo>' })).toBe('Sam & <Jo> (you)');
  });

  it('never reads a placeholder value as a translator option', () => {
    expect(t('map.followPerson', { name: 'Sam', role: 'Family', lng: 'en-XA' })).toBe('Sam (Family)');
  });

  it('picks the singular or plural form from count', () => {
    expect(t('scale.scoredCount', { count: 1, total: 5 })).toBe('1 of 5 has scored');
    expect(t('scale.scoredCount', { count: 3, total: 5 })).toBe('3 of 5 have scored');
    expect(t('scale.scoredCount', { count: 0, total: 2 })).toBe('0 of 2 have scored');
    expect(t('card.suggestions', { count: 1 })).toBe('1 suggested change');
    expect(t('card.suggestions', { count: 4 })).toBe('4 suggested changes');
    expect(t('card.agree', { count: 3 })).toBe('Agree 3');
  });

  it('never names the trademarked method in the interface', () => {
    expect(messageKeys().length).toBeGreaterThan(50);
    for (const key of messageKeys()) {
      expect(t(key, { count: 2 }).toLowerCase()).not.toContain('signs of safety');
    }
  });
});

describe('the English catalogue', () => {
  it('has a non-empty text for every key', () => {
    for (const [key, text] of Object.entries(resources.en)) expect(text.trim(), key).not.toBe('');
  });

  it('lists each message once under its base key, never under a plural form', () => {
    expect(messageKeys()).toContain('scale.scoredCount');
    expect(messageKeys().filter((key) => /_(one|other)$/.test(key))).toEqual([]);
    expect(new Set(messageKeys()).size).toBe(messageKeys().length);
  });

  it('gives every plural message both forms, with the same placeholders', () => {
    const catalogue: Readonly<Record<string, string>> = resources.en;
    const plurals = Object.keys(catalogue).filter((key) => key.endsWith('_other'));
    expect(plurals.length).toBeGreaterThanOrEqual(4);
    for (const other of plurals) {
      const one = other.replace(/_other$/, '_one');
      expect(catalogue[one], one).toBeDefined();
      expect(placeholders(catalogue[one] ?? ''), one).toEqual(placeholders(catalogue[other] ?? ''));
      expect(placeholders(catalogue[other] ?? ''), other).toContain('count');
    }
  });
});

describe('languages', () => {
  it('offers English and the pseudo-English test language', () => {
    expect(LANGUAGES).toEqual(['en', 'en-XA']);
    expect(currentLanguage()).toBe('en');
  });

  it('switches every message to the chosen language', () => {
    expect(setLanguage('en-XA')).toBe('en-XA');
    expect(currentLanguage()).toBe('en-XA');
    expect(t('category.harm')).toBe('[Ĥàŕɱ]');
    setLanguage('en');
    expect(t('category.harm')).toBe('Harm');
  });

  it('keeps placeholders and plural forms working in another language', () => {
    setLanguage('en-XA');
    expect(t('participants.you', { name: 'Sam' })).toBe(`[Sam ${'(ýöû)'}]`);
    expect(t('card.suggestions', { count: 1 })).toBe(pseudoLocaliseText('1 suggested change'));
    expect(t('card.suggestions', { count: 2 })).toBe(pseudoLocaliseText('2 suggested changes'));
  });

  it('falls back to English for an unknown language', () => {
    expect(setLanguage('xx-YY')).toBe('en');
    expect(t('category.harm')).toBe('Harm');
  });

  it('matches a language with a region to the language without it, in any case', () => {
    expect(setLanguage('EN-gb')).toBe('en');
    expect(setLanguage('en-xa')).toBe('en-XA');
  });
});

describe('pseudoLocaliseText', () => {
  it('brackets and accents the words but keeps placeholders as they are', () => {
    expect(pseudoLocaliseText('Add a card to {category}')).toBe('[Àðð à çàŕð ţö {category}]');
  });
});
