import {
  type Trajectory,
  type TrajectoryLine,
  type TrajectoryScale,
  trajectoryLineStyle,
} from '@kinmap/model';

/**
 * Where everything of one trajectory chart goes, as plain data: the SVG component draws it and
 * the unit tests read it. The meetings sit evenly along the x axis in the order they happened
 * (meetings weeks or months apart read better evenly spaced than to scale), the 0–10 scale
 * goes up the y axis.
 */

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Room around the plot for the axis labels. */
  readonly padding: {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
  };
}

export const CHART_BOX: ChartBox = {
  width: 640,
  height: 300,
  padding: { top: 16, right: 24, bottom: 56, left: 40 },
};

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
  readonly value: number;
  /** Index into the trajectory's moments. */
  readonly moment: number;
}

export interface LineStyle {
  readonly color: string;
  readonly width: number;
  /** SVG `stroke-dasharray`; '' for a solid line. */
  readonly dash: string;
  readonly marker: 'circle' | 'square';
}

export interface ChartLine {
  readonly key: string;
  readonly line: TrajectoryLine;
  readonly style: LineStyle;
  /** One marker per moment that has a score. */
  readonly points: readonly ChartPoint[];
  /** SVG path data joining consecutive scored moments; a moment without a score breaks the line. */
  readonly path: string;
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly xTicks: readonly { readonly x: number; readonly moment: number }[];
  readonly yTicks: readonly { readonly y: number; readonly value: number }[];
  readonly lines: readonly ChartLine[];
}

export interface ChartFilter {
  /** Show one line per person. */
  readonly people: boolean;
  /** Show the mean line of each group. */
  readonly groups: boolean;
}

/** A group's average line (`kind: 'average'`); a person's line names their group too, for the grouping. */
export function isGroupLine(line: TrajectoryLine): boolean {
  return line.kind === 'average';
}

/**
 * Each person their own colour and dash (the same in every chart and in the PDFs); a group's
 * average thick, long-dashed, in its group's colour, with square markers (model trajectoryStyle.ts).
 */
export function lineStyle(line: TrajectoryLine): LineStyle {
  const style = trajectoryLineStyle(line);
  return { color: style.color, width: style.width, dash: style.dash.join(' '), marker: style.marker };
}

/** The lines a filter lets through, people first then groups, each in the server's order. */
export function shownLines(scale: TrajectoryScale, filter: ChartFilter): TrajectoryLine[] {
  const people = filter.people ? scale.lines.filter((l) => !isGroupLine(l)) : [];
  const groups = filter.groups ? scale.lines.filter(isGroupLine) : [];
  return [...people, ...groups];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The x of moment `i` of `count`: evenly spaced, a single moment in the middle. */
export function momentX(i: number, count: number, plot: ChartGeometry['plot']): number {
  if (count <= 1) return round(plot.x + plot.width / 2);
  return round(plot.x + (i * plot.width) / (count - 1));
}

/** The y of a 0–10 value: 0 at the bottom of the plot, 10 at the top. */
export function valueY(value: number, plot: ChartGeometry['plot']): number {
  const clamped = Math.min(10, Math.max(0, value));
  return round(plot.y + plot.height * (1 - clamped / 10));
}

/**
 * A line's value at each of the trajectory's moments (matched by version id; null is "now"),
 * null where it had no score: the chart's points and the table's cells both come from here.
 */
export function valuesByMoment(line: TrajectoryLine, trajectory: Trajectory): (number | null)[] {
  const values: (number | null)[] = trajectory.moments.map(() => null);
  const index = new Map(trajectory.moments.map((m, i) => [m.versionId, i]));
  for (const point of line.points) {
    const moment = index.get(point.versionId);
    if (moment !== undefined && point.value !== null) values[moment] = point.value;
  }
  return values;
}

function placePoints(
  line: TrajectoryLine,
  trajectory: Trajectory,
  plot: ChartGeometry['plot'],
): (ChartPoint | null)[] {
  const count = trajectory.moments.length;
  return valuesByMoment(line, trajectory).map((value, moment) =>
    value === null ? null : { x: momentX(moment, count, plot), y: valueY(value, plot), value, moment },
  );
}

function pathOf(slots: readonly (ChartPoint | null)[]): string {
  const parts: string[] = [];
  let drawing = false;
  for (const point of slots) {
    if (!point) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? 'L' : 'M'}${point.x} ${point.y}`);
    drawing = true;
  }
  return parts.join(' ');
}

/**
 * Lays out one scale's chart over the trajectory's moments.
 * @example chartGeometry(trajectory, trajectory.scales[0], { people: true, groups: true })
 */
export function chartGeometry(
  trajectory: Trajectory,
  scale: TrajectoryScale,
  filter: ChartFilter,
  box: ChartBox = CHART_BOX,
): ChartGeometry {
  const { padding } = box;
  const plot = {
    x: padding.left,
    y: padding.top,
    width: Math.max(1, box.width - padding.left - padding.right),
    height: Math.max(1, box.height - padding.top - padding.bottom),
  };
  const count = trajectory.moments.length;
  const xTicks = trajectory.moments.map((_, i) => ({ x: momentX(i, count, plot), moment: i }));
  const yTicks = [0, 2, 4, 6, 8, 10].map((value) => ({ y: valueY(value, plot), value }));
  const lines = shownLines(scale, filter).map((line) => {
    const slots = placePoints(line, trajectory, plot);
    return {
      key: line.key,
      line,
      style: lineStyle(line),
      points: slots.filter((p): p is ChartPoint => p !== null),
      path: pathOf(slots),
    };
  });
  return { width: box.width, height: box.height, plot, xTicks, yTicks, lines };
}
