/**
 * Right-to-left text in reports: a small subset of the Unicode bidirectional algorithm (UAX #9)
 * for one paragraph without explicit embeddings — enough for card text in Arabic or Urdu with
 * numbers, punctuation and the odd English word inside, or English with an Arabic name inside.
 *
 * The renderer works in two steps: `resolveLevels` once per paragraph (logical order), then
 * `reorderRuns` per laid-out line, which turns the line's runs into drawing order.
 */

export type Direction = 'ltr' | 'rtl';

/** The classes this subset distinguishes (UAX #9 names). */
type BidiClass = 'L' | 'R' | 'EN' | 'AN' | 'WS' | 'ON';

/** Letters and marks of the scripts written right to left. */
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
const LETTER = /\p{L}/u;
const MARK_OR_JOINER = /[\p{M}\u200C\u200D]/u;
const DIGIT = /\p{Nd}/u;
const SPACE = /\s/u;
/** The first character that belongs to a real script (not Common, Inherited or Unknown). */
const FIRST_SCRIPT_CHAR = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

const LRM = '\u200E';
const RLM = '\u200F';

/** Brackets and quotes that show their mirror image in right-to-left text (UAX #9, L4). */
const MIRRORED: Readonly<Record<string, string>> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
};

function classOf(char: string, previous: BidiClass | null): BidiClass {
  const code = char.charCodeAt(0);
  // ASCII first: most text in most reports, and the regular expressions below are slow.
  if (code < 0x80) {
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 'L';
    if (code >= 0x30 && code <= 0x39) return 'EN';
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return 'WS';
    return 'ON';
  }
  if (char === RLM) return 'R';
  if (char === LRM) return 'L';
  // Combining marks and joiners take the class of what they sit on (W1).
  if (MARK_OR_JOINER.test(char)) return previous ?? 'ON';
  if (DIGIT.test(char)) return RTL_SCRIPT.test(char) ? 'AN' : 'EN';
  if (SPACE.test(char)) return 'WS';
  if (LETTER.test(char)) return RTL_SCRIPT.test(char) ? 'R' : 'L';
  return 'ON';
}

/**
 * The paragraph's direction from its first strong character (UAX #9, P2–P3).
 * @example paragraphDirection('  2024: سلام') // 'rtl'
 */
export function paragraphDirection(text: string): Direction {
  for (const char of text) {
    const bidiClass = classOf(char, null);
    if (bidiClass === 'L') return 'ltr';
    if (bidiClass === 'R') return 'rtl';
  }
  return 'ltr';
}

/** Numbers count as right-to-left when neutrals look at their neighbours (N1). */
function strongOf(bidiClass: BidiClass): 'L' | 'R' | null {
  if (bidiClass === 'L') return 'L';
  if (bidiClass === 'R' || bidiClass === 'AN') return 'R';
  return null;
}

/**
 * The embedding level of each character (by index into `chars`): even runs left to right,
 * odd runs right to left.
 */
export function resolveLevels(chars: readonly string[], direction: Direction): number[] {
  const base: 'L' | 'R' = direction === 'rtl' ? 'R' : 'L';
  const classes: BidiClass[] = [];
  let lastStrong: 'L' | 'R' = base;
  for (const char of chars) {
    let bidiClass = classOf(char, classes.at(-1) ?? null);
    // European digits after right-to-left letters behave as Arabic numbers (W2); after
    // left-to-right letters, as left-to-right text (W7).
    if (bidiClass === 'EN') bidiClass = lastStrong === 'R' ? 'AN' : 'L';
    if (bidiClass === 'L' || bidiClass === 'R') lastStrong = bidiClass;
    classes.push(bidiClass);
  }
  resolveNeutrals(classes, base);
  return classes.map((bidiClass) => levelOf(bidiClass, direction));
}

/** Spaces and punctuation between two strong runs of one direction take it; otherwise the paragraph's (N1, N2). */
function resolveNeutrals(classes: BidiClass[], base: 'L' | 'R'): void {
  let index = 0;
  while (index < classes.length) {
    if (strongOf(classes[index] as BidiClass) !== null) {
      index += 1;
      continue;
    }
    const start = index;
    while (index < classes.length && strongOf(classes[index] as BidiClass) === null) index += 1;
    const before = start === 0 ? base : strongOf(classes[start - 1] as BidiClass);
    const after = index === classes.length ? base : strongOf(classes[index] as BidiClass);
    const resolved = before === after ? (before ?? base) : base;
    for (let i = start; i < index; i += 1) classes[i] = resolved;
  }
}

function levelOf(bidiClass: BidiClass, direction: Direction): number {
  if (direction === 'ltr') return bidiClass === 'R' ? 1 : bidiClass === 'AN' ? 2 : 0;
  return bidiClass === 'R' ? 1 : 2;
}

/** A piece of one line with one level; `T` carries whatever the caller needs (text, font). */
export interface LeveledRun<T> {
  readonly level: number;
  readonly value: T;
}

/**
 * The line's runs in drawing order, left to right (UAX #9, L2): from the highest level down to
 * the lowest odd level, every stretch of runs at that level or higher is reversed. A run's own
 * characters read right to left exactly when its level is odd.
 */
export function reorderRuns<T>(runs: readonly LeveledRun<T>[]): LeveledRun<T>[] {
  const ordered = [...runs];
  const highest = Math.max(0, ...ordered.map((run) => run.level));
  const lowestOdd = ordered.reduce(
    (lowest, run) => (run.level % 2 === 1 ? Math.min(lowest, run.level) : lowest),
    Number.POSITIVE_INFINITY,
  );
  for (let level = highest; level >= lowestOdd; level -= 1) {
    let index = 0;
    while (index < ordered.length) {
      if ((ordered[index] as LeveledRun<T>).level < level) {
        index += 1;
        continue;
      }
      const start = index;
      while (index < ordered.length && (ordered[index] as LeveledRun<T>).level >= level) index += 1;
      const stretch = ordered.slice(start, index).reverse();
      ordered.splice(start, stretch.length, ...stretch);
    }
  }
  return ordered;
}

/** The character shown in right-to-left text: brackets face the other way (L4). */
export function mirrored(char: string): string {
  return MIRRORED[char] ?? char;
}

/**
 * Whether the shaping engine (fontkit) itself reverses this text: it does when the first
 * character of a real script belongs to a right-to-left script, and then it reverses the
 * whole run.
 */
export function shaperReverses(text: string): boolean {
  const first = FIRST_SCRIPT_CHAR.exec(text)?.[0];
  return first !== undefined && RTL_SCRIPT.test(first);
}

/**
 * The string to hand the PDF library so that a run of one level comes out in visual order.
 * The shaper reverses right-to-left scripts on its own (and must see them in logical order to
 * join Arabic letters); anything else at an odd level is reversed here, with mirrored brackets.
 */
export function visualRunText(chars: readonly string[], level: number): string {
  const rightToLeft = level % 2 === 1;
  const logical = rightToLeft ? chars.map(mirrored) : [...chars];
  const text = logical.join('');
  if (shaperReverses(text) === rightToLeft) return text;
  return logical.reverse().join('');
}
