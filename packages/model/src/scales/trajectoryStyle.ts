import type { TrajectoryGroup, TrajectoryLine } from '../history/versionTypes.js';

/**
 * How a trajectory line looks, the same on the web chart and in both PDFs: each person their own
 * colour AND their own dash (so two people stay apart in black and white, and for anyone who
 * does not tell the colours apart); a group's average thick, long-dashed, in its group's colour,
 * with square markers. Plain data: the web draws it as SVG, the reports with PDFKit.
 */

export interface TrajectoryLineStyle {
  readonly color: string;
  /** Dash and gap lengths in line units; empty for a solid line. */
  readonly dash: readonly number[];
  readonly width: number;
  readonly marker: 'circle' | 'square';
}

/** Colours with at least 4.5:1 contrast on white, none of them a group average's colour. */
export const PERSON_COLORS: readonly string[] = [
  '#0369a1',
  '#a21caf',
  '#15803d',
  '#be123c',
  '#4338ca',
  '#c2410c',
  '#0f766e',
  '#7c2d12',
];

/** Five line patterns; with eight colours (coprime) no two of the first 40 people look alike. */
export const PERSON_DASHES: readonly (readonly number[])[] = [
  [],
  [6, 3],
  [2, 2.5],
  [10, 3, 2, 3],
  [4, 2, 1, 2],
];

const GROUP_COLORS: Readonly<Record<TrajectoryGroup, string>> = {
  family: '#b45309',
  network: '#047857',
  professionals: '#1d4ed8',
};
const AVERAGE_DASH: readonly number[] = [12, 5];
const UNKNOWN_GROUP_COLOR = '#4b5563';

function at<T>(list: readonly T[], index: number): T {
  return list[((index % list.length) + list.length) % list.length] as T;
}

/**
 * A line's look from its `kind`, `group` and `series`.
 * @example trajectoryLineStyle({ kind: 'person', series: 1, … }) // { color: '#c2410c', dash: [6, 3], … }
 */
export function trajectoryLineStyle(
  line: Pick<TrajectoryLine, 'kind' | 'group' | 'series'>,
): TrajectoryLineStyle {
  if (line.kind === 'average') {
    const color = line.group === null ? UNKNOWN_GROUP_COLOR : GROUP_COLORS[line.group];
    return { color, dash: AVERAGE_DASH, width: 3.5, marker: 'square' };
  }
  const series = Number.isInteger(line.series) ? line.series : 0;
  return { color: at(PERSON_COLORS, series), dash: at(PERSON_DASHES, series), width: 2, marker: 'circle' };
}
