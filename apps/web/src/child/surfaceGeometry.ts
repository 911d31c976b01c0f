import { DRAWING_ASPECT, type Sticker, type Stroke } from '@kinmap/model';

/**
 * The drawing surface's geometry, pure: a stroke is stored in the area's own units (0–1 across, 0–1
 * down; its width a share of the area's width), so the same drawing fits a phone, a tablet and the
 * wall. Every surface has the same shape ({@link SURFACE_ASPECT}), so a circle stays a circle on
 * every device. Distances (the pen's smoothing, the rubber) are measured on the screen, in pixels.
 */

declare const unitBrand: unique symbol;
declare const screenBrand: unique symbol;

/** A point in the area's units: 0–1 across and down. */
export type UnitPoint = { readonly x: number; readonly y: number } & { readonly [unitBrand]: true };
/** A point in CSS pixels from the surface's top left corner. */
export type ScreenPoint = { readonly x: number; readonly y: number } & { readonly [screenBrand]: true };

export interface SurfaceSize {
  readonly width: number;
  readonly height: number;
}

/** Height over width of every drawing surface (4:3, a sheet of paper on its side). */
export const SURFACE_ASPECT = 1 / DRAWING_ASPECT;

/** The surface's size for the width it is given (never below 1 px, so nothing divides by 0). */
export function surfaceSize(width: number): SurfaceSize {
  const w = Math.max(1, Math.floor(width));
  return { width: w, height: Math.max(1, Math.round(w * SURFACE_ASPECT)) };
}

export const screenPoint = (x: number, y: number): ScreenPoint => ({ x, y }) as ScreenPoint;
export const unitPoint = (x: number, y: number): UnitPoint => ({ x, y }) as UnitPoint;

const clampUnit = (n: number): number => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

/** A pointer's position on the surface in the area's units, held inside the area. */
export function toUnit(point: ScreenPoint, size: SurfaceSize): UnitPoint {
  return unitPoint(clampUnit(point.x / size.width), clampUnit(point.y / size.height));
}

/** Where a point of the area is on this surface. */
export function toScreen(point: UnitPoint, size: SurfaceSize): ScreenPoint {
  return screenPoint(point.x * size.width, point.y * size.height);
}

/** A stroke's flat list of unit coordinates (x0, y0, x1, y1…) as pixels, for Konva's Line. */
export function pointsToScreen(points: readonly number[], size: SurfaceSize): number[] {
  return points.map((n, i) => n * (i % 2 === 0 ? size.width : size.height));
}

/** A pen width (a share of the area's width) in pixels on this surface. */
export const widthToScreen = (width: number, size: SurfaceSize): number => width * size.width;

/** The pen moves on only once it is this many pixels from its last point: smoother, smaller strokes. */
export const MIN_STEP_PX = 1.5;

/**
 * Adds a pointer position to the stroke being drawn (flat unit coordinates), unless it is within
 * `minStepPx` of the last one. Returns whether it was added.
 */
export function extendStroke(
  points: number[],
  at: ScreenPoint,
  size: SurfaceSize,
  minStepPx = MIN_STEP_PX,
): boolean {
  const n = points.length;
  if (n >= 2) {
    const dx = ((points[n - 2] ?? 0) - at.x / size.width) * size.width;
    const dy = ((points[n - 1] ?? 0) - at.y / size.height) * size.height;
    if (Math.hypot(dx, dy) < minStepPx) return false;
  }
  const unit = toUnit(at, size);
  points.push(unit.x, unit.y);
  return true;
}

interface Xy {
  readonly x: number;
  readonly y: number;
}

/** The distance from p to the segment a–b. */
function pointToSegment(p: Xy, a: Xy, b: Xy): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

const cross = (o: Xy, a: Xy, b: Xy): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Whether the segments a–b and c–d cross (touching counts). */
function segmentsCross(a: Xy, b: Xy, c: Xy, d: Xy): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** The distance between the segments a–b and c–d (0 when they cross). */
export function segmentDistance(a: Xy, b: Xy, c: Xy, d: Xy): number {
  if (segmentsCross(a, b, c, d)) return 0;
  return Math.min(
    pointToSegment(a, c, d),
    pointToSegment(b, c, d),
    pointToSegment(c, a, b),
    pointToSegment(d, a, b),
  );
}

/** The rubber's reach in pixels: a fingertip on a phone, a little more on a big surface. */
export function eraserRadius(size: SurfaceSize): number {
  return Math.max(12, size.width * 0.03);
}

/**
 * The ids of the strokes the rubber touches as it moves from `from` to `to` (screen pixels): those
 * with a segment (or, for a dot, its point) within the rubber's radius plus half the pen's width.
 */
export function strokesCrossed(
  strokes: readonly Stroke[],
  from: ScreenPoint,
  to: ScreenPoint,
  size: SurfaceSize,
  radius = eraserRadius(size),
): string[] {
  const hit: string[] = [];
  for (const stroke of strokes) {
    const reach = radius + widthToScreen(stroke.width, size) / 2;
    const px = pointsToScreen(stroke.points, size);
    // Quick refusal: the stroke's box, grown by the reach, misses the rubber's move.
    let [minX, minY, maxX, maxY] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, -1, -1];
    for (let i = 0; i + 1 < px.length; i += 2) {
      const x = px[i] ?? 0;
      const y = px[i + 1] ?? 0;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    if (
      Math.max(from.x, to.x) < minX - reach ||
      Math.min(from.x, to.x) > maxX + reach ||
      Math.max(from.y, to.y) < minY - reach ||
      Math.min(from.y, to.y) > maxY + reach
    ) {
      continue;
    }
    if (px.length === 2) {
      if (pointToSegment({ x: px[0] ?? 0, y: px[1] ?? 0 }, from, to) <= reach) hit.push(stroke.id);
      continue;
    }
    for (let i = 0; i + 3 < px.length; i += 2) {
      const a = { x: px[i] ?? 0, y: px[i + 1] ?? 0 };
      const b = { x: px[i + 2] ?? 0, y: px[i + 3] ?? 0 };
      if (segmentDistance(from, to, a, b) <= reach) {
        hit.push(stroke.id);
        break;
      }
    }
  }
  return hit;
}

/** A picture's size on the surface: an eighth of its width, at least a fingertip. */
export function stickerSize(size: SurfaceSize): number {
  return Math.max(32, Math.round(size.width / 8));
}

/** The ids of the pictures the rubber touches as it moves from `from` to `to`. */
export function stickersCrossed(
  stickers: readonly Sticker[],
  from: ScreenPoint,
  to: ScreenPoint,
  size: SurfaceSize,
  radius = eraserRadius(size),
): string[] {
  const reach = radius + stickerSize(size) / 2;
  return stickers
    .filter((sticker) => pointToSegment(toScreen(unitPoint(sticker.x, sticker.y), size), from, to) <= reach)
    .map((sticker) => sticker.id);
}

/**
 * Where a picture put in with the keyboard goes: round the middle of the area, each next one a
 * little further on, so that several do not hide each other.
 */
export function keyboardStickerSpot(placed: number): UnitPoint {
  const turn = placed * 2.4;
  const reach = Math.min(0.35, 0.08 * Math.sqrt(placed));
  return unitPoint(clampUnit(0.5 + reach * Math.cos(turn)), clampUnit(0.5 + reach * Math.sin(turn)));
}
