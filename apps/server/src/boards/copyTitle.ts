import { LIMITS } from '@kinmap/model';

/**
 * The title of an imported board that would otherwise repeat one the importer already sees in
 * their board list: "Title (copy)", then "Title (copy 2)", "(copy 3)"… The source part is cut (by
 * code point, never splitting a surrogate pair) so the whole stays within the model's title limit.
 * @example copyTitle('Family map', new Set(['Family map'])) // 'Family map (copy)'
 */
export function copyTitle(title: string, taken: ReadonlySet<string>, max: number = LIMITS.title): string {
  if (!taken.has(title)) return title;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const room = Math.max(0, max - suffix.length);
    let base = '';
    for (const ch of title) {
      if (base.length + ch.length > room) break;
      base += ch;
    }
    const candidate = `${base.trimEnd()}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
