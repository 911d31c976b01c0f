import type { FontSpec, MeasureText } from '../boardMetrics';

/** Wrapping card and heading text to a width, measured through the function the layout is given. */

const WRAP_MEMORY_LIMIT = 10_000;
const wrapMemory = new WeakMap<MeasureText, Map<string, readonly string[]>>();

/**
 * `wrapText`, remembered per measure function. The board is laid out again on every keystroke
 * anyone makes; with this, only the card whose text changed is wrapped again, so a 2,000-card board
 * costs map lookups rather than thousands of text measurements per edit. The result depends only
 * on the arguments, so remembering it keeps layout a pure function.
 */
export function wrapRemembered(
  text: string,
  maxWidth: number,
  font: FontSpec,
  measure: MeasureText,
): readonly string[] {
  let memory = wrapMemory.get(measure);
  if (!memory) {
    memory = new Map();
    wrapMemory.set(measure, memory);
  }
  const key = `${maxWidth}\u0000${font.size}\u0000${font.weight}\u0000${font.style}\u0000${text}`;
  const known = memory.get(key);
  if (known) {
    // Used again: to the back of the line, so what is on the board now is never forgotten first.
    memory.delete(key);
    memory.set(key, known);
    return known;
  }
  const lines = wrapText(text, maxWidth, font, measure);
  // Full: forget the wrapping used longest ago (the words of earlier keystrokes), one at a time;
  // clearing it all would make the next keystroke wrap every card of the board again.
  if (memory.size >= WRAP_MEMORY_LIMIT) memory.delete(memory.keys().next().value as string);
  memory.set(key, lines);
  return lines;
}

/**
 * Greedy word wrap that keeps the writer's line breaks and splits words longer than a line,
 * so no line is ever wider than `maxWidth` (unless a single character is).
 */
export function wrapText(text: string, maxWidth: number, font: FontSpec, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate, font) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (line.length > 1 && measure(line, font) > maxWidth) {
        const cut = longestFittingPrefix(line, maxWidth, font, measure);
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

function longestFittingPrefix(word: string, maxWidth: number, font: FontSpec, measure: MeasureText): number {
  // Binary search: a pasted 20,000-character token must not cost one measure per character.
  let low = 1;
  let high = word.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(word.slice(0, mid), font) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * `text` cut to fit `maxWidth` on one line, ending in "…" when cut (whole characters only);
 * empty when not even the ellipsis fits.
 */
export function fitText(text: string, maxWidth: number, font: FontSpec, measure: MeasureText): string {
  if (measure(text, font) <= maxWidth) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${chars.slice(0, mid).join('')}…`, font) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  const cut = `${chars.slice(0, low).join('')}…`;
  return measure(cut, font) <= maxWidth ? cut : '';
}
