import { createInstance } from 'i18next';

/** Values for `{name}` placeholders; `count` also picks the plural form (`key_one`, `key_other`…). */
export type MessageVars = Readonly<Record<string, string | number>>;

/** One language's words: message key -> text. Plural forms are separate keys (`key_one`, `key_other`). */
export type Catalogue = Readonly<Record<string, string>>;

export type TextDirection = 'ltr' | 'rtl';

/** Languages written right to left (by their primary subtag), so the page can set `dir`. */
const RIGHT_TO_LEFT = new Set(['ar', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);

function primarySubtag(lang: string): string {
  return lang.split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/** Which way a language is written, for `<html dir>`. */
export function languageDirection(lang: string): TextDirection {
  return RIGHT_TO_LEFT.has(primarySubtag(lang)) ? 'rtl' : 'ltr';
}

/**
 * The available language that best matches a requested tag: the same tag (any case), then the
 * same language without its region ('pt-BR' -> 'pt'); null when none fits.
 */
export function matchLanguage<L extends string>(requested: string, available: readonly L[]): L | null {
  const wanted = requested.trim().replace(/_/g, '-').toLowerCase();
  if (wanted === '') return null;
  const exact = available.find((lang) => lang.toLowerCase() === wanted);
  if (exact) return exact;
  return available.find((lang) => lang.toLowerCase() === primarySubtag(wanted)) ?? null;
}

/**
 * Picks the interface language: `?lang=` in the address first (testers and families can force
 * one), then the browser's preferred languages in order, then `fallback`.
 */
export function chooseLanguage<L extends string>(
  search: string,
  preferred: readonly string[],
  available: readonly L[],
  fallback: L,
): L {
  const fromAddress = new URLSearchParams(search).get('lang');
  for (const requested of [fromAddress ?? '', ...preferred]) {
    const match = matchLanguage(requested, available);
    if (match) return match;
  }
  return fallback;
}

export interface Translator<L extends string> {
  /** The text for `key` in the current language, English (the fallback) when it has none. */
  t(key: string, vars?: MessageVars): string;
  /** Switches language; an unknown language gives the fallback. Returns the language now used. */
  setLanguage(lang: string): L;
  currentLanguage(): L;
  /** True once i18next has finished starting; it is from the start, so the first render has words. */
  isReady(): boolean;
}

/**
 * One i18next instance over the given catalogues, ready at once (no async loading) so the first
 * render and node unit tests both see the words. Placeholders keep the catalogue's `{name}` form;
 * HTML escaping is off because React escapes what it renders.
 */
export function createTranslator<L extends string>(
  resources: Readonly<Record<L, Catalogue>>,
  fallback: NoInfer<L>,
): Translator<L> {
  const languages = Object.keys(resources) as L[];
  const instance = createInstance();
  void instance.init({
    resources: Object.fromEntries(languages.map((lang) => [lang, { translation: resources[lang] }])),
    lng: fallback,
    fallbackLng: fallback,
    initAsync: false,
    // Keys are flat ('scale.title'): dots and colons are part of the key, not a path.
    keySeparator: false,
    nsSeparator: false,
    // An empty translation is treated as missing, so English shows instead of a blank.
    returnEmptyString: false,
    interpolation: { prefix: '{', suffix: '}', escapeValue: false, skipOnVariables: true },
  });
  let current = fallback;
  return {
    t(key, vars) {
      // Values go in `replace` so a placeholder named like an i18next option (lng, context…)
      // is never read as one; `count` is passed on its own to choose the plural form.
      const count = vars?.count;
      return instance.t(key, {
        lng: current,
        replace: vars ?? {},
        ...(typeof count === 'number' ? { count } : {}),
      });
    },
    setLanguage(lang) {
      current = matchLanguage(lang, languages) ?? fallback;
      void instance.changeLanguage(current);
      return current;
    },
    currentLanguage: () => current,
    isReady: () => instance.isInitialized,
  };
}
