import { describe, expect, it } from 'vitest';
import { chooseLanguage, createTranslator, languageDirection, matchLanguage } from './i18n';

const english = {
  greeting: 'Hello {name}',
  'people.count_one': '{count} person',
  'people.count_other': '{count} people',
  'only.english': 'Only in English',
};
const test = {
  greeting: 'Hallo {name}',
  'people.count_one': '{count} Person',
  'people.count_other': '{count} Leute',
  'only.english': '',
};

describe('createTranslator', () => {
  it('is ready at once, without waiting for anything to load', () => {
    const translator = createTranslator({ en: english }, 'en');
    expect(translator.isReady()).toBe(true);
    expect(translator.t('greeting', { name: 'Sam' })).toBe('Hello Sam');
  });

  it('uses a registered language and falls back to English for its missing or empty keys', () => {
    const translator = createTranslator({ en: english, de: test }, 'en');
    expect(translator.setLanguage('de')).toBe('de');
    expect(translator.t('greeting', { name: 'Sam' })).toBe('Hallo Sam');
    expect(translator.t('people.count', { count: 1 })).toBe('1 Person');
    expect(translator.t('people.count', { count: 7 })).toBe('7 Leute');
    expect(translator.t('only.english')).toBe('Only in English');
  });

  it('keeps each translator separate', () => {
    const first = createTranslator({ en: english, de: test }, 'en');
    const second = createTranslator({ en: { greeting: 'Hi {name}' } }, 'en');
    first.setLanguage('de');
    expect(second.currentLanguage()).toBe('en');
    expect(second.t('greeting', { name: 'Jo' })).toBe('Hi Jo');
    first.setLanguage('en');
    expect(first.t('greeting', { name: 'Jo' })).toBe('Hello Jo');
  });
});

describe('createTranslator plural forms and placeholders', () => {
  it('picks the language’s own plural category, and a zero form for 0 when there is one', () => {
    const polish = {
      'files.count_one': '{count} plik',
      'files.count_few': '{count} pliki',
      'files.count_many': '{count} plików',
      'files.count_other': '{count} pliku',
    };
    const english = {
      'files.count_zero': 'No files',
      'files.count_one': 'One file',
      'files.count_other': '{count} files',
    };
    const translator = createTranslator({ en: english, pl: polish }, 'en');
    expect(translator.t('files.count', { count: 0 })).toBe('No files');
    expect(translator.t('files.count', { count: 1 })).toBe('One file');
    expect(translator.t('files.count', { count: 2 })).toBe('2 files');
    translator.setLanguage('pl');
    expect(translator.t('files.count', { count: 1 })).toBe('1 plik');
    expect(translator.t('files.count', { count: 3 })).toBe('3 pliki');
    expect(translator.t('files.count', { count: 5 })).toBe('5 plików');
    expect(translator.t('files.count', { count: 1.5 })).toBe('1.5 pliku');
  });

  it('fills each placeholder once: a value that looks like a placeholder stays as typed', () => {
    const translator = createTranslator({ en: { pair: '{a} and {b}', spaced: 'Hi { name }' } }, 'en');
    expect(translator.t('pair', { a: '{b}', b: 'Jo' })).toBe('{b} and Jo');
    expect(translator.t('pair', { a: 'Sam' })).toBe('Sam and {b}');
    expect(translator.t('spaced', { name: 'Sam' })).toBe('Hi Sam');
    expect(translator.t('missing.key')).toBe('missing.key');
    expect(translator.t('toString')).toBe('toString');
  });
});

describe('matchLanguage', () => {
  it('prefers the exact tag, then the language without its region, else nothing', () => {
    expect(matchLanguage('pt-BR', ['pt', 'pt-BR'])).toBe('pt-BR');
    expect(matchLanguage('pt_PT', ['en', 'pt'])).toBe('pt');
    expect(matchLanguage('fr', ['en'])).toBeNull();
    expect(matchLanguage('', ['en'])).toBeNull();
  });
});

describe('chooseLanguage', () => {
  const available = ['en', 'en-XA', 'cy'] as const;

  it('takes ?lang= before the browser’s languages', () => {
    expect(chooseLanguage('?lang=en-XA', ['cy'], available, 'en')).toBe('en-XA');
  });

  it('takes the first browser language it has when the address names none it has', () => {
    expect(chooseLanguage('?lang=zz', ['fr-FR', 'cy-GB', 'en'], available, 'en')).toBe('cy');
    expect(chooseLanguage('', ['cy'], available, 'en')).toBe('cy');
  });

  it('falls back to English when nothing matches', () => {
    expect(chooseLanguage('?projector', ['fr', 'de'], available, 'en')).toBe('en');
  });
});

describe('languageDirection', () => {
  it('writes Arabic, Urdu, Hebrew and Persian right to left, and others left to right', () => {
    for (const lang of ['ar', 'ur-PK', 'he', 'fa-IR']) expect(languageDirection(lang)).toBe('rtl');
    for (const lang of ['en', 'en-XA', 'pl', 'arn']) expect(languageDirection(lang)).toBe('ltr');
  });
});
