import { CATEGORIES, type Category, COLUMNS, type Column, ownValue } from '@kinmap/model';
import type { BoardLayout } from './boardLayout';
import type { Camera, Size } from './camera';
import { containsPoint, containsRect, type Rect } from './geometry';

/**
 * A frame: the part of the board someone looks at, said as what it holds rather than as pixels,
 * so another screen with another layout (another width, the phone's stacked column, the wall's
 * large text) can show the same things. Pure data; it travels in presence (see presence.ts).
 *
 * - `columns`, `sections`, `cards`, `analysis`: what lies WHOLLY inside the rectangle. A card
 *   inside a listed section (or column) is not listed again: the section holds it everywhere.
 * - `within`: when the rectangle holds nothing whole (zoomed into one long card), the smallest
 *   thing that holds its centre and where the rectangle sits in it, as fractions of its size.
 * - `onBoard`: the rectangle as fractions of the whole board, the last resort.
 */
export interface Frame {
  /** The rectangle in the sender's own board coordinates (only meaningful in the same layout). */
  readonly rect: Rect;
  /** The size of the sender's board: a follower whose board is the same size shares its coordinates. */
  readonly board: Size;
  readonly columns: readonly Column[];
  readonly sections: readonly Category[];
  readonly cards: readonly string[];
  readonly analysis: boolean;
  readonly within: FrameWithin | null;
  readonly onBoard: Rect;
}

export type AnchorKind = 'card' | 'section' | 'column' | 'analysis';

export interface FrameWithin {
  readonly kind: AnchorKind;
  /** The card id, category or column; '' for the analysis band. */
  readonly id: string;
  /** The frame inside that thing, as fractions of its width and height (may reach past 0..1). */
  readonly at: Rect;
}

/** At most this many card anchors travel in one frame (presence stays small; see PROTOCOL.md). */
export const MAX_FRAME_CARDS = 200;

/** Guards divisions by empty rectangles. */
const EPSILON = 1e-6;

/**
 * The anchors of the frame `rect` (board coordinates of `layout`). `mayName` filters the card ids
 * that may travel (presence reaches everyone: never a professionals-only card).
 */
export function frameAnchors(
  layout: BoardLayout,
  rect: Rect,
  mayName: (cardId: string) => boolean = () => true,
): Frame {
  const inside = (r: Rect) => containsRect(rect, r);
  const columns = layout.columns.filter((c) => inside(c.rect)).map((c) => c.column);
  const wholeColumns = new Set(columns);
  const sectionsInside = layout.sections.filter((s) => inside(s.rect));
  const sections = sectionsInside.filter((s) => !wholeColumns.has(s.column)).map((s) => s.category);
  const covered = new Set<string>();
  for (const s of sectionsInside) for (const id of s.cardIds) covered.add(id);
  const analysis = inside(layout.analysis.rect);
  if (analysis)
    for (const row of layout.analysis.rows) {
      if (row.dangerStatementId) covered.add(row.dangerStatementId);
      if (row.safetyGoalId) covered.add(row.safetyGoalId);
    }
  const cards: string[] = [];
  for (const id of Object.keys(layout.cards)) {
    const card = layout.cards[id];
    if (!card || covered.has(id) || !mayName(id) || !inside(card.rect)) continue;
    if (cards.length < MAX_FRAME_CARDS) cards.push(id);
  }
  const board = { x: 0, y: 0, width: layout.width, height: layout.height };
  return {
    rect,
    board: { width: layout.width, height: layout.height },
    columns,
    sections,
    cards,
    analysis,
    within: withinOf(layout, rect, mayName),
    onBoard: fractionOf(rect, board),
  };
}

/**
 * The rectangle of `layout` holding everything `frame` anchors: every anchored column, section,
 * card and the analysis band as laid out HERE. Anchors this layout does not show (a card hidden
 * on this screen, a deleted one) are skipped. With no anchor here, the `within` fallback, then
 * the board fractions. Never null: there is always a board.
 */
export function frameTarget(layout: BoardLayout, frame: Frame): Rect {
  const rects: Rect[] = [];
  for (const column of frame.columns) {
    const c = layout.columns.find((x) => x.column === column);
    if (c) rects.push(c.rect);
  }
  for (const category of frame.sections) {
    const s = layout.sections.find((x) => x.category === category);
    if (s) rects.push(s.rect);
  }
  for (const id of frame.cards) {
    const card = ownValue(layout.cards, id);
    if (card) rects.push(card.rect);
  }
  if (frame.analysis) rects.push(layout.analysis.rect);
  const board = { x: 0, y: 0, width: layout.width, height: layout.height };
  // The same board the same size: the sender's rectangle means the same place here too.
  const same = frame.board.width === layout.width && frame.board.height === layout.height;
  if (same) rects.push(clampTo(frame.rect, board));
  const union = unionOf(rects);
  if (union) return union;
  const holder = frame.within ? anchorRect(layout, frame.within.kind, frame.within.id) : null;
  if (holder && frame.within) return clampTo(fromFraction(frame.within.at, holder), board);
  return clampTo(fromFraction(frame.onBoard, board), board);
}

/** Where a letterboxed view looks: `scale` screen pixels per board unit, board point (x, y) at its top left. */
export interface FitView {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The view that shows all of `target` in a screen of `view` size, centred, as large as it fits:
 * the other dimension gets bands (letterbox or pillarbox), never a crop. `padding` screen pixels
 * are kept on the tighter side.
 */
export function letterbox(target: Rect, view: Size, padding = 16): FitView {
  const pad = Math.max(0, Math.min(padding, view.width / 4, view.height / 4));
  const scale = Math.max(
    EPSILON,
    Math.min(
      (view.width - 2 * pad) / Math.max(EPSILON, target.width),
      (view.height - 2 * pad) / Math.max(EPSILON, target.height),
    ),
  );
  return {
    scale,
    x: target.x + target.width / 2 - view.width / 2 / scale,
    y: target.y + target.height / 2 - view.height / 2 / scale,
  };
}

/**
 * The camera for a fitted view: the same numbers (the camera is a transform of a viewport-sized
 * stage, so a letterboxed view may start left of or above the board and is centred).
 */
export function fitCamera(fit: FitView): Camera {
  return { scale: fit.scale, x: fit.x, y: fit.y };
}

/** A board rectangle on the screen of a fitted view. */
export function onScreen(rect: Rect, fit: FitView): Rect {
  return {
    x: (rect.x - fit.x) * fit.scale,
    y: (rect.y - fit.y) * fit.scale,
    width: rect.width * fit.scale,
    height: rect.height * fit.scale,
  };
}

/**
 * How a follower (not the wall) shows a frame: letterboxed like the wall when that leaves the
 * text at least `minReadable` of this screen's reading size (`readingScale`, its fit-width zoom);
 * otherwise (a whole column on a phone) at the reading size with the first anchored thing at
 * the top, so the phone shows the same section and card to start from.
 */
export function followView(
  layout: BoardLayout,
  frame: Frame,
  view: Size,
  readingScale: number,
  minReadable = 0.6,
): FitView {
  const fit = letterbox(frameTarget(layout, frame), view);
  if (fit.scale >= readingScale * minReadable) return fit;
  const first = firstAnchor(layout, frame) ?? frameTarget(layout, frame);
  const top = Math.max(0, first.y - 8 / readingScale);
  return { scale: readingScale, x: 0, y: top };
}

/** The ids of the cards wholly inside `rect` (the test bridge and the tests ask this). */
export function cardsWhollyIn(layout: BoardLayout, rect: Rect): string[] {
  return Object.keys(layout.cards).filter((id) => {
    const card = layout.cards[id];
    return card !== undefined && containsRect(rect, card.rect);
  });
}

/**
 * Where a phone goes: the first anchored CARD as laid out here (a listed card, or one inside an
 * anchored section, column or the analysis band), so the same card is in view; else the first
 * anchored section or column. Topmost first (the stacked layout reads top to bottom).
 */
export function firstAnchor(layout: BoardLayout, frame: Frame): Rect | null {
  const cards: Rect[] = [];
  const others: Rect[] = [];
  const addCard = (id: string) => {
    const card = ownValue(layout.cards, id);
    if (card) cards.push(card.rect);
  };
  for (const column of frame.columns) {
    const c = layout.columns.find((x) => x.column === column);
    if (c) others.push(c.rect);
    for (const s of layout.sections) if (s.column === column) for (const id of s.cardIds) addCard(id);
  }
  for (const category of frame.sections) {
    const s = layout.sections.find((x) => x.category === category);
    if (!s) continue;
    others.push(s.rect);
    for (const id of s.cardIds) addCard(id);
  }
  for (const id of frame.cards) addCard(id);
  if (frame.analysis) {
    others.push(layout.analysis.rect);
    for (const row of layout.analysis.rows) {
      if (row.dangerStatementId) addCard(row.dangerStatementId);
      if (row.safetyGoalId) addCard(row.safetyGoalId);
    }
  }
  const pick = cards.length > 0 ? cards : others;
  pick.sort((a, b) => a.y - b.y || a.x - b.x);
  return pick[0] ?? null;
}

/** The column a frame is mostly about, here: the one holding its first anchor (for a one-column phone). */
export function frameColumn(layout: BoardLayout, frame: Frame): Column | null {
  const first = frame.columns[0];
  if (first) return first;
  const category = frame.sections[0];
  if (category) return layout.sections.find((s) => s.category === category)?.column ?? null;
  for (const id of frame.cards) {
    const card = ownValue(layout.cards, id);
    if (!card) continue;
    const section = layout.sections.find((s) => s.category === card.category);
    if (section) return section.column;
  }
  if (frame.within?.kind === 'column' && isColumn(frame.within.id)) return frame.within.id;
  return null;
}

export function isColumn(x: unknown): x is Column {
  return typeof x === 'string' && (COLUMNS as readonly string[]).includes(x);
}

export function isCategory(x: unknown): x is Category {
  return typeof x === 'string' && (CATEGORIES as readonly string[]).includes(x);
}

function withinOf(layout: BoardLayout, rect: Rect, mayName: (cardId: string) => boolean): FrameWithin | null {
  const centre = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  for (const id of Object.keys(layout.cards)) {
    const card = layout.cards[id];
    if (card && mayName(id) && containsPoint(card.rect, centre))
      return { kind: 'card', id, at: fractionOf(rect, card.rect) };
  }
  const section = layout.sections.find((s) => containsPoint(s.rect, centre));
  if (section) return { kind: 'section', id: section.category, at: fractionOf(rect, section.rect) };
  const column = layout.columns.find((c) => containsPoint(c.rect, centre));
  if (column) return { kind: 'column', id: column.column, at: fractionOf(rect, column.rect) };
  if (containsPoint(layout.analysis.rect, centre))
    return { kind: 'analysis', id: '', at: fractionOf(rect, layout.analysis.rect) };
  return null;
}

function anchorRect(layout: BoardLayout, kind: AnchorKind, id: string): Rect | null {
  switch (kind) {
    case 'card':
      return ownValue(layout.cards, id)?.rect ?? null;
    case 'section':
      return layout.sections.find((s) => s.category === id)?.rect ?? null;
    case 'column':
      return layout.columns.find((c) => c.column === id)?.rect ?? null;
    case 'analysis':
      return layout.analysis.rect;
  }
}

function unionOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function fractionOf(rect: Rect, holder: Rect): Rect {
  const w = Math.max(EPSILON, holder.width);
  const h = Math.max(EPSILON, holder.height);
  return {
    x: (rect.x - holder.x) / w,
    y: (rect.y - holder.y) / h,
    width: rect.width / w,
    height: rect.height / h,
  };
}

function fromFraction(at: Rect, holder: Rect): Rect {
  return {
    x: holder.x + at.x * holder.width,
    y: holder.y + at.y * holder.height,
    width: at.width * holder.width,
    height: at.height * holder.height,
  };
}

function clampTo(rect: Rect, bounds: Rect): Rect {
  const width = Math.min(
    bounds.width,
    Math.max(1, Math.min(rect.x + rect.width, bounds.x + bounds.width) - Math.max(rect.x, bounds.x)),
  );
  const height = Math.min(
    bounds.height,
    Math.max(1, Math.min(rect.y + rect.height, bounds.y + bounds.height) - Math.max(rect.y, bounds.y)),
  );
  const x = Math.min(Math.max(rect.x, bounds.x), bounds.x + bounds.width - width);
  const y = Math.min(Math.max(rect.y, bounds.y), bounds.y + bounds.height - height);
  return { x, y, width, height };
}
