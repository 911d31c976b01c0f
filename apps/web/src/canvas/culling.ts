import type { Rect } from './geometry';

/** How far past the visible area cards are still drawn, in viewports: a fast pan never shows a gap. */
const MARGIN_VIEWPORTS = 1;
/** The drawn window snaps to this grid (board units), so small scrolls do not re-render the canvas. */
const GRID = 512;

export interface ScrollView {
  readonly scrollLeft: number;
  readonly scrollTop: number;
  readonly clientWidth: number;
  readonly clientHeight: number;
  readonly scale: number;
}

/** The part of the board (board coordinates) worth drawing: the view, a margin around it, snapped out to the grid. */
export function drawWindow(view: ScrollView): Rect {
  const k = view.scale > 0 ? view.scale : 1;
  const w = view.clientWidth / k;
  const h = view.clientHeight / k;
  const left = Math.floor((view.scrollLeft / k - w * MARGIN_VIEWPORTS) / GRID) * GRID;
  const top = Math.floor((view.scrollTop / k - h * MARGIN_VIEWPORTS) / GRID) * GRID;
  const right = Math.ceil((view.scrollLeft / k + w * (1 + MARGIN_VIEWPORTS)) / GRID) * GRID;
  const bottom = Math.ceil((view.scrollTop / k + h * (1 + MARGIN_VIEWPORTS)) / GRID) * GRID;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export function sameRect(a: Rect | null, b: Rect | null): boolean {
  return (
    a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height)
  );
}

/** Whether any part of `rect` lies in `area` (a null area draws everything). */
export function overlaps(rect: Rect, area: Rect | null): boolean {
  if (!area) return true;
  return (
    rect.x < area.x + area.width &&
    rect.x + rect.width > area.x &&
    rect.y < area.y + area.height &&
    rect.y + rect.height > area.y
  );
}

/** Below this many cards the whole board is drawn: cheap enough, and every card stays hit-testable. */
export const CULL_FROM_CARDS = 300;

/** The window to cull against for a board of `cardCount` cards (null: draw everything). */
export function cullingArea(area: Rect | null, cardCount: number): Rect | null {
  return cardCount >= CULL_FROM_CARDS ? area : null;
}
