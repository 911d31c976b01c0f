import {
  type BoardState,
  CATEGORIES,
  CATEGORY_COLUMN,
  type CardId,
  type CardState,
  type Category,
  COLUMNS,
  type Column,
  cardsInCategory,
  type PairId,
} from '@kinmap/model';
import { t } from '../lib/messages';
import {
  type AnalysisFrame,
  type AnalysisLayout,
  type AnalysisMembers,
  analysisMembers,
  layoutAnalysis,
} from './analysis/analysisLayout';
import { METRICS, type MeasureText, TEXT_STYLES } from './boardMetrics';
import { type CardLabels, type CardLayout, cardHeight, placeCard } from './cardLayout';
import type { Rect } from './geometry';
import { pairNumbers } from './pairs';
import { wrapText } from './text/textWrap';

/**
 * Where everything on the board goes, as plain data: the canvas draws it, hit-tests read it,
 * the test bridge reports it. No canvas here: text is measured through the function passed in,
 * so the same code runs in unit tests with a fake measure.
 */

/**
 * The reference width of the three-column board, in board units (a 1400-pixel laptop window's
 * board area): what printed pictures use, and where the screen's own width search starts. A
 * screen lays the board out at the width that fills it best (`chooseBoardWidth`), so screens of
 * different shapes lay the same board out differently: following and "bring everyone to me"
 * anchor on sections and cards, not on raw board coordinates.
 */
export const BOARD_WIDTH = 1385;

/** The widths a screen may lay the three columns out at (board units): from narrow to wide. */
export const BOARD_WIDTHS: readonly number[] = [0.75, 0.85, 1, 1.15, 1.3, 1.5, 1.75, 2, 2.3].map((k) =>
  Math.round(BOARD_WIDTH * k),
);

/**
 * Windows narrower than this show the phone layout instead: one column per page, the pages side
 * by side, each as wide as the window (see `boardPages`). The phone layout is laid out to the
 * window's own width, so its coordinates are NOT board coordinates (see `sharesBoardCoordinates`).
 */
export const STACK_BELOW_WIDTH =
  2 * METRICS.margin + (COLUMNS.length - 1) * METRICS.columnGap + COLUMNS.length * METRICS.minColumnWidth;

export interface ColumnLayout {
  readonly column: Column;
  readonly rect: Rect;
  readonly titleLines: readonly string[];
}

export interface SectionLayout {
  readonly category: Category;
  readonly column: Column;
  readonly rect: Rect;
  readonly titleLines: readonly string[];
  readonly promptLines: readonly string[];
  readonly addButton: Rect;
  /** The cards drawn in the section, in board order (paired cards are in the analysis row instead). */
  readonly cardIds: readonly CardId[];
  /** Every card of the category in board order, also those in the analysis row: the model's indexes count them all. */
  readonly categoryCardIds: readonly CardId[];
  /** "2 are in the worries and goals row below", when some of the category's cards are there. */
  readonly noteLines: readonly string[];
  readonly noteY: number;
}

export interface BoardLayout {
  readonly width: number;
  readonly height: number;
  readonly stacked: boolean;
  readonly columns: readonly ColumnLayout[];
  readonly sections: readonly SectionLayout[];
  /** The worries-and-goals band below the columns (see analysisLayout.ts). */
  readonly analysis: AnalysisLayout;
  /** Every card drawn, in its section or in the analysis row: each exactly once. */
  readonly cards: Readonly<Record<string, CardLayout>>;
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/**
 * Computes every rectangle of the board; cards are stacked in board order and never overlap.
 * A window at least `STACK_BELOW_WIDTH` wide gets the three columns side by side, `boardWidth`
 * wide (the caller picks it for the screen: `chooseBoardWidth`); a narrower one (a phone) gets
 * one page per column and one for the worries-and-goals row, side by side, each as wide as the
 * window, shown one at a time.
 */
export function layoutBoard(
  state: BoardState,
  viewport: Viewport,
  measure: MeasureText,
  boardWidth: number = BOARD_WIDTH,
): BoardLayout {
  const { margin, columnGap } = METRICS;
  const stacked = viewport.width < STACK_BELOW_WIDTH;
  const pageWidth = Math.max(viewport.width, 2 * margin + METRICS.minColumnWidth);
  const width = stacked
    ? pageWidth * (COLUMNS.length + 1)
    : Math.max(STACK_BELOW_WIDTH, Number.isFinite(boardWidth) ? boardWidth : BOARD_WIDTH);
  const columnWidth = stacked
    ? pageWidth - 2 * margin
    : (width - 2 * margin - (COLUMNS.length - 1) * columnGap) / COLUMNS.length;

  const columns: ColumnLayout[] = [];
  const sections: SectionLayout[] = [];
  // No prototype: card ids come from other people's browsers.
  const cards: Record<string, CardLayout> = Object.create(null);
  const members = analysisMembers(state);
  // The model's index of each card in the row, found while its section is laid out.
  const rowIndexes = new Map<string, number>();
  // What the cards' badges and notes name: people and pair numbers.
  const labels: CardLabels = { names: state.participants, pairNumbers: pairNumbers(state) };
  for (const [i, column] of COLUMNS.entries()) {
    const x = stacked ? i * pageWidth + margin : margin + i * (columnWidth + columnGap);
    const at = { x, y: margin, width: columnWidth };
    const placed = layoutColumn(state, column, at, measure, members, { sections, cards, rowIndexes, labels });
    columns.push(placed);
  }
  // Side by side, every column reaches the tallest one so the three questions read as one map.
  const tallest = Math.max(...columns.map((c) => c.rect.height));
  const finalColumns = stacked
    ? columns
    : columns.map((c) => ({ ...c, rect: { ...c.rect, height: tallest } }));
  const columnsBottom = Math.max(...finalColumns.map((c) => c.rect.y + c.rect.height));
  // On a phone the row has a page of its own, right of the three columns' pages.
  const rowPage = finalColumns
    .slice(0, 1)
    .map((c) => ({ ...c, rect: { ...c.rect, x: COLUMNS.length * pageWidth + margin } }));
  const frame = stacked
    ? analysisFrame(rowPage, margin, true, measure, rowIndexes, labels)
    : analysisFrame(finalColumns, columnsBottom + columnGap, false, measure, rowIndexes, labels);
  const placed = layoutAnalysis(state, members, frame);
  for (const card of placed.cards) cards[card.cardId] = card;
  const bottom = Math.max(columnsBottom, placed.analysis.rect.y + placed.analysis.rect.height);
  return {
    width,
    // Side by side the height is the board's own (not the window's), so it is the same everywhere.
    height: stacked ? Math.max(viewport.height, bottom + margin) : bottom + margin,
    stacked,
    columns: finalColumns,
    sections,
    analysis: placed.analysis,
    cards,
  };
}

/**
 * The width (board units) at which the three columns fill a view of `viewport`'s shape best: the
 * one of `BOARD_WIDTHS` whose laid-out board has the aspect closest to the view's, so that "Fit"
 * uses the whole screen and shows the board as large as it can be. A wider board is shorter, so
 * the aspect grows with the width and a binary search needs only a few trial layouts.
 */
export function chooseBoardWidth(state: BoardState, viewport: Viewport, measure: MeasureText): number {
  if (viewport.width < STACK_BELOW_WIDTH || viewport.height <= 0) return BOARD_WIDTH;
  const target = viewport.width / viewport.height;
  const aspect = (width: number) => {
    const layout = layoutBoard(state, viewport, measure, width);
    return layout.width / Math.max(1, layout.height);
  };
  return bestWidth(BOARD_WIDTHS, target, aspect);
}

/** The width whose aspect is closest to `target` (by ratio), given aspects that grow with the width. */
export function bestWidth(
  widths: readonly number[],
  target: number,
  aspect: (width: number) => number,
): number {
  const seen = new Map<number, number>();
  const at = (i: number) => {
    const w = widths[i] ?? BOARD_WIDTH;
    let a = seen.get(w);
    if (a === undefined) {
      a = aspect(w);
      seen.set(w, a);
    }
    return a;
  };
  // The first width whose board is at least as wide (relative to its height) as the view.
  let lo = 0;
  let hi = widths.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid) >= target) hi = mid;
    else lo = mid + 1;
  }
  const miss = (i: number) => Math.abs(Math.log(at(i) / target));
  const best = lo > 0 && miss(lo - 1) < miss(lo) ? lo - 1 : lo;
  return widths[best] ?? BOARD_WIDTH;
}

/**
 * A phone's pages, left to right: the three columns, then the worries-and-goals row. Null for the
 * side-by-side layout (its one page is the whole board).
 */
export function boardPages(layout: BoardLayout): readonly Rect[] | null {
  if (!layout.stacked) return null;
  const pageWidth = layout.width / (COLUMNS.length + 1);
  const page = (i: number) => ({ x: i * pageWidth, y: 0, width: pageWidth, height: layout.height });
  return [...layout.columns.map((_, i) => page(i)), page(COLUMNS.length)];
}

/**
 * The analysis band spans the board below the columns; side by side its three slots sit under the
 * three columns, inset like a section's cards so a card is as wide in the row as in its section.
 */
function analysisFrame(
  columns: readonly ColumnLayout[],
  y: number,
  stacked: boolean,
  measure: MeasureText,
  indexes: ReadonlyMap<string, number>,
  labels: CardLabels = {},
): AnalysisFrame {
  const { columnPadding, sectionPadding, headerGap, cardGap, sectionGap } = METRICS;
  const inset = columnPadding + sectionPadding;
  const slots = columns.map((c) => ({ x: c.rect.x + inset, width: c.rect.width - 2 * inset }));
  const first = columns[0]?.rect ?? { x: METRICS.margin, width: METRICS.minColumnWidth };
  const last = columns[columns.length - 1]?.rect ?? first;
  const width = stacked ? first.width : last.x + last.width - first.x;
  const innerWidth = width - 2 * columnPadding;
  const slot = slots[0] ?? { x: first.x + inset, width: first.width - 2 * inset };
  return {
    stacked,
    x: first.x,
    y,
    width,
    padding: columnPadding,
    rowPadding: sectionPadding,
    rowGap: sectionGap,
    slotGap: cardGap,
    slots: [slot, slots[1] ?? slot, slots[2] ?? slot] as const,
    header: {
      titleLines: wrapText(t('analysis.title'), innerWidth, TEXT_STYLES.columnTitle, measure),
      titleLineHeight: TEXT_STYLES.columnTitle.lineHeight,
      promptLines: wrapText(t('analysis.prompt'), innerWidth, TEXT_STYLES.prompt, measure),
      promptLineHeight: TEXT_STYLES.prompt.lineHeight,
      emptyLines: wrapText(t('analysis.empty'), innerWidth, TEXT_STYLES.prompt, measure),
      headerGap,
    },
    placeCard: (card: CardState, x: number, cardY: number, cardWidth: number, pairId: PairId) =>
      placeCard(card, indexes.get(card.id) ?? 0, { x, y: cardY, width: cardWidth }, measure, pairId, labels),
    emptyCardHeight: cardHeight(1, false),
    measure,
  };
}

/** Where the sections and cards of the columns are collected while they are laid out. */
interface Collected {
  readonly sections: SectionLayout[];
  readonly cards: Record<string, CardLayout>;
  readonly rowIndexes: Map<string, number>;
  readonly labels?: CardLabels;
}

function layoutColumn(
  state: BoardState,
  column: Column,
  at: { x: number; y: number; width: number },
  measure: MeasureText,
  members: AnalysisMembers,
  collected: Collected,
): ColumnLayout {
  const { columnPadding, columnHeaderGap, sectionGap } = METRICS;
  const innerWidth = at.width - 2 * columnPadding;
  const titleLines = wrapText(t(`column.${column}`), innerWidth, TEXT_STYLES.columnTitle, measure);
  let y = at.y + columnPadding + titleLines.length * TEXT_STYLES.columnTitle.lineHeight + columnHeaderGap;
  for (const category of CATEGORIES) {
    if (CATEGORY_COLUMN[category] !== column) continue;
    const section = layoutSection(
      state,
      category,
      { x: at.x + columnPadding, y, width: innerWidth },
      measure,
      members.inRow,
      collected.rowIndexes,
      collected.labels,
    );
    collected.sections.push(section.layout);
    for (const card of section.cards) collected.cards[card.cardId] = card;
    y = section.layout.rect.y + section.layout.rect.height + sectionGap;
  }
  const height = y - sectionGap + columnPadding - at.y;
  return { column, rect: { x: at.x, y: at.y, width: at.width, height }, titleLines };
}

function layoutSection(
  state: BoardState,
  category: Category,
  at: { x: number; y: number; width: number },
  measure: MeasureText,
  inRow: ReadonlySet<string>,
  rowIndexes: Map<string, number>,
  labels: CardLabels = {},
): { layout: SectionLayout; cards: CardLayout[] } {
  const { sectionPadding, headerGap, cardGap, addButtonHeight, addButtonWidth } = METRICS;
  const innerX = at.x + sectionPadding;
  const innerWidth = at.width - 2 * sectionPadding;
  const titleLines = wrapText(t(`category.${category}`), innerWidth, TEXT_STYLES.sectionTitle, measure);
  const promptLines = wrapText(t(`prompt.${category}`), innerWidth, TEXT_STYLES.prompt, measure);
  let y =
    at.y +
    sectionPadding +
    titleLines.length * TEXT_STYLES.sectionTitle.lineHeight +
    promptLines.length * TEXT_STYLES.prompt.lineHeight +
    headerGap;

  const placed: CardLayout[] = [];
  const all = cardsInCategory(state, category);
  for (const [index, card] of all.entries()) {
    if (inRow.has(card.id)) {
      rowIndexes.set(card.id, index);
      continue;
    }
    const cardLayout = placeCard(card, index, { x: innerX, y, width: innerWidth }, measure, null, labels);
    placed.push(cardLayout);
    y += cardLayout.rect.height + cardGap;
  }
  const inRowCount = all.length - placed.length;
  const noteY = y;
  const noteLines =
    inRowCount === 0 ? [] : wrapText(inRowNote(inRowCount), innerWidth, TEXT_STYLES.prompt, measure);
  if (noteLines.length > 0) y += noteLines.length * TEXT_STYLES.prompt.lineHeight + cardGap;
  const addButton = { x: innerX, y, width: Math.min(addButtonWidth, innerWidth), height: addButtonHeight };
  const height = y + addButtonHeight + sectionPadding - at.y;
  return {
    layout: {
      category,
      column: CATEGORY_COLUMN[category],
      rect: { x: at.x, y: at.y, width: at.width, height },
      titleLines,
      promptLines,
      addButton,
      cardIds: placed.map((c) => c.cardId),
      categoryCardIds: all.map((c) => c.id),
      noteLines,
      noteY,
    },
    cards: placed,
  };
}

function inRowNote(count: number): string {
  return t('analysis.inRow', { count });
}

/**
 * Do this layout's coordinates mean the same place on every screen? Only the three-column
 * layout's do; a stacked (phone) layout depends on the phone's width, so a phone neither shares
 * its pointer or view nor follows anyone (see MapView / useMapNavigation).
 */
export function sharesBoardCoordinates(layout: BoardLayout): boolean {
  return !layout.stacked;
}
