import bidiModule from 'bidi-js';

/**
 * Right-to-left text in reports: the Unicode bidirectional algorithm (UAX #9) from `bidi-js`,
 * behind the few functions the layout needs — card text in Arabic or Urdu with numbers,
 * punctuation and the odd English word inside, or English with an Arabic name inside.
 *
 * The renderer works in two steps: `resolveLevels` once per paragraph (logical order), then
 * `reorderRuns` per laid-out line, which turns the line's runs into drawing order.
 */

export type Direction = 'ltr' | 'rtl';

// bidi-js is CommonJS (`module.exports = bidiFactory`) typed as an ES module's default export:
// imported from ESM, the default *is* the factory, which TypeScript reads as `.default`.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

/** Letters and marks of the scripts written right to left (what fontkit reverses when shaping). */
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
/** The first character that belongs to a real script (not Common, Inherited or Unknown). */
const FIRST_SCRIPT_CHAR = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/**
 * The paragraph's direction from its first strong character (UAX #9, P2–P3); left to right
 * when it has none.
 * @example paragraphDirection('  2024: سلام') // 'rtl'
 */
export function paragraphDirection(text: string): Direction {
  const level = bidi.getEmbeddingLevels(text, 'auto').paragraphs[0]?.level ?? 0;
  return level % 2 === 1 ? 'rtl' : 'ltr';
}

/**
 * The embedding level of each character (by index into `chars`, one code point each): even
 * runs left to right, odd runs right to left.
 */
export function resolveLevels(chars: readonly string[], direction: Direction): number[] {
  // bidi-js counts UTF-16 code units; a character outside the BMP takes its first unit's level.
  const { levels } = bidi.getEmbeddingLevels(chars.join(''), direction);
  const result: number[] = [];
  let unit = 0;
  for (const char of chars) {
    result.push(levels[unit] ?? 0);
    unit += char.length;
  }
  return result;
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

/** The character shown in right-to-left text: brackets and other paired signs face the other way (L4). */
export function mirrored(char: string): string {
  return bidi.getMirroredCharacter(char) ?? char;
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
