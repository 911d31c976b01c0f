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
  /** Always true: the catalogues are in memory from the start, so the first render has words. */
  isReady(): boolean;
}

/** `{name}` placeholders (spaces inside the braces allowed). */
const PLACEHOLDER = /\{\s*([^{}\s]+)\s*\}/g;

/**
 * Fills `{name}` placeholders in one pass: a value is never read again (a name that contains
 * `{x}` stays as typed), and a placeholder without a value stays visible. No HTML escaping:
 * React escapes what it renders.
 */
function fill(text: string, vars: MessageVars | undefined): string {
  if (!vars) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/**
 * A translator over the given catalogues, ready at once (nothing loads), so the first render and
 * node unit tests both see the words. Plural forms are CLDR categories from the browser's own
 * `Intl.PluralRules` (`key_one`, `key_few`, `key_other`…; `key_zero` for a count of 0 when the
 * catalogue has it). An empty or missing text falls back to the fallback language, then to the key.
 * Our own ~40 lines instead of i18next: it cost 15 KB gzip on a board's first load (issue 13), and
 * the app uses none of i18next's loading, namespaces, nesting or formatting.
 */
export function createTranslator<L extends string>(
  resources: Readonly<Record<L, Catalogue>>,
  fallback: NoInfer<L>,
): Translator<L> {
  const languages = Object.keys(resources) as L[];
  const pluralRules = new Map<L, Intl.PluralRules>();
  const pluralCategory = (lang: L, count: number): string => {
    let rules = pluralRules.get(lang);
    if (!rules) {
      rules = new Intl.PluralRules(Intl.PluralRules.supportedLocalesOf(lang).length > 0 ? lang : 'en');
      pluralRules.set(lang, rules);
    }
    return rules.select(count);
  };
  const lookup = (lang: L, key: string, count: number | undefined): string | undefined => {
    const catalogue = resources[lang];
    const candidates =
      count === undefined
        ? [key]
        : [
            ...(count === 0 ? [`${key}_zero`] : []),
            `${key}_${pluralCategory(lang, count)}`,
            key,
            `${key}_other`,
          ];
    for (const candidate of candidates) {
      const text = Object.hasOwn(catalogue, candidate) ? catalogue[candidate] : undefined;
      if (text) return text;
    }
    return undefined;
  };
  let current = fallback;
  return {
    t(key, vars) {
      const count = typeof vars?.count === 'number' ? vars.count : undefined;
      return fill(lookup(current, key, count) ?? lookup(fallback, key, count) ?? key, vars);
    },
    setLanguage(lang) {
      current = matchLanguage(lang, languages) ?? fallback;
      return current;
    },
    currentLanguage: () => current,
    isReady: () => true,
  };
}
