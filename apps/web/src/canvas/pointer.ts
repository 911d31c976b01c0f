import { ownValue } from '@kinmap/model';
import type { BoardLayout } from './boardLayout';
import type { Size } from './camera';
import type { AnchorKind } from './frame';
import { type BoardPoint, boardPoint, containsPoint, type Rect } from './geometry';

/**
 * A live pointer said as what it is over, like a frame (canvas/frame.ts): the card under it, and
 * the section, column or worries-and-goals band holding it, each with the pointer's place inside
 * as fractions of its size. Every screen lays the board out to its own shape (another width, the
 * phone's one column at a time, the family's board without professionals-only cards), so raw
 * board coordinates point at another card elsewhere; anchors point at the same card, at the same
 * spot of it. Pure data; it travels in presence as `cursor` (board/presence/presence.ts).
 */
export interface Pointer {
  /** In the sender's own board coordinates (used only by a reader whose board is the same size). */
  readonly x: number;
  readonly y: number;
  readonly board: Size;
  /** What the pointer is over, the most precise first (card, section, column, band); may be empty. */
  readonly on: readonly PointerAnchor[];
}

export interface PointerAnchor {
  readonly kind: AnchorKind;
  /** The card id, category or column; '' for the worries-and-goals band. */
  readonly id: string;
  /** Where the pointer is inside that thing, as fractions of its width and height (0..1). */
  readonly at: { readonly x: number; readonly y: number };
}

/** A pointer names at most one thing of each kind. */
export const MAX_POINTER_ANCHORS = 4;

/**
 * The anchors of a pointer at `point` (board coordinates of `layout`). `mayName` filters the card
 * ids that may travel (presence reaches everyone: never a professionals-only card; a pointer over
 * one is anchored to its section only).
 */
export function pointerAnchors(
  layout: BoardLayout,
  point: BoardPoint,
  mayName: (cardId: string) => boolean = () => true,
): Pointer {
  const on: PointerAnchor[] = [];
  const add = (kind: AnchorKind, id: string, rect: Rect) => {
    if (containsPoint(rect, point)) on.push({ kind, id, at: fractionIn(point, rect) });
  };
  for (const id of Object.keys(layout.cards)) {
    const card = layout.cards[id];
    if (card && mayName(id) && containsPoint(card.rect, point)) {
      add('card', id, card.rect);
      break;
    }
  }
  const section = layout.sections.find((s) => containsPoint(s.rect, point));
  if (section) add('section', section.category, section.rect);
  const column = layout.columns.find((c) => containsPoint(c.rect, point));
  if (column) add('column', column.column, column.rect);
  add('analysis', '', layout.analysis.rect);
  return { x: point.x, y: point.y, board: { width: layout.width, height: layout.height }, on };
}

/**
 * Where a pointer goes in THIS layout: in the first of its anchors this layout shows (a card this
 * screen does not show, or a deleted one, falls back to its section), at the same fractions. With
 * no anchor here, the sender's coordinates when the two boards are the same size (the same
 * layout); otherwise null: a pointer that cannot be placed is not drawn rather than drawn over
 * the wrong card.
 */
export function pointerTarget(layout: BoardLayout, pointer: Pointer): BoardPoint | null {
  for (const anchor of pointer.on) {
    const holder = anchorRect(layout, anchor);
    if (holder) return fromFraction(anchor.at, holder);
  }
  const same = pointer.board.width === layout.width && pointer.board.height === layout.height;
  if (!same) return null;
  if (pointer.x < 0 || pointer.y < 0 || pointer.x > layout.width || pointer.y > layout.height) return null;
  return boardPoint(pointer.x, pointer.y);
}

function anchorRect(layout: BoardLayout, anchor: PointerAnchor): Rect | null {
  switch (anchor.kind) {
    case 'card':
      return ownValue(layout.cards, anchor.id)?.rect ?? null;
    case 'section':
      return layout.sections.find((s) => s.category === anchor.id)?.rect ?? null;
    case 'column':
      return layout.columns.find((c) => c.column === anchor.id)?.rect ?? null;
    case 'analysis':
      // An empty band (no pairs yet) is a line, not a place.
      return layout.analysis.rect.height > 0 ? layout.analysis.rect : null;
  }
}

function fractionIn(point: BoardPoint, rect: Rect): { x: number; y: number } {
  const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
  return {
    x: clamp01(rect.width > 0 ? (point.x - rect.x) / rect.width : 0),
    y: clamp01(rect.height > 0 ? (point.y - rect.y) / rect.height : 0),
  };
}

function fromFraction(at: { x: number; y: number }, rect: Rect): BoardPoint {
  return boardPoint(rect.x + at.x * rect.width, rect.y + at.y * rect.height);
}
