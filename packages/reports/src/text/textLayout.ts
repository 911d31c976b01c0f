import {
  type Direction,
  type LeveledRun,
  paragraphDirection,
  reorderRuns,
  resolveLevels,
  shaperReverses,
  visualRunText,
} from './bidi.js';
import { FACE_METRICS, type Face, faceOfChar, type Weight } from './fonts.js';

/**
 * Lines of text for a PDF, decided before anything is drawn: paragraphs are split into words,
 * words fill lines up to a width, and each line becomes runs of one font and one direction in
 * drawing order. Pure apart from `measure`, which the caller binds to the document's fonts.
 */

export interface TextStyle {
  readonly size: number;
  readonly weight: Weight;
}

/**
 * The width in points of `text` in one face at `size`. `wholeRun` asks for the text shaped as
 * one run (how right-to-left runs are drawn) rather than word by word.
 */
export type Measure = (text: string, face: Face, style: TextStyle, wholeRun: boolean) => number;

/** A piece of a line drawn with one call: one font, one direction. */
export interface PlacedRun {
  /** The text as handed to the PDF library (see `visualRunText`). */
  readonly text: string;
  readonly face: Face;
  /** From the line's left edge, in points. */
  readonly x: number;
  readonly width: number;
  /** Shape it as one run (a right-to-left script); otherwise the library shapes word by word. */
  readonly wholeRun: boolean;
  /** Its characters in reading order, as written (for a text layer over outlines). */
  readonly logical: string;
  /** Read right to left (an odd bidi level): its characters sit on the page in reverse. */
  readonly rightToLeft: boolean;
}

export interface TextLine {
  readonly runs: readonly PlacedRun[];
  readonly width: number;
  /** Its paragraph's direction: right-to-left lines are aligned right. */
  readonly direction: Direction;
  /** Room above and below the baseline, in points. */
  readonly ascent: number;
  readonly descent: number;
}

const SPACE = /\s/u;
const MARK = /[\p{M}\u200C\u200D]/u;
/** Control characters other than the line break draw as boxes: left out. */
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

/** Line breaks normalised, tabs as spaces, control characters removed, composed (NFC). */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '  ')
    .replace(CONTROL, (char) => (char === '\n' ? '\n' : char === '\u2028' || char === '\u2029' ? '\n' : ''))
    .normalize('NFC');
}

/**
 * Lays `text` out in lines no wider than `width` (a word longer than a line is split).
 * Every paragraph (`\n`) starts a line; an empty paragraph is an empty line.
 */
export function layoutText(
  text: string,
  options: { readonly width: number; readonly style: TextStyle; readonly measure: Measure },
): TextLine[] {
  return cleanText(text)
    .split('\n')
    .flatMap((paragraph) => layoutParagraph(Array.from(paragraph), options));
}

function layoutParagraph(
  chars: readonly string[],
  options: { readonly width: number; readonly style: TextStyle; readonly measure: Measure },
): TextLine[] {
  const direction = paragraphDirection(chars.join(''));
  if (chars.length === 0) return [emptyLine(direction, options.style)];
  const levels = resolveLevels(chars, direction);
  const faces = resolveFaces(chars);
  const measureRange = (start: number, end: number): number =>
    splitByFace(chars, faces, start, end).reduce(
      (sum, run) => sum + options.measure(run.text, run.face, options.style, false),
      0,
    );
  return breakLines(chars, options.width, measureRange).map(([start, end]) =>
    buildLine(chars, levels, faces, start, end, direction, options),
  );
}

/** Neutral characters (spaces, marks) take the face around them so runs do not split needlessly. */
function resolveFaces(chars: readonly string[]): Face[] {
  const own = chars.map(faceOfChar);
  return own.map((face, index) => {
    if (face !== null) return face;
    const char = chars[index] as string;
    if (MARK.test(char)) return findFace(own, index, -1) ?? 'latin';
    const before = findFace(own, index, -1);
    const after = findFace(own, index, 1);
    return before !== null && before === after ? before : 'latin';
  });
}

function findFace(faces: readonly (Face | null)[], from: number, step: 1 | -1): Face | null {
  for (let index = from + step; index >= 0 && index < faces.length; index += step) {
    const face = faces[index];
    if (face !== null && face !== undefined) return face;
  }
  return null;
}

function splitByFace(
  chars: readonly string[],
  faces: readonly Face[],
  start: number,
  end: number,
): { text: string; face: Face }[] {
  const runs: { text: string; face: Face }[] = [];
  for (let index = start; index < end; index += 1) {
    const face = faces[index] as Face;
    const last = runs.at(-1);
    if (last !== undefined && last.face === face) last.text += chars[index];
    else runs.push({ text: chars[index] as string, face });
  }
  return runs;
}

/**
 * Greedy line filling at spaces: [start, end) ranges of `chars`, trailing spaces left out.
 * A word wider than the line is cut between characters (never between a letter and its marks).
 */
function breakLines(
  chars: readonly string[],
  width: number,
  measureRange: (start: number, end: number) => number,
): [number, number][] {
  const lines: [number, number][] = [];
  let lineStart = -1;
  let lineEnd = -1;
  let lineWidth = 0;
  let index = 0;
  while (index < chars.length) {
    const gapStart = index;
    while (index < chars.length && SPACE.test(chars[index] as string)) index += 1;
    const wordStart = index;
    while (index < chars.length && !SPACE.test(chars[index] as string)) index += 1;
    if (wordStart === index) break; // only trailing spaces left
    const wordWidth = measureRange(wordStart, index);
    if (lineStart >= 0) {
      const withGap = lineWidth + measureRange(gapStart, wordStart) + wordWidth;
      if (withGap <= width) {
        lineEnd = index;
        lineWidth = withGap;
        continue;
      }
      lines.push([lineStart, lineEnd]);
    }
    // The word starts a line (leading spaces of the paragraph stay on its first line).
    const from = lines.length === 0 && lineStart < 0 ? gapStart : wordStart;
    const pieces =
      from === wordStart && wordWidth <= width
        ? [[wordStart, index] as [number, number]]
        : cutWord(chars, from, index, width, measureRange);
    lines.push(...pieces.slice(0, -1));
    const last = pieces.at(-1) as [number, number];
    [lineStart, lineEnd] = last;
    lineWidth = measureRange(lineStart, lineEnd);
  }
  if (lineStart >= 0) lines.push([lineStart, lineEnd]);
  if (lines.length === 0) lines.push([0, 0]);
  return lines;
}

function cutWord(
  chars: readonly string[],
  start: number,
  end: number,
  width: number,
  measureRange: (start: number, end: number) => number,
): [number, number][] {
  if (measureRange(start, end) <= width) return [[start, end]];
  const pieces: [number, number][] = [];
  let pieceStart = start;
  let pieceWidth = 0;
  for (let index = start; index < end; index += 1) {
    // Per-character widths: a close enough estimate for cutting an overlong word.
    const charWidth = measureRange(index, index + 1);
    const keepWithPrevious = MARK.test(chars[index] as string);
    if (pieceWidth + charWidth > width && index > pieceStart && !keepWithPrevious) {
      pieces.push([pieceStart, index]);
      pieceStart = index;
      pieceWidth = 0;
    }
    pieceWidth += charWidth;
  }
  pieces.push([pieceStart, end]);
  return pieces;
}

interface RunPiece {
  readonly chars: string[];
  readonly face: Face;
}

function buildLine(
  chars: readonly string[],
  levels: readonly number[],
  faces: readonly Face[],
  start: number,
  end: number,
  direction: Direction,
  options: { readonly style: TextStyle; readonly measure: Measure },
): TextLine {
  const logical: LeveledRun<RunPiece>[] = [];
  for (let index = start; index < end; index += 1) {
    const level = levels[index] as number;
    const face = faces[index] as Face;
    const last = logical.at(-1);
    if (last !== undefined && last.level === level && last.value.face === face) {
      last.value.chars.push(chars[index] as string);
    } else {
      logical.push({ level, value: { chars: [chars[index] as string], face } });
    }
  }
  let x = 0;
  const runs: PlacedRun[] = reorderRuns(logical).map(({ level, value }) => {
    const text = visualRunText(value.chars, level);
    const wholeRun = shaperReverses(text);
    const width = options.measure(text, value.face, options.style, wholeRun);
    const run = {
      text,
      face: value.face,
      x,
      width,
      wholeRun,
      logical: value.chars.join(''),
      rightToLeft: level % 2 === 1,
    };
    x += width;
    return run;
  });
  const lineFaces = runs.length > 0 ? runs.map((run) => run.face) : (['latin'] as Face[]);
  return {
    runs,
    width: x,
    direction,
    ascent: Math.max(...lineFaces.map((face) => FACE_METRICS[face].ascent)) * options.style.size,
    descent: Math.max(...lineFaces.map((face) => FACE_METRICS[face].descent)) * options.style.size,
  };
}

function emptyLine(direction: Direction, style: TextStyle): TextLine {
  return {
    runs: [],
    width: 0,
    direction,
    ascent: FACE_METRICS.latin.ascent * style.size,
    descent: FACE_METRICS.latin.descent * style.size,
  };
}

/** The height a line takes in a paragraph, gap included. */
export function lineHeight(line: TextLine, style: TextStyle): number {
  return line.ascent + line.descent + style.size * 0.12;
}
