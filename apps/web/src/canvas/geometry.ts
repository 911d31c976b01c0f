/**
 * Two coordinate spaces meet in the board: board coordinates (what the layout, hit-tests and
 * shared cursors use) and client pixels (the browser's). Branding keeps them from being mixed.
 */
export interface BoardPoint {
  readonly x: number;
  readonly y: number;
  readonly __space: 'board';
}

/** A point in pixels on the screen, measured from the top-left of the board's visible area. */
export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
  readonly __space: 'screen';
}

export function screenPoint(x: number, y: number): ScreenPoint {
  return { x, y } as ScreenPoint;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function boardPoint(x: number, y: number): BoardPoint {
  return { x, y } as BoardPoint;
}

export function containsPoint(rect: Rect, point: { readonly x: number; readonly y: number }): boolean {
  return (
    point.x >= rect.x &&
    point.x <= rect.x + rect.width &&
    point.y >= rect.y &&
    point.y <= rect.y + rect.height
  );
}

/** True when the two rectangles share any area (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** True when `inner` lies wholly within `outer`. */
export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * The scroll offset that brings a vertical span into a viewport of `viewHeight` starting at
 * `scrollTop`, moving as little as possible (unchanged when it is already in view).
 */
export function scrollToReveal(rect: Rect, scrollTop: number, viewHeight: number, margin = 8): number {
  if (rect.y - margin < scrollTop) return Math.max(0, rect.y - margin);
  const bottom = rect.y + rect.height + margin;
  if (bottom > scrollTop + viewHeight) return Math.min(rect.y - margin, bottom - viewHeight);
  return scrollTop;
}
