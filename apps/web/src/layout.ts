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
} from '@kinmap/model';
import { type BoardPoint, containsPoint, type Rect } from './geometry';
import { t } from './messages';

/**
 * Where everything on the board goes, as plain data: the canvas draws it, hit-tests read it,
 * the test bridge reports it. No canvas here: text is measured through the function passed in,
 * so the same code runs in unit tests with a fake measure.
 */

export interface FontSpec {
  readonly size: number;
  readonly weight: 'normal' | 'bold';
  readonly style: 'normal' | 'italic';
}

export interface TextStyle extends FontSpec {
  readonly lineHeight: number;
}

/** Width in pixels of one line of `text` drawn in `font`. */
export type MeasureText = (text: string, font: FontSpec) => number;

export const TEXT_STYLES = {
  columnTitle: { size: 20, weight: 'bold', style: 'normal', lineHeight: 26 },
  sectionTitle: { size: 17, weight: 'bold', style: 'normal', lineHeight: 22 },
  prompt: { size: 14, weight: 'normal', style: 'italic', lineHeight: 19 },
  cardText: { size: 15, weight: 'normal', style: 'normal', lineHeight: 21 },
  cardMeta: { size: 13, weight: 'normal', style: 'normal', lineHeight: 18 },
  addButton: { size: 14, weight: 'bold', style: 'normal', lineHeight: 18 },
} as const satisfies Record<string, TextStyle>;

export const METRICS = {
  margin: 16,
  columnGap: 16,
  columnPadding: 10,
  columnHeaderGap: 8,
  sectionGap: 12,
  sectionPadding: 12,
  headerGap: 10,
  cardGap: 8,
  stripeWidth: 6,
  cardPaddingX: 12,
  cardPaddingY: 10,
  metaGap: 6,
  addButtonWidth: 84,
  addButtonHeight: 32,
  /** Below this column width the three columns are stacked (phones, narrow windows). */
  minColumnWidth: 260,
} as const;

/**
 * The width of the three-column board, in board units, on EVERY screen that shows it: the width
 * the board area has in a typical 1400-pixel-wide laptop window (the window minus the board's
 * scrollbar). Board coordinates (live cursors, following, "bring everyone to me", the wall
 * screen) only mean the same card everywhere if the layout does not depend on the window, so
 * the layout is fixed and the camera scales it to the window instead ("fit width" on open).
 */
export const BOARD_WIDTH = 1385;

/**
 * Windows narrower than this show the stacked one-column layout instead: the width at which the
 * three columns used to reach `minColumnWidth` pixels each. The stacked layout is laid out to the
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
  /** The section's cards in board order. */
  readonly cardIds: readonly CardId[];
}

export interface CardLayout {
  readonly cardId: CardId;
  readonly category: Category;
  readonly index: number;
  readonly rect: Rect;
  /** The card text already wrapped to the card's width. */
  readonly lines: readonly string[];
  readonly hasMeta: boolean;
}

export interface BoardLayout {
  readonly width: number;
  readonly height: number;
  readonly stacked: boolean;
  readonly columns: readonly ColumnLayout[];
  readonly sections: readonly SectionLayout[];
  readonly cards: Readonly<Record<string, CardLayout>>;
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** Does the card show a line for its pair number, marks or the professionals-only flag? */
export function cardHasMeta(card: CardState): boolean {
  return card.professionalsOnly || card.pairId !== null || Object.keys(card.marks).length > 0;
}

/**
 * Computes every rectangle of the board; cards are stacked in board order and never overlap.
 * A window at least `STACK_BELOW_WIDTH` wide gets the three columns at the fixed `BOARD_WIDTH`
 * whatever its size (the window only decides stacked or not); a narrower one gets one stacked
 * column as wide as the window.
 */
export function layoutBoard(state: BoardState, viewport: Viewport, measure: MeasureText): BoardLayout {
  const { margin, columnGap } = METRICS;
  const stacked = viewport.width < STACK_BELOW_WIDTH;
  const width = stacked ? Math.max(viewport.width, 2 * margin + METRICS.minColumnWidth) : BOARD_WIDTH;
  const columnWidth = stacked
    ? width - 2 * margin
    : (width - 2 * margin - (COLUMNS.length - 1) * columnGap) / COLUMNS.length;

  const columns: ColumnLayout[] = [];
  const sections: SectionLayout[] = [];
  // No prototype: card ids come from other people's browsers.
  const cards: Record<string, CardLayout> = Object.create(null);
  let stackTop = margin;
  for (const [i, column] of COLUMNS.entries()) {
    const x = stacked ? margin : margin + i * (columnWidth + columnGap);
    const y = stacked ? stackTop : margin;
    const placed = layoutColumn(state, column, { x, y, width: columnWidth }, measure, sections, cards);
    columns.push(placed);
    stackTop = y + placed.rect.height + columnGap;
  }
  // Side by side, every column reaches the tallest one so the three questions read as one map.
  const tallest = Math.max(...columns.map((c) => c.rect.height));
  const finalColumns = stacked
    ? columns
    : columns.map((c) => ({ ...c, rect: { ...c.rect, height: tallest } }));
  const bottom = Math.max(...finalColumns.map((c) => c.rect.y + c.rect.height));
  return {
    width,
    // Side by side the height is the board's own (not the window's), so it is the same everywhere.
    height: stacked ? Math.max(viewport.height, bottom + margin) : bottom + margin,
    stacked,
    columns: finalColumns,
    sections,
    cards,
  };
}

function layoutColumn(
  state: BoardState,
  column: Column,
  at: { x: number; y: number; width: number },
  measure: MeasureText,
  sections: SectionLayout[],
  cards: Record<string, CardLayout>,
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
    );
    sections.push(section.layout);
    for (const card of section.cards) cards[card.cardId] = card;
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
  for (const [index, card] of cardsInCategory(state, category).entries()) {
    const lines = wrapText(card.text, cardTextWidth(innerWidth), TEXT_STYLES.cardText, measure);
    const hasMeta = cardHasMeta(card);
    const rect = { x: innerX, y, width: innerWidth, height: cardHeight(lines.length, hasMeta) };
    placed.push({ cardId: card.id, category, index, rect, lines, hasMeta });
    y += rect.height + cardGap;
  }
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
    },
    cards: placed,
  };
}

/**
 * Do this layout's coordinates mean the same place on every screen? Only the three-column
 * layout's do; a stacked (phone) layout depends on the phone's width, so a phone neither shares
 * its pointer or view nor follows anyone (see MapView / useMapNavigation).
 */
export function sharesBoardCoordinates(layout: BoardLayout): boolean {
  return !layout.stacked;
}

/** The width available to a card's text once the author stripe and padding are taken off. */
export function cardTextWidth(cardWidth: number): number {
  return Math.max(1, cardWidth - METRICS.stripeWidth - 2 * METRICS.cardPaddingX);
}

function cardHeight(lineCount: number, hasMeta: boolean): number {
  const { cardPaddingY, metaGap } = METRICS;
  const meta = hasMeta ? metaGap + TEXT_STYLES.cardMeta.lineHeight : 0;
  return cardPaddingY + Math.max(1, lineCount) * TEXT_STYLES.cardText.lineHeight + meta + cardPaddingY;
}

/**
 * Greedy word wrap that keeps the writer's line breaks and splits words longer than a line,
 * so no line is ever wider than `maxWidth` (unless a single character is).
 */
export function wrapText(text: string, maxWidth: number, font: FontSpec, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate, font) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (line.length > 1 && measure(line, font) > maxWidth) {
        const cut = longestFittingPrefix(line, maxWidth, font, measure);
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

function longestFittingPrefix(word: string, maxWidth: number, font: FontSpec, measure: MeasureText): number {
  // Binary search: a pasted 20,000-character token must not cost one measure per character.
  let low = 1;
  let high = word.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(word.slice(0, mid), font) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function sectionOf(layout: BoardLayout, category: Category): SectionLayout | undefined {
  return layout.sections.find((s) => s.category === category);
}

/**
 * The section under a point. A point in a column's padding belongs to the nearest section of
 * that column, so a drop just beside a section still lands somewhere sensible.
 */
export function sectionAt(layout: BoardLayout, point: BoardPoint): Category | null {
  const hit = layout.sections.find((s) => containsPoint(s.rect, point));
  if (hit) return hit.category;
  const column = layout.columns.find((c) => containsPoint(c.rect, point));
  if (!column) return null;
  let best: { category: Category; distance: number } | null = null;
  for (const s of layout.sections) {
    if (s.column !== column.column) continue;
    const distance = Math.max(s.rect.y - point.y, point.y - (s.rect.y + s.rect.height), 0);
    if (!best || distance < best.distance) best = { category: s.category, distance };
  }
  return best ? best.category : null;
}

/**
 * Where a card dropped at `point` goes among the section's cards, counted without the card
 * being moved (the model's `moveCard` index means the same).
 */
export function insertionIndexAt(
  layout: BoardLayout,
  category: Category,
  point: BoardPoint,
  movingCardId?: CardId,
): number {
  const others = otherCards(layout, category, movingCardId);
  return others.filter((c) => c.rect.y + c.rect.height / 2 < point.y).length;
}

/** The y of the line that shows where a dragged card would land. */
export function insertionMarkY(
  layout: BoardLayout,
  category: Category,
  index: number,
  movingCardId?: CardId,
): number {
  const others = otherCards(layout, category, movingCardId);
  const half = METRICS.cardGap / 2;
  const next = others[index];
  if (next) return next.rect.y - half;
  const last = others[others.length - 1];
  if (last) return last.rect.y + last.rect.height + half;
  const section = sectionOf(layout, category);
  return section ? section.addButton.y - half : 0;
}

function otherCards(layout: BoardLayout, category: Category, movingCardId?: CardId): CardLayout[] {
  const section = sectionOf(layout, category);
  if (!section) return [];
  return section.cardIds
    .filter((id) => id !== movingCardId)
    .map((id) => layout.cards[id])
    .filter((c): c is CardLayout => c !== undefined);
}

/** All cards in reading order: column by column, section by section, top to bottom. */
export function readingOrder(layout: BoardLayout): CardId[] {
  return layout.sections.flatMap((s) => s.cardIds);
}
