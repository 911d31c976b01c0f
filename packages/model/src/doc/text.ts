/** One splice: delete `deleteCount` UTF-16 code units at `index`, then insert `insert` there. */
export interface TextEdit {
  readonly index: number;
  readonly deleteCount: number;
  readonly insert: string;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single splice that turns `before` into `after`: common prefix and suffix are
 * kept. Boundaries never fall inside a surrogate pair, so an emoji (or any astral character)
 * is replaced whole; Yjs would otherwise store half a character and replicas could diverge.
 * @example textDiff('cat', 'cart') // { index: 2, deleteCount: 0, insert: 'r' }
 */
export function textDiff(before: string, after: string): TextEdit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;

  const room = shorter - start;
  let end = 0;
  while (
    end < room &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++;
  }
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;

  return {
    index: start,
    deleteCount: before.length - start - end,
    insert: after.slice(start, after.length - end),
  };
}

/** Applies a splice to a plain string (the pure twin of applying it to a Y.Text). */
export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.index) + edit.insert + text.slice(edit.index + edit.deleteCount);
}

/** True when `index` falls between the two halves of a surrogate pair in `text`. */
export function splitsSurrogatePair(text: string, index: number): boolean {
  return (
    index > 0 &&
    index < text.length &&
    isHighSurrogate(text.charCodeAt(index - 1)) &&
    isLowSurrogate(text.charCodeAt(index))
  );
}

/**
 * False when `text` holds an unpaired surrogate. Such strings cannot round-trip through
 * UTF-8 (Yjs's encoding) unchanged, so they are refused at the door.
 */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHighSurrogate(code)) {
      if (!isLowSurrogate(text.charCodeAt(i + 1))) return false;
      i++;
    } else if (isLowSurrogate(code)) {
      return false;
    }
  }
  return true;
}

/** `text` with every unpaired surrogate replaced by U+FFFD (what a UTF-8 round trip would give). */
export function toWellFormed(text: string): string {
  if (isWellFormedText(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
      out += text.slice(i, i + 2);
      i++;
    } else {
      out += isHighSurrogate(code) || isLowSurrogate(code) ? '\ufffd' : text[i];
    }
  }
  return out;
}

/** At most `max` code units of `text`, never ending inside a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = max > 0 && isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return text.slice(0, cut);
}
