import { type BoardState, medianScore, type ScaleState } from '@kinmap/model';
import { t } from '../../lib/messages';
import { markersFor, type ScaleMarker, scoredCount } from './scaleRows';

/**
 * What the compact scale in the map's worries-and-goals row shows, as plain data. It reuses the
 * Scaling view's helpers (`markersFor`, `scoredCount`, its messages) so the two views never
 * disagree about who has scored.
 */

/** The deepest stack of markers drawn at one value; more people at that value show as "+n". */
export const MAX_MARKER_DEPTH = 4;

export interface AnalysisScaleSummary {
  /** The markers to draw (revealed scales only; a private scale's values are not in the document). */
  readonly markers: readonly ScaleMarker[];
  /** For each value 0–10, how many people chose it but are not drawn (beyond `MAX_MARKER_DEPTH`). */
  readonly overflow: ReadonlyMap<number, number>;
  /** One line under the scale: the private count, or the middle score and the count. */
  readonly status: string;
}

/**
 * How many markers deep the scale is drawn: the layout reserves room for it. 0 for a private scale
 * (nothing is drawn) or when nobody has scored.
 */
export function markerDepth(scale: ScaleState | undefined): number {
  if (scale?.mode !== 'revealed') return 0;
  const perValue = new Map<number, number>();
  let deepest = 0;
  for (const rating of Object.values(scale.ratings)) {
    const n = (perValue.get(rating.value) ?? 0) + 1;
    perValue.set(rating.value, n);
    deepest = Math.max(deepest, n);
  }
  return Math.min(MAX_MARKER_DEPTH, deepest);
}

/**
 * The compact scale's contents. Private: only "N of M have scored" (the values live on the server
 * and must not be hinted at, not even this person's own). Revealed: a marker per rating and the middle score.
 */
export function summariseScale(scale: ScaleState, board: BoardState): AnalysisScaleSummary {
  if (scale.mode === 'private') {
    const { scored, total } = scoredCount(scale, board);
    const progress = t('scale.scoredCount', { count: scored, total });
    return { markers: [], overflow: new Map(), status: t('analysis.private', { progress }) };
  }
  const raters = Object.keys(scale.ratings).sort();
  // The same count as the Scaling view's, with the revealed ratings standing for "who has scored".
  const { total } = scoredCount({ ...scale, scored: raters }, board);
  const all = markersFor(scale, board, '', null, t('scale.someone'));
  const overflow = new Map<number, number>();
  for (const marker of all) {
    if (marker.stack >= MAX_MARKER_DEPTH) overflow.set(marker.value, (overflow.get(marker.value) ?? 0) + 1);
  }
  const median = medianScore(all.map((marker) => marker.value));
  const progress = t('scale.scoredCount', { count: raters.length, total });
  return {
    markers: all.filter((marker) => marker.stack < MAX_MARKER_DEPTH),
    overflow,
    status: median === null ? t('scale.nobodyYet') : t('analysis.median', { median, progress }),
  };
}

/** The letter drawn in a marker: the first character of the name (a whole emoji or accented letter). */
export function nameInitial(name: string): string {
  const first = Array.from(name.trim())[0];
  return first ? first.toLocaleUpperCase() : '?';
}

/**
 * A person's initials for their sticky notes: the first letter of the first and last words
 * ("Ann Smith" → "AS"), whole characters (emoji, accents), at most two; "?" for no name.
 */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const first = words[0];
  if (!first) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (w: string) => (Array.from(w)[0] ?? '').toLocaleUpperCase();
  return last ? `${letter(first)}${letter(last)}` : letter(first);
}
