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

type Side = Exclude<ToolbarPlacement['side'], 'inside'>;

/** The sides tried, in order of preference when several are free. */
const SIDES: readonly Side[] = ['above', 'below', 'right', 'left'];

/**
 * How much of its side the toolbar shares with the card at least (px), so that wherever it slides
 * along a side it still reads as the card's toolbar.
 */
export const TOOLBAR_MIN_SHARED = 24;

/** Obstacles further than this are not looked at (a huge board has thousands of cards). */
const MAX_OTHERS = 400;

/**
 * Where to put the toolbar of the chosen card: beside it, never over it, wholly on screen when
 * the screen has room, and over none of the `others` (the other cards as drawn on screen) when
 * any spot beside the card allows it; over none of the `controls` drawn on the board (the
 * sections' Add buttons) either when it can, but keeping off cards comes first.
 *
 * Each side (above, below, right, left, in that order of preference) is a line of spots at the
 * gap from the card: the toolbar may slide along it as long as it shares some of that side with
 * the card. Candidate spots on a line are its preferred spot (left or top edges aligned), the
 * other alignments, and the spots just clear of each other card's edges (the only places a free
 * stretch can begin), nearest the preferred spot first. The first spot covering no other card
 * wins; when there is none, the spot covering the least area of other cards (then of controls). A card that fills
 * the screen leaves no side free, and then the toolbar sits at the screen's top edge over the card
 * ('inside'). Pure: the rectangles come from the camera, in the viewport's pixels.
 */
export function toolbarPlacement(
  card: ScreenRect,
  viewport: ScreenSize,
  toolbar: ScreenSize,
  others: readonly ScreenRect[] = [],
  controls: readonly ScreenRect[] = [],
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
  const screen = { x: 0, y: 0, width: vw, height: vh };
  const visible = (list: readonly ScreenRect[]) =>
    list.filter((o) => isFiniteRect(o) && rectsOverlap(o, screen)).slice(0, MAX_OTHERS);
  const cards = visible(others);
  const buttons = visible(controls);
  const obstacles = [...cards, ...buttons];
  // Covering any part of a card costs more than covering every control: cards first, then controls.
  const cost = (x: number, y: number) => {
    const box = { x, y, width: tw, height: th };
    return coveredArea(box, cards) * CARD_WEIGHT + coveredArea(box, buttons);
  };

  let best: ToolbarPlacement | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const side of SIDES) {
    const horizontal = side === 'above' || side === 'below';
    const fixed =
      side === 'above'
        ? cy - g - th
        : side === 'below'
          ? cy + ch + g
          : side === 'right'
            ? cx + cw + g
            : cx - g - tw;
    if (horizontal ? !fitsY(fixed) : !fitsX(fixed)) continue;
    const along = horizontal
      ? spotsAlong({ start: cx, length: cw, size: tw, view: vw, preferred: alongX }, obstacles, 'x')
      : spotsAlong({ start: cy, length: ch, size: th, view: vh, preferred: alongY }, obstacles, 'y');
    // The preferred spot stays a candidate even when the line is empty (a card partly off screen).
    if (along.length === 0) along.push(horizontal ? alongX : alongY);
    for (const s of along) {
      const x = horizontal ? s : fixed;
      const y = horizontal ? fixed : s;
      const c = cost(x, y);
      if (c === 0) return { x, y, side };
      if (c < bestCost) {
        bestCost = c;
        best = { x, y, side };
      }
    }
  }
  return best ?? { x: alongX, y: m, side: 'inside' };
}

/** More than any toolbar's area: a pixel of card outweighs all the controls it could cover. */
const CARD_WEIGHT = 1e7;

/** The distance kept from a neighbour card's edge when the toolbar slides clear of it. */
const CLEARANCE = 2;

/** One side of the card as a line the toolbar slides on (positions along `x` or `y`). */
interface Line {
  /** Where the card's side starts and how long it is. */
  readonly start: number;
  readonly length: number;
  /** The toolbar's length along the line, and the screen's. */
  readonly size: number;
  readonly view: number;
  readonly preferred: number;
}

/**
 * The spots to try on a line, best first: sharing at least TOOLBAR_MIN_SHARED px of the side and
 * on screen; the preferred spot, the other alignments and the spots a rounding pixel clear of each
 * obstacle's edges, nearest the preferred spot first; then the spots touching an obstacle's edge.
 */
function spotsAlong(line: Line, obstacles: readonly ScreenRect[], axis: 'x' | 'y'): number[] {
  const { start, length, size, view, preferred } = line;
  const share = Math.min(TOOLBAR_MIN_SHARED, length, size);
  const low = Math.max(TOOLBAR_MARGIN, start - size + share);
  const high = Math.min(view - size - TOOLBAR_MARGIN, start + length - share);
  const spots = [preferred, start + length - size, start + (length - size) / 2];
  const tight: number[] = [];
  for (const o of obstacles) {
    const oStart = axis === 'x' ? o.x : o.y;
    const oLength = axis === 'x' ? o.width : o.height;
    spots.push(oStart + oLength + CLEARANCE, oStart - size - CLEARANCE);
    tight.push(oStart + oLength, oStart - size);
  }
  const nearest = (list: number[]) =>
    list
      .filter((s) => s >= low && s <= high)
      .sort((a, b) => Math.abs(a - preferred) - Math.abs(b - preferred));
  return [...nearest(spots), ...nearest(tight)];
}

function isFiniteRect(r: ScreenRect): boolean {
  return (
    Number.isFinite(r.x) &&
    Number.isFinite(r.y) &&
    Number.isFinite(r.width) &&
    Number.isFinite(r.height) &&
    r.width > 0 &&
    r.height > 0
  );
}

/** The area of `box` that the rectangles cover (overlaps among them counted twice: a cost, not a measure). */
function coveredArea(box: ScreenRect, rects: readonly ScreenRect[]): number {
  let sum = 0;
  for (const r of rects) {
    const w = Math.min(box.x + box.width, r.x + r.width) - Math.max(box.x, r.x);
    const h = Math.min(box.y + box.height, r.y + r.height) - Math.max(box.y, r.y);
    if (w > 0 && h > 0) sum += w * h;
  }
  return sum;
}

/** Whether two screen rectangles share any area (touching edges do not count). */
export function rectsOverlap(a: ScreenRect, b: ScreenRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
