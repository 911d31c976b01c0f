import { type BoardState, ownValue, type Role, type ScaleState } from '@kinmap/model';
import { t } from '../../lib/messages';
import type { MeasureText, TextStyle } from '../boardMetrics';
import type { Rect } from '../geometry';
import { wrapText } from '../text/textWrap';
import { MAX_MARKER_DEPTH, nameInitial, summariseScale } from './analysisScale';

/**
 * The compact 0–10 scale in a worries-and-goals row, as plain data: every word measured and
 * wrapped to the slot, the numbers thinned when they would touch, and the people's markers placed
 * in lanes so no two overlap however many chose neighbouring values. Offsets from the slot's
 * top-left corner; the row shape draws exactly this.
 */

export const SCALE_TEXT = {
  heading: { size: 15, weight: 'bold', style: 'normal', lineHeight: 20 },
  numbers: { size: 14, weight: 'normal', style: 'normal', lineHeight: 18 },
  small: { size: 14, weight: 'normal', style: 'normal', lineHeight: 19 },
  status: { size: 14, weight: 'bold', style: 'normal', lineHeight: 19 },
  initial: { size: 14, weight: 'bold', style: 'normal', lineHeight: 16 },
} as const satisfies Record<string, TextStyle>;

export const SCALE_GEOMETRY = {
  paddingX: 10,
  paddingY: 8,
  gap: 4,
  axisGap: 14,
  markerRadius: 12,
  /** Space between two markers side by side in one lane, and between lanes. */
  markerGap: 3,
  numberGap: 4,
} as const;

export interface ScaleNumberLabel {
  readonly value: number;
  readonly text: string;
  readonly box: Rect;
}

export interface ScaleMarkerPlace {
  readonly participantId: string;
  readonly role: Role;
  readonly value: number;
  readonly lane: number;
  /** The marker's centre. */
  readonly x: number;
  readonly y: number;
  readonly initial: string;
  readonly box: Rect;
}

export interface ScaleSlotLayout {
  readonly width: number;
  readonly headingLines: readonly string[];
  readonly headingY: number;
  readonly numbers: readonly ScaleNumberLabel[];
  readonly axisY: number;
  readonly axisLeft: number;
  readonly axisRight: number;
  readonly markers: readonly ScaleMarkerPlace[];
  readonly lanes: number;
  readonly anchor0: { readonly lines: readonly string[]; readonly box: Rect };
  readonly anchor10: { readonly lines: readonly string[]; readonly box: Rect };
  /** "Middle score 6 · 5 of 7 have scored", and who could not be drawn ("+3 more at 7"), wrapped. */
  readonly statusLines: readonly string[];
  readonly statusY: number;
  readonly height: number;
}

/** The x (offset in the slot) of a value on the axis. */
export function slotValueX(width: number, value: number): number {
  const g = SCALE_GEOMETRY;
  const left = g.paddingX + g.markerRadius;
  const right = width - g.paddingX - g.markerRadius;
  return left + ((right - left) * value) / 10;
}

/** Which of 0–10 get a number: all when they fit apart, else every second, else 0, 5 and 10. */
function numberLabels(width: number, measure: MeasureText): ScaleNumberLabel[] {
  const label = (value: number): ScaleNumberLabel => {
    const text = String(value);
    const w = measure(text, SCALE_TEXT.numbers);
    return {
      value,
      text,
      box: { x: slotValueX(width, value) - w / 2, y: 0, width: w, height: SCALE_TEXT.numbers.lineHeight },
    };
  };
  for (const step of [1, 2, 5, 10]) {
    const labels: ScaleNumberLabel[] = [];
    for (let v = 0; v <= 10; v += step) labels.push(label(v));
    const apart = labels.every((l, i) => {
      const next = labels[i + 1];
      return !next || l.box.x + l.box.width + SCALE_GEOMETRY.numberGap <= next.box.x;
    });
    if (apart) return labels;
  }
  return [label(0)];
}

/**
 * Lays the compact scale out in a slot `width` wide. A private scale shows only its status; a
 * revealed one a marker per person, each in the first lane where it clears its neighbours; people
 * beyond `MAX_MARKER_DEPTH` lanes are counted in the status ("+2 more at 7").
 */
export function layoutScaleSlot(
  scale: ScaleState | undefined,
  board: BoardState,
  heading: string,
  width: number,
  measure: MeasureText,
): ScaleSlotLayout {
  const g = SCALE_GEOMETRY;
  const innerX = g.paddingX;
  const innerWidth = Math.max(1, width - 2 * g.paddingX);
  const headingLines = wrapText(heading, innerWidth, SCALE_TEXT.heading, measure);
  const headingY = g.paddingY;
  const numbersY = headingY + headingLines.length * SCALE_TEXT.heading.lineHeight + g.gap;
  const numbers = numberLabels(width, measure).map((n) => ({ ...n, box: { ...n.box, y: numbersY } }));
  const axisY = numbersY + SCALE_TEXT.numbers.lineHeight + g.axisGap;

  const summary = scale ? summariseScale(scale, board) : null;
  const all = scale?.mode === 'revealed' ? allMarkers(scale, board) : [];
  const laneEnds: number[] = [];
  const markers: ScaleMarkerPlace[] = [];
  const overflow = new Map<number, number>();
  const r = g.markerRadius;
  for (const m of all) {
    const x = slotValueX(width, m.value);
    let lane = laneEnds.findIndex((end) => end + g.markerGap <= x - r);
    if (lane < 0 && laneEnds.length < MAX_MARKER_DEPTH) lane = laneEnds.length;
    if (lane < 0) {
      overflow.set(m.value, (overflow.get(m.value) ?? 0) + 1);
      continue;
    }
    laneEnds[lane] = x + r;
    const y = axisY + lane * (2 * r + g.markerGap);
    markers.push({
      participantId: m.participantId,
      role: m.role,
      value: m.value,
      lane,
      x,
      y,
      initial: nameInitial(m.name),
      box: { x: x - r, y: y - r, width: 2 * r, height: 2 * r },
    });
  }
  const lanes = laneEnds.length;
  const markersBottom = axisY + Math.max(0, lanes - 1) * (2 * r + g.markerGap) + r;

  const anchorsY = markersBottom + g.gap + 2;
  const half = (innerWidth - g.paddingX) / 2;
  const sideBySide =
    measure(t('analysis.anchor0'), SCALE_TEXT.small) <= half &&
    measure(t('analysis.anchor10'), SCALE_TEXT.small) <= half;
  const anchorWidth = sideBySide ? half : innerWidth;
  const a0 = wrapText(t('analysis.anchor0'), anchorWidth, SCALE_TEXT.small, measure);
  const a10 = wrapText(t('analysis.anchor10'), anchorWidth, SCALE_TEXT.small, measure);
  const lh = SCALE_TEXT.small.lineHeight;
  const anchor0 = { lines: a0, box: { x: innerX, y: anchorsY, width: anchorWidth, height: a0.length * lh } };
  const a10Y = sideBySide ? anchorsY : anchorsY + a0.length * lh;
  const anchor10 = {
    lines: a10,
    box: {
      x: sideBySide ? innerX + innerWidth - half : innerX,
      y: a10Y,
      width: anchorWidth,
      height: a10.length * lh,
    },
  };
  const anchorsBottom = Math.max(anchor0.box.y + anchor0.box.height, anchor10.box.y + anchor10.box.height);

  const more = [...overflow]
    .sort((a, b) => a[0] - b[0])
    .map(([value, count]) => t('analysis.more', { count, value }));
  const statusText = [summary?.status ?? '', ...more].filter((s) => s !== '').join('  ·  ');
  const statusLines = statusText === '' ? [] : wrapText(statusText, innerWidth, SCALE_TEXT.status, measure);
  const statusY = anchorsBottom + g.gap;
  const height = statusY + statusLines.length * SCALE_TEXT.status.lineHeight + g.paddingY;
  return {
    width,
    headingLines,
    headingY,
    numbers,
    axisY,
    axisLeft: slotValueX(width, 0),
    axisRight: slotValueX(width, 10),
    markers,
    lanes,
    anchor0,
    anchor10,
    statusLines,
    statusY,
    height,
  };
}

/** Every revealed rating, by value then name, as the markers to place. */
function allMarkers(scale: ScaleState, board: BoardState) {
  return Object.entries(scale.ratings)
    .map(([participantId, rating]) => {
      const person = ownValue(board.participants, participantId);
      return {
        participantId,
        value: rating.value,
        name: person?.displayName || t('scale.someone'),
        role: (person?.role ?? 'family') as Role,
      };
    })
    .sort(
      (a, b) =>
        a.value - b.value ||
        (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0),
    );
}
