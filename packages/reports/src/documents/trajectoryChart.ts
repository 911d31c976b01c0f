import { type TrajectoryLine, trajectoryLineStyle } from '@kinmap/model';
import { INK, INK_MUTED, type PageFlow, RULE } from '../text/pageFlow.js';
import { formatShortDate } from './dates.js';
import { GROUP_LABELS, ROLE_LABELS } from './reportWords.js';

/**
 * The scaling trajectory drawn as vector lines: one panel for one scale, the meetings along the
 * bottom, 0–10 up the side, a line per person (each their own colour and dash) and a thick
 * dashed line per group's average. Every label is real text. Geometry is pure (tested on its own); `drawTrajectoryChart` paints it.
 */

export interface ChartLine {
  readonly key: string;
  /** "Mariam Khan (Family)" for a person, "Family (average)" for a group's average. */
  readonly label: string;
  readonly color: string;
  /** Dash and gap lengths; empty for a solid line (model trajectoryLineStyle). */
  readonly dash: readonly number[];
  /** A group's average: thicker, with larger markers, drawn under the people's lines. */
  readonly group: boolean;
  /** One value per moment (null: no score then). */
  readonly values: readonly (number | null)[];
}

export interface ChartMoment {
  readonly at: number;
  readonly label: string;
}

/**
 * The lines to draw, people first then groups' averages, each with its own look (the same as on
 * the web chart) and a label naming the person, or the group as an average.
 */
export function chartLines(
  lines: readonly TrajectoryLine[],
  show: { readonly people: boolean; readonly groups: boolean },
): ChartLine[] {
  const toChartLine = (line: TrajectoryLine): ChartLine => {
    const style = trajectoryLineStyle(line);
    const average = line.kind === 'average';
    return {
      key: line.key,
      label: lineLabel(line),
      color: style.color,
      dash: style.dash,
      group: average,
      values: line.points.map((point) => point.value),
    };
  };
  const people = lines.filter((line) => line.kind === 'person').map(toChartLine);
  const groups = lines.filter((line) => line.kind === 'average').map(toChartLine);
  return [...(show.people ? people : []), ...(show.groups ? groups : [])];
}

function lineLabel(line: TrajectoryLine): string {
  if (line.kind === 'average') return line.group === null ? 'Average' : GROUP_LABELS[line.group];
  const name = line.label.trim() || 'Someone who has left';
  return line.role === null ? name : `${name} (${ROLE_LABELS[line.role]})`;
}

export interface ChartGeometry {
  /** The plot area, in page points. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** The x of each moment: evenly spaced, one meeting after another. */
  readonly xs: readonly number[];
}

export function chartGeometry(
  box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  moments: number,
): ChartGeometry {
  const gutter = 26;
  const pad = 16;
  const left = box.x + gutter;
  const width = box.width - gutter - 6;
  const inner = width - 2 * pad;
  const xs = Array.from({ length: moments }, (_, i) =>
    moments === 1 ? left + width / 2 : left + pad + (inner * i) / (moments - 1),
  );
  return { left, top: box.y, width, height: box.height, xs };
}

/** The page y of a score: 0 at the bottom of the plot, 10 at the top (clamped). */
export function yOfScore(geometry: ChartGeometry, value: number): number {
  const clamped = Math.min(10, Math.max(0, value));
  return geometry.top + geometry.height * (1 - clamped / 10);
}

/** The stretches of a line between gaps: a missing score breaks the line. */
export function lineSegments(
  geometry: ChartGeometry,
  values: readonly (number | null)[],
): [number, number][][] {
  const segments: [number, number][][] = [];
  let current: [number, number][] = [];
  values.forEach((value, i) => {
    const x = geometry.xs[i];
    if (value === null || x === undefined) {
      if (current.length > 0) segments.push(current);
      current = [];
      return;
    }
    current.push([x, yOfScore(geometry, value)]);
  });
  if (current.length > 0) segments.push(current);
  return segments;
}

/** Room above the plot for its top label (10). */
const TOP_GAP = 10;
const PLOT_HEIGHT = 140;
const AXIS_LABELS = 30;
const LABEL = { size: 8, weight: 'regular' as const };
const LEGEND = { size: 9, weight: 'regular' as const };

/** The height a chart with `lineCount` lines takes, legend included (to keep its title with it). */
export function chartHeight(lineCount: number): number {
  return TOP_GAP + PLOT_HEIGHT + AXIS_LABELS + Math.ceil(lineCount / 2) * 14 + 8;
}

/** Draws one scale's chart at the flow's cursor (on a new page if it does not fit) and moves below it. */
export function drawTrajectoryChart(
  flow: PageFlow,
  chart: {
    readonly moments: readonly ChartMoment[];
    readonly lines: readonly ChartLine[];
    readonly timeZone: string;
  },
): void {
  flow.flushHeadings(chartHeight(chart.lines.length));
  flow.ensureSpace(chartHeight(chart.lines.length));
  const geometry = chartGeometry(
    { x: flow.left, y: flow.y + TOP_GAP, width: flow.width, height: PLOT_HEIGHT },
    chart.moments.length,
  );
  drawAxes(flow, geometry, chart);
  const doc = flow.doc;
  // Averages first, so a person's thinner line stays visible on top of an equal average.
  for (const line of [...chart.lines.filter((l) => l.group), ...chart.lines.filter((l) => !l.group)]) {
    doc
      .save()
      .lineWidth(line.group ? 2.2 : 1.2)
      .strokeColor(line.color);
    setDash(doc, line.dash, 0.6);
    for (const segment of lineSegments(geometry, line.values)) {
      const [first, ...rest] = segment;
      if (first === undefined) continue;
      doc.moveTo(first[0], first[1]);
      for (const [x, y] of rest) doc.lineTo(x, y);
      if (rest.length > 0) doc.stroke();
      for (const [x, y] of segment) doc.circle(x, y, line.group ? 2.8 : 2).fill(line.color);
    }
    doc.undash().restore();
  }
  flow.y = geometry.top + geometry.height + AXIS_LABELS;
  drawLegend(flow, chart.lines);
}

/** A dash pattern in PDF points (`scale` × the style's units); nothing for a solid line. */
function setDash(doc: PageFlow['doc'], dash: readonly number[], scale: number): void {
  if (dash.length === 0) return;
  doc.dash(dash.map((length) => length * scale) as unknown as number, {});
}

function drawAxes(
  flow: PageFlow,
  geometry: ChartGeometry,
  chart: { readonly moments: readonly ChartMoment[]; readonly timeZone: string },
): void {
  const doc = flow.doc;
  doc.save().lineWidth(0.5).strokeColor(RULE);
  for (let score = 0; score <= 10; score += 2) {
    const y = yOfScore(geometry, score);
    doc
      .moveTo(geometry.left, y)
      .lineTo(geometry.left + geometry.width, y)
      .stroke();
    const [label] = flow.layout(String(score), LABEL, 20);
    if (label) flow.drawLine(label, LABEL, INK_MUTED, { x: flow.left, width: 20, y: y - 5, align: 'end' });
  }
  doc.restore();
  const slot = chart.moments.length > 1 ? geometry.width / chart.moments.length : geometry.width;
  chart.moments.forEach((moment, i) => {
    const x = geometry.xs[i] as number;
    const labels = [formatShortDate(moment.at, chart.timeZone), moment.label];
    labels.forEach((text, row) => {
      const [line] = flow.layout(text, LABEL, slot - 4);
      if (line === undefined) return;
      const y = geometry.top + geometry.height + 4 + row * 11;
      flow.drawLine(line, LABEL, row === 0 ? INK : INK_MUTED, {
        x: x - line.width / 2,
        width: line.width,
        y,
      });
    });
  });
}

function drawLegend(flow: PageFlow, lines: readonly ChartLine[]): void {
  const columnWidth = flow.width / 2;
  for (let row = 0; row * 2 < lines.length; row += 1) {
    const y = flow.y;
    for (let column = 0; column < 2; column += 1) {
      const line = lines[row * 2 + column];
      if (line === undefined) continue;
      const x = flow.left + column * columnWidth;
      const doc = flow.doc;
      doc
        .save()
        .lineWidth(line.group ? 2.2 : 1.2)
        .strokeColor(line.color);
      setDash(doc, line.dash, 0.6);
      doc
        .moveTo(x, y + 6)
        .lineTo(x + 18, y + 6)
        .stroke();
      doc.undash().restore();
      const [label] = flow.layout(line.label, LEGEND, columnWidth - 28);
      if (label) flow.drawLine(label, LEGEND, INK, { x: x + 24, width: columnWidth - 28, y, align: 'start' });
    }
    flow.y += 14;
  }
  flow.space(8);
}
