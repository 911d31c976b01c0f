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
import {
  CARD_TEXT_STYLES,
  cardTextOf,
  type HeadingStyles,
  headingStylesFor,
  METRICS,
  type MeasureText,
  MIN_CARD_LINE_EMS,
  TEXT_STYLES,
  type TextStyle,
} from './boardMetrics';
import { fitRect } from './camera';
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
  /** The title's style (larger in a wall's large-text layout). */
  readonly titleStyle: TextStyle;
}

export interface SectionLayout {
  readonly category: Category;
  readonly column: Column;
  readonly rect: Rect;
  readonly titleLines: readonly string[];
  readonly promptLines: readonly string[];
  /** The title's and the prompt's (and note's) styles (larger in a wall's large-text layout). */
  readonly titleStyle: TextStyle;
  readonly promptStyle: TextStyle;
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
  /** The card text's style: larger in a wall's large-text layout. */
  readonly cardText: TextStyle;
  /** How many lanes of cards each column has, when cards flow (null: one card a row). */
  readonly lanes: readonly number[] | null;
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/**
 * How a screen lays the board out (`chooseLayout` picks it for the screen's size and shape): the
 * three columns' total width, the card text's style, and whether cards flow several to a row in
 * a section wide enough for it (left to right, then down: the reading order is the board order).
 */
export interface LayoutChoice {
  readonly width: number;
  readonly cardText: TextStyle;
  readonly flow: boolean;
  /**
   * How many lanes each column has when cards flow (`BoardLayout.lanes` of the layout chosen):
   * kept with the choice so that typing never shares the lanes out anew. Worked out when absent.
   */
  readonly lanes?: readonly number[] | undefined;
}

/** Today's layout at `width`: standard card text, one card a row. */
export function standardChoice(width: number = BOARD_WIDTH): LayoutChoice {
  return { width, cardText: TEXT_STYLES.cardText, flow: false };
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
  choice: number | LayoutChoice = BOARD_WIDTH,
): BoardLayout {
  const { margin, columnGap } = METRICS;
  const {
    width: boardWidth,
    cardText,
    flow,
    lanes: chosenLanes,
  } = typeof choice === 'number' ? standardChoice(choice) : choice;
  const style = { cardText, flow, headings: headingStylesFor(cardText) };
  const stacked = viewport.width < STACK_BELOW_WIDTH;
  const pageWidth = Math.max(viewport.width, 2 * margin + METRICS.minColumnWidth);
  const width = stacked
    ? pageWidth * (COLUMNS.length + 1)
    : Math.max(STACK_BELOW_WIDTH, Number.isFinite(boardWidth) ? boardWidth : BOARD_WIDTH);
  const columnWidth = stacked
    ? pageWidth - 2 * margin
    : (width - 2 * margin - (COLUMNS.length - 1) * columnGap) / COLUMNS.length;

  const members = analysisMembers(state);
  // What the cards' badges and notes name: people and pair numbers.
  const labels: CardLabels = {
    names: state.participants,
    pairNumbers: pairNumbers(state),
    people: state.people,
  };
  const placeColumns = (widths: readonly number[], lanes: readonly (number | undefined)[] = []) => {
    const columns: ColumnLayout[] = [];
    const sections: SectionLayout[] = [];
    // No prototype: card ids come from other people's browsers.
    const cards: Record<string, CardLayout> = Object.create(null);
    // The model's index of each card in the row, found while its section is laid out.
    const rowIndexes = new Map<string, number>();
    let x = margin;
    for (const [i, column] of COLUMNS.entries()) {
      const columnAt = stacked ? i * pageWidth + margin : x;
      const at = { x: columnAt, y: margin, width: widths[i] ?? columnWidth };
      const columnStyle = { ...style, lanes: lanes[i] };
      columns.push(
        layoutColumn(state, column, at, measure, members, {
          sections,
          cards,
          rowIndexes,
          labels,
          style: columnStyle,
        }),
      );
      x += at.width + columnGap;
    }
    return { columns, sections, cards, rowIndexes };
  };
  const lanes =
    flow && !stacked
      ? laneColumns(
          width,
          cardText,
          (i, laneCount, laneWidth) => {
            const column = COLUMNS[i] ?? 'worries';
            const at = { x: 0, y: margin, width: laneWidth };
            const scratch = { sections: [], cards: Object.create(null), rowIndexes: new Map(), labels };
            return layoutColumn(state, column, at, measure, members, {
              ...scratch,
              style: { ...style, lanes: laneCount },
            }).rect.height;
          },
          chosenLanes,
        )
      : null;
  const laid = lanes
    ? placeColumns(lanes.widths, lanes.counts)
    : placeColumns(COLUMNS.map(() => columnWidth));
  const { columns, sections, cards, rowIndexes } = laid;
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
    ? analysisFrame(rowPage, margin, true, measure, rowIndexes, labels, cardText)
    : analysisFrame(finalColumns, columnsBottom + columnGap, false, measure, rowIndexes, labels, cardText);
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
    cardText,
    lanes: lanes?.counts ?? null,
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

/** Screens at least this wide (CSS px) may get the large-text layout: a wall, a big monitor. */
export const LARGE_TEXT_MIN_WIDTH = 1600;

/**
 * Above this many cards no text size makes the board readable from across a room at "Fit", and
 * the search would cost a wall a moment at every added card: such a board keeps today's layout.
 */
export const LARGE_TEXT_MAX_CARDS = 80;

/** The card text's size on the screen (CSS px) when `layout` is fitted into `viewport` ("Fit", canvas/camera.ts). */
export function fittedTextPx(layout: BoardLayout, viewport: Viewport): number {
  const whole = { x: 0, y: 0, width: layout.width, height: layout.height };
  return layout.cardText.size * fitRect(whole, viewport).scale;
}

/**
 * How a screen of `viewport`'s size lays the board out. Every screen gets the width that fills
 * its shape best (`chooseBoardWidth`). A wall-sized screen (`LARGE_TEXT_MIN_WIDTH` and wider)
 * also tries the large-text layouts: each card text size of `CARD_TEXT_STYLES`, cards one a row
 * or flowing several to a row, at the widths that fill its shape; it takes the one whose card
 * text is largest at "Fit", and today's layout unless another is larger. A phone is unchanged.
 */
export function chooseLayout(state: BoardState, viewport: Viewport, measureText: MeasureText): LayoutChoice {
  const today = standardChoice(chooseBoardWidth(state, viewport, measureText));
  if (
    viewport.width < Math.max(LARGE_TEXT_MIN_WIDTH, STACK_BELOW_WIDTH) ||
    viewport.height <= 0 ||
    Object.keys(state.cards).length > LARGE_TEXT_MAX_CARDS
  )
    return today;
  // The trial layouts wrap the cards at many widths: through a measure of their own, whose
  // remembered wrappings (text/textWrap.ts) go with it, so they never push out the board's own.
  const measure: MeasureText = (text, font) => measureText(text, font);
  const target = viewport.width / viewport.height;
  let best = today;
  let bestPx = fittedTextPx(layoutBoard(state, viewport, measure, today), viewport);
  // Cards flowing in lanes at each text size, smallest first, until a larger size fits smaller.
  let previousPx = 0;
  let declines = 0;
  for (const cardText of CARD_TEXT_STYLES) {
    // Larger words need a proportionally wider board for the same shape.
    const widths = BOARD_WIDTHS.map((w) => Math.round((w * cardText.size) / TEXT_STYLES.cardText.size));
    const laid = new Map<number, BoardLayout>();
    const at = (width: number) => {
      let layout = laid.get(width);
      if (!layout) {
        layout = layoutBoard(state, viewport, measure, { width, cardText, flow: true });
        laid.set(width, layout);
      }
      return layout;
    };
    const closest = widths.indexOf(
      bestWidth(widths, target, (w) => at(w).width / Math.max(1, at(w).height), widths[0]),
    );
    // The closest shape and its neighbours: the one fitted largest.
    let sizePx = 0;
    for (const width of widths.slice(Math.max(0, closest - 1), closest + 2)) {
      const px = fittedTextPx(at(width), viewport);
      sizePx = Math.max(sizePx, px);
      if (px > bestPx * 1.01) {
        best = { width, cardText, flow: true };
        bestPx = px;
      }
    }
    // Past the best size the text fits smaller and smaller: two sizes worse in a row end the search.
    declines = sizePx < previousPx ? declines + 1 : 0;
    if (declines === 2) break;
    previousPx = Math.max(previousPx, sizePx);
  }
  // Between the steps tried, around the best found: text sizes, then widths.
  if (best.flow) {
    const found = best;
    const size = found.cardText.size;
    const nearby = [
      ...[-4, -2, 2, 4].map((d) => ({ ...found, cardText: cardTextOf(size + d) })),
      ...[0.92, 0.96, 1.04, 1.08].map((k) => ({ ...found, width: Math.round(found.width * k) })),
    ];
    for (const choice of nearby) {
      const px = fittedTextPx(layoutBoard(state, viewport, measure, choice), viewport);
      if (px > bestPx) {
        best = choice;
        bestPx = px;
      }
    }
  }
  // The lanes go with the choice, so that the board keeps them while cards grow and shrink.
  return best.flow
    ? { ...best, lanes: layoutBoard(state, viewport, measure, best).lanes ?? undefined }
    : best;
}

/** The width whose aspect is closest to `target` (by ratio), given aspects that grow with the width. */
export function bestWidth(
  widths: readonly number[],
  target: number,
  aspect: (width: number) => number,
  fallback: number = BOARD_WIDTH,
): number {
  const seen = new Map<number, number>();
  const at = (i: number) => {
    const w = widths[i] ?? fallback;
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
  return widths[best] ?? fallback;
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
  cardText: TextStyle = TEXT_STYLES.cardText,
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
      placeCard(
        card,
        indexes.get(card.id) ?? 0,
        { x, y: cardY, width: cardWidth },
        measure,
        pairId,
        labels,
        cardText,
      ),
    emptyCardHeight: cardHeight(1, false, 1, cardText),
    measure,
  };
}

/** Where the sections and cards of the columns are collected while they are laid out. */
interface Collected {
  readonly sections: SectionLayout[];
  readonly cards: Record<string, CardLayout>;
  readonly rowIndexes: Map<string, number>;
  readonly labels?: CardLabels;
  readonly style: SectionStyle;
}

/** How a section's cards are drawn: their text style, and whether they may flow several to a row. */
interface SectionStyle {
  readonly cardText: TextStyle;
  readonly flow: boolean;
  readonly headings: HeadingStyles;
  /** How many lanes the column has (the wall's layout shares lanes out among the columns). */
  readonly lanes?: number | undefined;
}

/**
 * The wall's columns of lanes: the board's width cut into as many lanes as hold cards of
 * `MIN_CARD_LINE_EMS` characters a line (all lanes equally wide, so every card is), shared out
 * among the three columns so that the tallest column is as short as it can be: one lane each,
 * then each further lane to the column that is tallest now. `heightOf(column, lanes, width)` is
 * a column's height laid out with that many lanes.
 */
function laneColumns(
  boardWidth: number,
  cardText: TextStyle,
  heightOf: (column: number, lanes: number, width: number) => number,
  chosen?: readonly number[],
): { widths: number[]; counts: number[] } {
  const { margin, columnGap, columnPadding, sectionPadding, cardGap } = METRICS;
  const n = COLUMNS.length;
  const frame = 2 * (columnPadding + sectionPadding);
  const room = boardWidth - 2 * margin - (n - 1) * columnGap - n * frame;
  const total = Math.max(n, Math.floor((room + n * cardGap) / (minCardWidth(cardText) + cardGap)));
  const lane = Math.max(1, (room - (total - n) * cardGap) / total);
  const widthOf = (k: number) => frame + k * lane + (k - 1) * cardGap;
  // Lanes already shared out (the screen's choice, kept while someone types): used as they are.
  if (
    chosen?.length === n &&
    chosen.every((k) => Number.isInteger(k) && k >= 1) &&
    chosen.reduce((a, b) => a + b, 0) === total
  )
    return { widths: chosen.map(widthOf), counts: [...chosen] };
  const counts = COLUMNS.map(() => 1);
  const heights = counts.map((k, i) => heightOf(i, k, widthOf(k)));
  for (let given = n; given < total; given++) {
    const tallest = heights.indexOf(Math.max(...heights));
    const k = (counts[tallest] ?? 1) + 1;
    counts[tallest] = k;
    heights[tallest] = heightOf(tallest, k, widthOf(k));
  }
  return { widths: counts.map(widthOf), counts };
}

/** The narrowest a card flowing beside others may be: room for `MIN_CARD_LINE_EMS` characters a line. */
function minCardWidth(cardText: TextStyle): number {
  const { stripeWidth, cardPaddingX } = METRICS;
  return MIN_CARD_LINE_EMS * 0.55 * cardText.size + stripeWidth + 2 * cardPaddingX;
}

/**
 * How many cards sit side by side in a section `innerWidth` wide: one, unless the layout flows
 * cards and each of several would still hold `MIN_CARD_LINE_EMS` characters a line.
 */
export function cardsPerRow(innerWidth: number, style: SectionStyle): number {
  if (!style.flow) return 1;
  if (style.lanes !== undefined) return Math.max(1, style.lanes);
  const { cardGap } = METRICS;
  return Math.max(1, Math.floor((innerWidth + cardGap) / (minCardWidth(style.cardText) + cardGap)));
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
  const titleStyle = collected.style.headings.columnTitle;
  const titleLines = wrapText(t(`column.${column}`), innerWidth, titleStyle, measure);
  let y = at.y + columnPadding + titleLines.length * titleStyle.lineHeight + columnHeaderGap;
  for (const category of CATEGORIES) {
    if (CATEGORY_COLUMN[category] !== column) continue;
    const section = layoutSection(
      state,
      category,
      { x: at.x + columnPadding, y, width: innerWidth },
      measure,
      members.inRow,
      collected.rowIndexes,
      collected.style,
      collected.labels,
    );
    collected.sections.push(section.layout);
    for (const card of section.cards) collected.cards[card.cardId] = card;
    y = section.layout.rect.y + section.layout.rect.height + sectionGap;
  }
  const height = y - sectionGap + columnPadding - at.y;
  return { column, rect: { x: at.x, y: at.y, width: at.width, height }, titleLines, titleStyle };
}

function layoutSection(
  state: BoardState,
  category: Category,
  at: { x: number; y: number; width: number },
  measure: MeasureText,
  inRow: ReadonlySet<string>,
  rowIndexes: Map<string, number>,
  style: SectionStyle,
  labels: CardLabels = {},
): { layout: SectionLayout; cards: CardLayout[] } {
  const { sectionPadding, headerGap, cardGap, addButtonHeight, addButtonWidth } = METRICS;
  const innerX = at.x + sectionPadding;
  const innerWidth = at.width - 2 * sectionPadding;
  const { sectionTitle: titleStyle, prompt: promptStyle } = style.headings;
  const titleLines = wrapText(t(`category.${category}`), innerWidth, titleStyle, measure);
  const promptLines = wrapText(t(`prompt.${category}`), innerWidth, promptStyle, measure);
  let y =
    at.y +
    sectionPadding +
    titleLines.length * titleStyle.lineHeight +
    promptLines.length * promptStyle.lineHeight +
    headerGap;

  const placed: CardLayout[] = [];
  const all = cardsInCategory(state, category);
  const shown = all.filter((card, index) => {
    if (inRow.has(card.id)) rowIndexes.set(card.id, index);
    return !inRow.has(card.id);
  }).length;
  // `perRow` lanes side by side; the cards in board order run down the first lane, then the next
  // (as a newspaper's columns read), the lanes as even in height as the order allows.
  let perRow = Math.max(1, Math.min(cardsPerRow(innerWidth, style), shown));
  const laidIn = (lanes: number) => {
    const width = lanes === 1 ? innerWidth : (innerWidth - (lanes - 1) * cardGap) / lanes;
    const sized: CardLayout[] = [];
    for (const [index, card] of all.entries()) {
      if (inRow.has(card.id)) continue;
      sized.push(placeCard(card, index, { x: innerX, y, width }, measure, null, labels, style.cardText));
    }
    return {
      width,
      sized,
      runs: splitIntoLanes(
        sized.map((c) => c.rect.height + cardGap),
        lanes,
      ),
    };
  };
  let flowed = laidIn(perRow);
  // The best split may leave a lane empty (a few cards of different heights): the cards then
  // widen to the lanes they use, so no lane of the section stays empty.
  for (let tries = 0; tries < 3 && flowed.runs.length < perRow; tries++) {
    perRow = flowed.runs.length;
    flowed = laidIn(perRow);
  }
  const { width: cardWidth, sized, runs: lanes } = flowed;
  let bottom = y;
  for (const [lane, [from, to]] of lanes.entries()) {
    const x = innerX + lane * (cardWidth + cardGap);
    let laneY = y;
    for (const cardLayout of sized.slice(from, to)) {
      // A card's parts are offsets from its corner: moving it is moving its rectangle.
      placed.push({ ...cardLayout, rect: { ...cardLayout.rect, x, y: laneY } });
      laneY += cardLayout.rect.height + cardGap;
    }
    bottom = Math.max(bottom, laneY);
  }
  y = bottom;
  const inRowCount = all.length - placed.length;
  const noteY = y;
  const noteLines = inRowCount === 0 ? [] : wrapText(inRowNote(inRowCount), innerWidth, promptStyle, measure);
  if (noteLines.length > 0) y += noteLines.length * promptStyle.lineHeight + cardGap;
  const addButton = { x: innerX, y, width: Math.min(addButtonWidth, innerWidth), height: addButtonHeight };
  const height = y + addButtonHeight + sectionPadding - at.y;
  return {
    layout: {
      category,
      column: CATEGORY_COLUMN[category],
      rect: { x: at.x, y: at.y, width: at.width, height },
      titleLines,
      promptLines,
      titleStyle,
      promptStyle,
      addButton,
      cardIds: placed.map((c) => c.cardId),
      categoryCardIds: all.map((c) => c.id),
      noteLines,
      noteY,
    },
    cards: placed,
  };
}

/**
 * Splits a run of `heights` into at most `lanes` consecutive runs whose largest total is as small
 * as it can be (the section as short as possible): [from, to) index pairs, in order.
 */
export function splitIntoLanes(heights: readonly number[], lanes: number): Array<[number, number]> {
  const runs = (limit: number) => {
    const out: Array<[number, number]> = [];
    let from = 0;
    let sum = 0;
    for (const [i, h] of heights.entries()) {
      if (i > from && sum + h > limit) {
        out.push([from, i]);
        from = i;
        sum = 0;
      }
      sum += h;
    }
    if (heights.length > 0) out.push([from, heights.length]);
    return out;
  };
  if (lanes <= 1 || heights.length <= 1) return runs(Number.POSITIVE_INFINITY);
  let lo = Math.max(...heights);
  let hi = heights.reduce((a, b) => a + b, 0);
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (runs(mid).length <= lanes) hi = mid;
    else lo = mid;
  }
  return runs(hi);
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
