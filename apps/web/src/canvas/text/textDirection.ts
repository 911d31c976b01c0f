/**
 * Which way a card's text runs, from its first strong character (the rule the Unicode
 * bidirectional algorithm uses for a paragraph): Arabic, Urdu, Hebrew, Syriac, Thaana and N'Ko
 * letters make it right-to-left; Latin (Welsh, Polish…) and other letters left-to-right.
 * Digits, spaces and punctuation are neutral and skipped.
 */
export type TextDirection = 'ltr' | 'rtl';

const RTL =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDEFF]/u;
const STRONG = /\p{L}/u;

export function textDirection(text: string): TextDirection {
  for (const char of text) {
    if (RTL.test(char) && STRONG.test(char)) return 'rtl';
    if (STRONG.test(char)) return 'ltr';
  }
  return 'ltr';
}
