import type { KeyboardEvent, MouseEvent } from 'react';
import { LINE, type ScaleMarker, valueAtX, valueForKey, xOfValue } from '../canvas/analysis/scaleRows';
import { ROLE_COLORS } from '../canvas/colors';
import { t } from '../lib/messages';

export interface ScaleLineProps {
  /** Names the line for screen readers, e.g. "Overall". */
  readonly label: string;
  readonly markers: readonly ScaleMarker[];
  /** This person's current value (shown as the slider's value), or null. */
  readonly myValue: number | null;
  /** The value this person picked and has not saved yet (drawn hollow), or null. */
  readonly draftValue?: number | null;
  /** Null when this person may not score (viewers): the line is then only a picture. */
  readonly onPick: ((value: number) => void) | null;
}

const TICKS = Array.from({ length: 11 }, (_, i) => i);
const MARKER_RADIUS = 9;
const STACK_GAP = 30;

/**
 * A 0–10 line with each person's mark (name, role colour). Clicking the line or using the arrow
 * keys, Home, End or a digit on it picks this person's value (a hollow mark until it is saved
 * with "Save my score").
 */
export function ScaleLine({ label, markers, myValue, draftValue = null, onPick }: ScaleLineProps) {
  const pickAt = (event: MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0) return;
    onPick(valueAtX(((event.clientX - box.left) * LINE.width) / box.width));
  };
  const onKey = (event: KeyboardEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const next = valueForKey(event.key, myValue);
    if (next === null) return;
    event.preventDefault();
    onPick(next);
  };
  const deepest = markers.reduce((max, marker) => Math.max(max, marker.stack), 0);
  const height = LINE.height + deepest * STACK_GAP;

  return (
    <div className="scale-line">
      <svg
        className="scale-line__svg"
        viewBox={`0 0 ${LINE.width} ${height}`}
        {...(onPick
          ? {
              role: 'slider',
              tabIndex: 0,
              'aria-label': t('scale.lineLabelFor', { scale: label }),
              'aria-valuemin': 0,
              'aria-valuemax': 10,
              'aria-valuenow': myValue ?? undefined,
              'aria-valuetext': myValue === null ? t('scale.noScore') : String(myValue),
              onClick: pickAt,
              onKeyDown: onKey,
            }
          : { role: 'img', 'aria-label': label })}
      >
        <title>{label}</title>
        <line x1={LINE.left} x2={LINE.right} y1={LINE.y} y2={LINE.y} className="scale-line__axis" />
        {TICKS.map((value) => (
          <g key={value}>
            <line
              x1={xOfValue(value)}
              x2={xOfValue(value)}
              y1={LINE.y - 8}
              y2={LINE.y + 8}
              className="scale-line__tick"
            />
            <text x={xOfValue(value)} y={LINE.y - 16} textAnchor="middle" className="scale-line__number">
              {value}
            </text>
          </g>
        ))}
        {draftValue !== null && (
          <g className="scale-line__draft" data-draft={draftValue}>
            <title>{t('scale.draftMark', { value: draftValue })}</title>
            <circle
              cx={xOfValue(draftValue)}
              cy={LINE.y}
              r={MARKER_RADIUS + 3}
              fill="#ffffff"
              stroke="#111827"
              strokeWidth={3}
              strokeDasharray="4 3"
            />
          </g>
        )}
        {markers.map((marker) => {
          const x = xOfValue(marker.value);
          const y = LINE.y + 22 + marker.stack * STACK_GAP;
          return (
            <g
              key={marker.participantId}
              className="scale-line__marker"
              data-participant={marker.participantId}
            >
              <title>
                {t('scale.markerLabel', {
                  name: marker.name,
                  role: t(`role.${marker.role}`),
                  value: marker.value,
                })}
              </title>
              <circle
                cx={x}
                cy={y}
                r={MARKER_RADIUS}
                fill={ROLE_COLORS[marker.role]}
                stroke={marker.mine ? '#111827' : '#ffffff'}
                strokeWidth={marker.mine ? 3 : 2}
              />
              <text x={x + MARKER_RADIUS + 4} y={y + 5} className="scale-line__name">
                {marker.name}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="scale-line__anchors">
        <span>{t('scale.anchor0')}</span>
        <span>{t('scale.anchor10')}</span>
      </div>
    </div>
  );
}
