import type { Trajectory, TrajectoryLine, TrajectoryScale } from '@kinmap/model';
import { useId } from 'react';
import { currentLanguage, t } from '../lib/messages';
import {
  type ChartFilter,
  type ChartLine,
  chartGeometry,
  isGroupLine,
  shownLines,
  valuesByMoment,
} from './chartGeometry';

export interface TrajectoryChartProps {
  readonly trajectory: Trajectory;
  readonly scale: TrajectoryScale;
  /** "Overall", "Worry 1: …". */
  readonly heading: string;
  readonly filter: ChartFilter;
}

type Moment = Trajectory['moments'][number];

/** Who a line stands for, in words: "Alex (Family)" or "Family (average)". */
export function lineLabel(line: TrajectoryLine): string {
  if (isGroupLine(line) && line.group !== null) return t(`reports.trajectory.group.${line.group}`);
  if (line.role === null) return line.label;
  return t('reports.trajectory.personLine', { name: line.label, role: t(`role.${line.role}`) });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A label that is more than the date already shown (the server labels meetings by their date). */
function extraLabel(m: Moment): string | null {
  return m.versionId === null || m.label.trim() === '' || ISO_DATE.test(m.label) ? null : m.label;
}

function formatters() {
  const lang = currentLanguage();
  const options = { day: 'numeric', month: 'short', year: 'numeric' } as const;
  const local = new Intl.DateTimeFormat(lang, options);
  // A meeting's date is a calendar day (stored as UTC midnight): shown as that day everywhere.
  const calendar = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
  const when = (m: Moment) => {
    if (m.versionId === null) return t('reports.trajectory.now');
    return ISO_DATE.test(m.label) ? calendar.format(Date.parse(m.label)) : local.format(m.at);
  };
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return { when, number: (v: number) => number.format(v) };
}

const MAX_TICK_LABEL = 18;

function short(text: string): string {
  return text.length > MAX_TICK_LABEL ? `${text.slice(0, MAX_TICK_LABEL - 1)}…` : text;
}

/**
 * One scale over the meetings: an SVG chart for the eye, and the same numbers as a table for
 * screen readers and for anyone who wants the exact values (the chart itself is one image to
 * assistive technology, named by its caption).
 */
export function TrajectoryChart({ trajectory, scale, heading, filter }: TrajectoryChartProps) {
  const titleId = useId();
  const chart = chartGeometry(trajectory, scale, filter);
  const format = formatters();
  const { plot } = chart;
  return (
    <section className="trajectory-scale" aria-labelledby={titleId} data-scale={scale.scaleId}>
      <h4 id={titleId}>{heading}</h4>
      <svg
        className="trajectory-chart"
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        role="img"
        aria-label={t('reports.trajectory.chartLabel', { scale: heading })}
      >
        {chart.yTicks.map((tick) => (
          <g key={tick.value} className="trajectory-chart__grid">
            <line x1={plot.x} x2={plot.x + plot.width} y1={tick.y} y2={tick.y} />
            <text x={plot.x - 8} y={tick.y} textAnchor="end" dominantBaseline="middle">
              {tick.value}
            </text>
          </g>
        ))}
        {chart.xTicks.map((tick) => {
          const moment = trajectory.moments[tick.moment];
          if (!moment) return null;
          const y = plot.y + plot.height + 18;
          return (
            <text key={tick.moment} className="trajectory-chart__moment" x={tick.x} y={y} textAnchor="middle">
              <tspan x={tick.x}>{format.when(moment)}</tspan>
              {extraLabel(moment) !== null && (
                <tspan x={tick.x} dy="1.2em">
                  {short(extraLabel(moment) ?? '')}
                </tspan>
              )}
            </text>
          );
        })}
        {/* Group means first, so a person's thin line stays visible on top of an equal mean. */}
        {drawingOrder(chart.lines).map((line) => (
          <ChartLineView
            key={line.key}
            line={line}
            trajectory={trajectory}
            number={format.number}
            when={format.when}
          />
        ))}
      </svg>
      <ul className="trajectory-legend">
        {chart.lines.map((line) => (
          <li key={line.key}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="0"
                x2="28"
                y1="5"
                y2="5"
                stroke={line.style.color}
                strokeWidth={line.style.width}
                strokeDasharray={line.style.dash || undefined}
              />
            </svg>{' '}
            {lineLabel(line.line)}
          </li>
        ))}
      </ul>
      <TrajectoryTable trajectory={trajectory} scale={scale} heading={heading} filter={filter} />
    </section>
  );
}

function drawingOrder(lines: readonly ChartLine[]): ChartLine[] {
  return [...lines.filter((l) => isGroupLine(l.line)), ...lines.filter((l) => !isGroupLine(l.line))];
}

interface ChartLineViewProps {
  readonly line: ChartLine;
  readonly trajectory: Trajectory;
  readonly number: (v: number) => string;
  readonly when: (m: Moment) => string;
}

function ChartLineView({ line, trajectory, number, when }: ChartLineViewProps) {
  const { style } = line;
  const who = lineLabel(line.line);
  const size = style.marker === 'square' ? 9 : 4.5;
  return (
    <g className="trajectory-line" data-line={line.key}>
      <path
        d={line.path}
        fill="none"
        stroke={style.color}
        strokeWidth={style.width}
        strokeDasharray={style.dash || undefined}
        strokeLinejoin="round"
      />
      {line.points.map((point) => {
        const moment = trajectory.moments[point.moment];
        const label = t('reports.trajectory.pointLabel', {
          who,
          when: moment ? when(moment) : '',
          value: number(point.value),
        });
        return style.marker === 'square' ? (
          <rect
            key={point.moment}
            className="trajectory-point"
            x={point.x - size / 2}
            y={point.y - size / 2}
            width={size}
            height={size}
            fill={style.color}
          >
            <title>{label}</title>
          </rect>
        ) : (
          <circle
            key={point.moment}
            className="trajectory-point"
            cx={point.x}
            cy={point.y}
            r={size}
            fill="#ffffff"
            stroke={style.color}
            strokeWidth={2}
          >
            <title>{label}</title>
          </circle>
        );
      })}
    </g>
  );
}

function TrajectoryTable({ trajectory, scale, heading, filter }: TrajectoryChartProps) {
  const format = formatters();
  const lines = shownLines(scale, filter);
  return (
    <table className="trajectory-table">
      <caption>{t('reports.trajectory.tableCaption', { scale: heading })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.trajectory.who')}</th>
          {trajectory.moments.map((moment, i) => (
            <th scope="col" key={moment.versionId ?? `now-${i}`}>
              {format.when(moment)}
              {extraLabel(moment) !== null && (
                <>
                  <br />
                  <span className="hint">{extraLabel(moment)}</span>
                </>
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.key} data-line={line.key}>
            <th scope="row">{lineLabel(line)}</th>
            {valuesByMoment(line, trajectory).map((value, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one cell per moment, in the moments' fixed order
              <td key={i} className={value === null ? 'hint' : undefined}>
                {value === null ? t('reports.trajectory.noScore') : format.number(value)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
