import type { Camera, Size } from './camera';
import type { Rect } from './geometry';

/** How far past the visible area cards are still drawn, in viewports: a fast pan never shows a gap. */
const MARGIN_VIEWPORTS = 1;
/** The drawn window snaps to this grid (board units), so small scrolls do not re-render the canvas. */
const GRID = 512;

/** The part of the board (board coordinates) worth drawing: the camera's view, a margin around it, snapped out to the grid. */
export function drawWindow(camera: Camera, view: Size): Rect {
  const k = camera.scale > 0 ? camera.scale : 1;
  const w = view.width / k;
  const h = view.height / k;
  const left = Math.floor((camera.x - w * MARGIN_VIEWPORTS) / GRID) * GRID;
  const top = Math.floor((camera.y - h * MARGIN_VIEWPORTS) / GRID) * GRID;
  const right = Math.ceil((camera.x + w * (1 + MARGIN_VIEWPORTS)) / GRID) * GRID;
  const bottom = Math.ceil((camera.y + h * (1 + MARGIN_VIEWPORTS)) / GRID) * GRID;
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
