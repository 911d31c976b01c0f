import type { BoardState, CardId, CardState, PairId } from '@kinmap/model';
import { ownValue } from '@kinmap/model';
import { t } from '../../lib/messages';
import type { MeasureText, TextStyle } from '../boardMetrics';
import type { CardLayout } from '../cardLayout';
import type { Rect } from '../geometry';
import { pairNumbers } from '../pairs';
import { layoutScaleSlot, type ScaleSlotLayout } from './scaleSlotLayout';

/**
 * The analysis row of the map, as plain data: below the three columns, one row per danger
 * statement / safety goal pair, the danger statement on the left (under the worries column), the
 * pair's scale in the middle (under "working well") and the safety goal on the right (under
 * "needs to happen"). A paired card is laid out here and only here, never also in its section.
 */

export interface AnalysisRowLayout {
  readonly pairId: PairId;
  /** The pair's number on screen ("Worry 1"), as in the Scaling view. */
  readonly number: number;
  readonly rect: Rect;
  readonly dangerStatementSlot: Rect;
  readonly scaleSlot: Rect;
  readonly safetyGoalSlot: Rect;
  /** Null when that card is not on this screen (professionals only): its slot stays empty. */
  readonly dangerStatementId: CardId | null;
  readonly safetyGoalId: CardId | null;
  /** How many lanes of markers the scale is drawn with. */
  readonly markerDepth: number;
  /** The compact scale's words, numbers and markers, in offsets from the scale slot's corner. */
  readonly scale: ScaleSlotLayout;
}

export interface AnalysisLayout {
  readonly rect: Rect;
  readonly titleLines: readonly string[];
  readonly promptLines: readonly string[];
  /** Shown instead of rows when there is no pair yet. */
  readonly emptyLines: readonly string[];
  readonly rows: readonly AnalysisRowLayout[];
}

/** One row's members before layout: the pair and the cards of it this screen may show. */
export interface AnalysisMember {
  readonly pairId: PairId;
  readonly number: number;
  readonly dangerStatement: CardState | null;
  readonly safetyGoal: CardState | null;
}

export interface AnalysisMembers {
  readonly rows: readonly AnalysisMember[];
  /** The ids of the cards laid out in the row (their sections leave them out). */
  readonly inRow: ReadonlySet<string>;
}

/**
 * Which pairs get a row, in pair-number order (made first, then id). A card joins a row only when
 * the pair and the card agree (the card is in the right category and names the pair), and at most
 * once, so a malformed document can never draw a card twice; a card the row refuses stays in its
 * section. A pair with neither card on this screen gets no row: an empty row would tell the family
 * that something is hidden.
 */
export function analysisMembers(state: BoardState): AnalysisMembers {
  const rows: AnalysisMember[] = [];
  const inRow = new Set<string>();
  const take = (cardId: CardId, pairId: PairId, category: CardState['category']): CardState | null => {
    const card = ownValue(state.cards, cardId);
    if (!card || card.category !== category || card.pairId !== pairId || inRow.has(card.id)) return null;
    inRow.add(card.id);
    return card;
  };
  for (const [pairId, number] of pairNumbers(state)) {
    const pair = ownValue(state.pairs, pairId);
    if (!pair) continue;
    const dangerStatement = take(pair.dangerStatementId, pairId, 'dangerStatement');
    const safetyGoal = take(pair.safetyGoalId, pairId, 'safetyGoal');
    if (dangerStatement || safetyGoal) rows.push({ pairId, number, dangerStatement, safetyGoal });
  }
  return { rows, inRow };
}

/** The compact scale's drawing, in offsets from the top of its slot (shared by layout and drawing). */
export const SCALE_SLOT = {
  paddingX: 10,
  paddingY: 8,
  heading: { size: 13, weight: 'bold', style: 'normal', lineHeight: 18 },
  numbers: { size: 12, weight: 'normal', style: 'normal', lineHeight: 16 },
  small: { size: 12, weight: 'normal', style: 'normal', lineHeight: 17 },
  status: { size: 13, weight: 'normal', style: 'normal', lineHeight: 18 },
  axisGap: 12,
  markerRadius: 8,
  markerStep: 19,
} as const satisfies Record<string, number | TextStyle>;

export interface ScaleSlotParts {
  readonly headingY: number;
  readonly numbersY: number;
  readonly axisY: number;
  readonly anchorsY: number;
  /** Narrow (a phone): the "10" anchor goes on its own line under the "0" one. */
  readonly anchorsOnTwoLines: boolean;
  readonly statusY: number;
  readonly height: number;
}

/** Below this slot width the two anchors do not fit side by side. */
const TWO_LINE_ANCHORS_BELOW = 360;

/**
 * Where each part of a compact scale goes, for a scale `depth` markers deep (room for one at
 * least) in a slot `width` wide.
 */
export function scaleSlotParts(depth: number, width: number): ScaleSlotParts {
  const s = SCALE_SLOT;
  const headingY = s.paddingY;
  const numbersY = headingY + s.heading.lineHeight + 2;
  const axisY = numbersY + s.numbers.lineHeight + s.axisGap;
  const markersBottom = axisY + (Math.max(1, depth) - 1) * s.markerStep + s.markerRadius;
  const anchorsY = markersBottom + 6;
  const anchorsOnTwoLines = width < TWO_LINE_ANCHORS_BELOW;
  const statusY = anchorsY + (anchorsOnTwoLines ? 2 : 1) * s.small.lineHeight;
  const height = statusY + s.status.lineHeight + s.paddingY;
  return { headingY, numbersY, axisY, anchorsY, anchorsOnTwoLines, statusY, height };
}

/** The x of a value on the compact scale's axis, within a slot of `width`. */
export function scaleValueX(slot: Rect, value: number): number {
  const left = slot.x + SCALE_SLOT.paddingX + SCALE_SLOT.markerRadius;
  const right = slot.x + slot.width - SCALE_SLOT.paddingX - SCALE_SLOT.markerRadius;
  return left + ((right - left) * value) / 10;
}

/** What the board layout hands over: where the band goes, and how to wrap text and place a card. */
export interface AnalysisFrame {
  readonly stacked: boolean;
  /** The band's left edge, width and top. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly padding: number;
  /** Space around the slots inside a row (the same as a section's, so cards are as wide as there). */
  readonly rowPadding: number;
  readonly rowGap: number;
  readonly slotGap: number;
  /** Side by side: the left, middle and right slots' x and width (under the three columns). */
  readonly slots: readonly [Slot, Slot, Slot];
  readonly header: {
    readonly titleLines: readonly string[];
    readonly titleLineHeight: number;
    readonly promptLines: readonly string[];
    readonly promptLineHeight: number;
    readonly emptyLines: readonly string[];
    readonly headerGap: number;
  };
  /** Lays one card out at a place (the same wrapping and height as in a section). */
  readonly placeCard: (card: CardState, x: number, y: number, width: number, pairId: PairId) => CardLayout;
  /** The height of an empty card: a hidden card's slot is this tall. */
  readonly emptyCardHeight: number;
  /** Measures the scale's words (absent: the compact scale's fixed parts only, as before). */
  readonly measure?: MeasureText;
}

export interface Slot {
  readonly x: number;
  readonly width: number;
}

/** Lays out the band and its rows; the cards it places are returned for the board's card map. */
export function layoutAnalysis(
  state: BoardState,
  members: AnalysisMembers,
  frame: AnalysisFrame,
): { analysis: AnalysisLayout; cards: CardLayout[] } {
  const { header, padding, rowGap } = frame;
  let y =
    frame.y +
    padding +
    header.titleLines.length * header.titleLineHeight +
    header.promptLines.length * header.promptLineHeight +
    header.headerGap;
  const rows: AnalysisRowLayout[] = [];
  const cards: CardLayout[] = [];
  for (const member of members.rows) {
    const row = frame.stacked
      ? stackedRow(state, member, frame, y, cards)
      : sideBySideRow(state, member, frame, y, cards);
    rows.push(row);
    y = row.rect.y + row.rect.height + rowGap;
  }
  if (rows.length === 0) y += header.emptyLines.length * header.promptLineHeight + rowGap;
  const height = y - rowGap + padding - frame.y;
  return {
    analysis: {
      rect: { x: frame.x, y: frame.y, width: frame.width, height },
      titleLines: header.titleLines,
      promptLines: header.promptLines,
      emptyLines: header.emptyLines,
      rows,
    },
    cards,
  };
}

function sideBySideRow(
  state: BoardState,
  member: AnalysisMember,
  frame: AnalysisFrame,
  top: number,
  cards: CardLayout[],
): AnalysisRowLayout {
  const [left, middle, right] = frame.slots;
  const y = top + frame.rowPadding;
  const scale = scaleOf(state, member, middle.width, frame);
  const danger = member.dangerStatement
    ? frame.placeCard(member.dangerStatement, left.x, y, left.width, member.pairId)
    : null;
  const goal = member.safetyGoal
    ? frame.placeCard(member.safetyGoal, right.x, y, right.width, member.pairId)
    : null;
  // The row is as tall as its tallest part; each card keeps its own height, as in a section.
  const inner = Math.max(
    danger?.rect.height ?? frame.emptyCardHeight,
    goal?.rect.height ?? frame.emptyCardHeight,
    scale.height,
  );
  if (danger) cards.push(danger);
  if (goal) cards.push(goal);
  const rowX = left.x - frame.rowPadding;
  return {
    pairId: member.pairId,
    number: member.number,
    rect: {
      x: rowX,
      y: top,
      width: right.x + right.width + frame.rowPadding - rowX,
      height: inner + 2 * frame.rowPadding,
    },
    dangerStatementSlot: danger?.rect ?? { x: left.x, y, width: left.width, height: inner },
    scaleSlot: { x: middle.x, y, width: middle.width, height: inner },
    safetyGoalSlot: goal?.rect ?? { x: right.x, y, width: right.width, height: inner },
    dangerStatementId: member.dangerStatement?.id ?? null,
    safetyGoalId: member.safetyGoal?.id ?? null,
    markerDepth: scale.lanes,
    scale,
  };
}

/** On a phone the pair reads top to bottom: the worry, its scale, then its goal. */
function stackedRow(
  state: BoardState,
  member: AnalysisMember,
  frame: AnalysisFrame,
  top: number,
  cards: CardLayout[],
): AnalysisRowLayout {
  const [slot] = frame.slots;
  const scale = scaleOf(state, member, slot.width, frame);
  let y = top + frame.rowPadding;
  const place = (card: CardState | null): Rect => {
    const placed = card ? frame.placeCard(card, slot.x, y, slot.width, member.pairId) : null;
    if (placed) cards.push(placed);
    const rect = placed?.rect ?? { x: slot.x, y, width: slot.width, height: frame.emptyCardHeight };
    y += rect.height + frame.slotGap;
    return rect;
  };
  const dangerStatementSlot = place(member.dangerStatement);
  const scaleSlot = { x: slot.x, y, width: slot.width, height: scale.height };
  y += scaleSlot.height + frame.slotGap;
  const safetyGoalSlot = place(member.safetyGoal);
  const bottom = y - frame.slotGap + frame.rowPadding;
  return {
    pairId: member.pairId,
    number: member.number,
    rect: {
      x: slot.x - frame.rowPadding,
      y: top,
      width: slot.width + 2 * frame.rowPadding,
      height: bottom - top,
    },
    dangerStatementSlot,
    scaleSlot,
    safetyGoalSlot,
    dangerStatementId: member.dangerStatement?.id ?? null,
    safetyGoalId: member.safetyGoal?.id ?? null,
    markerDepth: scale.lanes,
    scale,
  };
}

function scaleOf(
  state: BoardState,
  member: AnalysisMember,
  width: number,
  frame: AnalysisFrame,
): ScaleSlotLayout {
  const measure = frame.measure ?? ((text: string, font: { size: number }) => text.length * font.size * 0.6);
  const heading = t('analysis.scaleHeading', { number: member.number });
  return layoutScaleSlot(ownValue(state.scales, member.pairId), state, heading, width, measure);
}

/** The row a card is laid out in, or undefined when it is in its section. */
export function analysisRowOf(analysis: AnalysisLayout, cardId: CardId): AnalysisRowLayout | undefined {
  return analysis.rows.find((row) => row.dangerStatementId === cardId || row.safetyGoalId === cardId);
}
