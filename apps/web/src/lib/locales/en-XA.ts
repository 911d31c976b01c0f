import type { Catalogue } from '../i18n';

/**
 * Pseudo-English ('en-XA', open with `?lang=en-XA`): every catalogue string in brackets with its
 * letters accented, e.g. "[Àðð çàŕð]". Text on screen that is NOT like this was written straight
 * into a component and will never be translated; a cut-off bracket shows text that does not fit.
 * Placeholders such as `{name}` are kept as they are so values still fill in.
 */
const ACCENTED: Readonly<Record<string, string>> = {
  a: 'à',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  w: 'ŵ',
  y: 'ý',
  z: 'ž',
  A: 'À',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  K: 'Ķ',
  L: 'Ļ',
  N: 'Ñ',
  O: 'Ö',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  W: 'Ŵ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Splits out `{placeholder}` tokens, which must reach the translator unchanged. */
const PLACEHOLDER = /(\{\w+\})/;

export function pseudoLocaliseText(text: string): string {
  const parts = text
    .split(PLACEHOLDER)
    .map((part) =>
      PLACEHOLDER.test(part) ? part : part.replace(/[A-Za-z]/g, (letter) => ACCENTED[letter] ?? letter),
    );
  return `[${parts.join('')}]`;
}

/** The pseudo-English catalogue for a catalogue (same keys, including plural forms). */
export function pseudoLocalise(catalogue: Catalogue): Record<string, string> {
  return Object.fromEntries(Object.entries(catalogue).map(([key, text]) => [key, pseudoLocaliseText(text)]));
}
