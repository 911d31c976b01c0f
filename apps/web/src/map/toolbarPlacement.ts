/** A rectangle in screen pixels, relative to the map's viewport (its top-left corner is 0, 0). */
export interface ScreenRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ScreenSize {
  readonly width: number;
  readonly height: number;
}

/** Where the selection toolbar goes, and on which side of the card it ended up. */
export interface ToolbarPlacement {
  readonly x: number;
  readonly y: number;
  readonly side: 'above' | 'below' | 'right' | 'left' | 'inside';
}

/** The gap between the card and its toolbar, and the least distance kept from the screen's edges. */
export const TOOLBAR_GAP = 8;
export const TOOLBAR_MARGIN = 4;

function clamp(value: number, low: number, high: number): number {
  if (high < low) return low;
  return Math.min(high, Math.max(low, value));
}

function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

/**
 * Where to put the toolbar of the chosen card: beside it, never over it, and wholly on screen
 * when the screen has room. Tries above the card (left edges aligned), then below, then to the
 * right, then to the left; a card that fills the screen leaves no free side, and then the toolbar
 * sits at the screen's top edge over the card ('inside'). A card wholly off screen gets its toolbar
 * at the nearest edge. Pure: the card's rectangle comes from
 * the camera, in the viewport's pixels.
 */
export function toolbarPlacement(
  card: ScreenRect,
  viewport: ScreenSize,
  toolbar: ScreenSize,
): ToolbarPlacement {
  const vw = Math.max(0, finite(viewport.width));
  const vh = Math.max(0, finite(viewport.height));
  const tw = Math.max(0, finite(toolbar.width));
  const th = Math.max(0, finite(toolbar.height));
  const cx = finite(card.x);
  const cy = finite(card.y);
  const cw = Math.max(0, finite(card.width));
  const ch = Math.max(0, finite(card.height));
  const m = TOOLBAR_MARGIN;
  const g = TOOLBAR_GAP;
  const alongX = clamp(cx, m, vw - tw - m);
  const alongY = clamp(cy, m, vh - th - m);

  const fitsY = (y: number) => y >= m && y + th <= vh - m;
  const fitsX = (x: number) => x >= m && x + tw <= vw - m;
  const above = cy - g - th;
  if (fitsY(above)) return { x: alongX, y: above, side: 'above' };
  const below = cy + ch + g;
  if (fitsY(below)) return { x: alongX, y: below, side: 'below' };
  const right = cx + cw + g;
  if (fitsX(right)) return { x: right, y: alongY, side: 'right' };
  const left = cx - g - tw;
  if (fitsX(left)) return { x: left, y: alongY, side: 'left' };
  return { x: alongX, y: m, side: 'inside' };
}

/** Whether two screen rectangles share any area (touching edges do not count). */
export function rectsOverlap(a: ScreenRect, b: ScreenRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
