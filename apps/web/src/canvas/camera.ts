import { type BoardPoint, boardPoint, type Rect, type ScreenPoint, screenPoint } from './geometry';

/**
 * How the board is shown: the one source of truth for the map's view. The canvas is only as large
 * as the board's area on the screen; the camera says which board point (`x`, `y`, board units) is
 * at the top-left of that area and how many screen pixels one board unit takes (`scale`). The
 * Konva stage draws with exactly this transform (position `-x*scale, -y*scale`, scale `scale`).
 */
export interface Camera {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

/** The part of the board someone is looking at, in board coordinates: what followers copy. */
export interface BoardViewport {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
  /** How much of the board is in view (board units), when known. */
  readonly width?: number;
  readonly height?: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 3;
const STEP = 1.25;
/** Zoom to a column never goes below this (a very tall column is then shown from its top). */
const READABLE_SCALE = 1;

export function clampScale(scale: number): number {
  if (Number.isNaN(scale)) return 1;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

/** A camera with a scale in range and finite coordinates (camera requests can come from other screens). */
export function safeCamera(camera: Camera): Camera {
  return { scale: clampScale(camera.scale), x: finite(camera.x), y: finite(camera.y) };
}

export function toBoard(point: ScreenPoint, camera: Camera): BoardPoint {
  return boardPoint(point.x / camera.scale + camera.x, point.y / camera.scale + camera.y);
}

export function toScreen(point: BoardPoint, camera: Camera): ScreenPoint {
  return screenPoint((point.x - camera.x) * camera.scale, (point.y - camera.y) * camera.scale);
}

/** A board rectangle as it appears on the screen (pixels from the top-left of the board's area). */
export function rectToScreen(rect: Rect, camera: Camera): Rect {
  const at = toScreen(boardPoint(rect.x, rect.y), camera);
  return { x: at.x, y: at.y, width: rect.width * camera.scale, height: rect.height * camera.scale };
}

/** The part of the board in view, in board coordinates: what a view of `view` size shows. */
export function viewRect(camera: Camera, view: Size): Rect {
  return { x: camera.x, y: camera.y, width: view.width / camera.scale, height: view.height / camera.scale };
}

/** Zooms to `scale` keeping the board point under `anchor` (e.g. the mouse) where it is on screen. */
export function zoomAround(camera: Camera, scale: number, anchor: ScreenPoint): Camera {
  const next = clampScale(scale);
  const fixed = toBoard(anchor, camera);
  return { scale: next, x: fixed.x - anchor.x / next, y: fixed.y - anchor.y / next };
}

/** Moves the view by a drag or a wheel of `dx`, `dy` screen pixels (the board follows the finger). */
export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { ...camera, x: camera.x - finite(dx) / camera.scale, y: camera.y - finite(dy) / camera.scale };
}

/**
 * Two fingers moved from `from` to `to` (screen points): the board point that was under their
 * midpoint is under the new midpoint, zoomed by how much further apart they are.
 */
export function pinch(
  camera: Camera,
  from: readonly [ScreenPoint, ScreenPoint],
  to: readonly [ScreenPoint, ScreenPoint],
): Camera {
  const dist = (p: readonly [ScreenPoint, ScreenPoint]) => Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
  const mid = (p: readonly [ScreenPoint, ScreenPoint]) =>
    screenPoint((p[0].x + p[1].x) / 2, (p[0].y + p[1].y) / 2);
  const ratio = dist(from) > 0 ? dist(to) / dist(from) : 1;
  const a = mid(from);
  const b = mid(to);
  const zoomed = zoomAround(camera, camera.scale * ratio, a);
  return panBy(zoomed, b.x - a.x, b.y - a.y);
}

/** One step of the zoom buttons and the + / − keys. */
export function zoomStep(scale: number, direction: 1 | -1): number {
  return clampScale(direction > 0 ? scale * STEP : scale / STEP);
}

/** The zoom a Ctrl+wheel (or a pinch, which the browser reports as one) asks for. */
export function wheelZoom(scale: number, deltaY: number): number {
  return clampScale(scale * Math.exp(-deltaY / 300));
}

/**
 * The camera that shows the whole of `target` (board coordinates) centred in a view of `view`
 * size, letterboxed: never cropped, whatever the two aspects.
 */
export function fitRect(target: Rect, view: Size, padding = 16): Camera {
  const scale = clampScale(
    Math.min(
      Math.max(1, view.width - 2 * padding) / Math.max(1, target.width),
      Math.max(1, view.height - 2 * padding) / Math.max(1, target.height),
    ),
  );
  return {
    scale,
    x: target.x - (view.width / scale - target.width) / 2,
    y: target.y - (view.height / scale - target.height) / 2,
  };
}

/** Like `fitRect`, but only as wide as the view allows: a tall column is shown from its top. */
export function fitWidth(target: Rect, view: Size, padding = 16): Camera {
  const scale = clampScale(Math.max(1, view.width - 2 * padding) / Math.max(1, target.width));
  return { scale, x: target.x - (view.width / scale - target.width) / 2, y: target.y - padding / scale };
}

/**
 * "Zoom to a column": the whole column when it fits at a readable size, otherwise its full width
 * from its top (never larger than the width allows, so it is never just a heading at 300%).
 * `readable` is the scale at which the card text reads well: 1 for the standard text, less for a
 * wall's large-text layout (its words are larger in board units).
 */
export function fitColumn(target: Rect, view: Size, padding = 16, readable = READABLE_SCALE): Camera {
  const byWidth = Math.max(1, view.width - 2 * padding) / Math.max(1, target.width);
  const byHeight = Math.max(1, view.height - 2 * padding) / Math.max(1, target.height);
  if (byHeight >= byWidth) return fitRect(target, view, padding);
  const scale = clampScale(Math.min(byWidth, Math.max(byHeight, readable)));
  if (scale <= byHeight) return fitRect(target, view, padding);
  return { scale, x: target.x - (view.width / scale - target.width) / 2, y: target.y - padding / scale };
}

/**
 * The smallest move that brings `rect` (board coordinates) wholly into view, `margin` screen
 * pixels inside its edges; unchanged when it is already in view. A rect larger than the view
 * shows its top-left.
 */
export function revealRect(camera: Camera, view: Size, rect: Rect, margin = 8): Camera {
  const m = margin / camera.scale;
  const w = view.width / camera.scale;
  const h = view.height / camera.scale;
  const axis = (at: number, size: number, start: number, length: number) => {
    if (start - m < at || size + 2 * m > length) return start - m;
    if (start + size + m > at + length) return start + size + m - length;
    return at;
  };
  return { ...camera, x: axis(camera.x, rect.width, rect.x, w), y: axis(camera.y, rect.height, rect.y, h) };
}

/**
 * Keeps some of the board on screen: a board (`bounds`, board coordinates) larger than the view
 * cannot be panned past its edges (plus `slack` screen pixels); a smaller one can sit anywhere
 * inside the view.
 */
export function clampToBoard(camera: Camera, view: Size, bounds: Rect, slack = 48): Camera {
  const s = camera.scale;
  const axis = (at: number, start: number, boardLength: number, viewLength: number) => {
    const visible = viewLength / s;
    const lo = start + Math.min(0, boardLength - visible) - slack / s;
    const hi = start + Math.max(0, boardLength - visible) + slack / s;
    return Math.min(hi, Math.max(lo, at));
  };
  return {
    scale: s,
    x: axis(camera.x, bounds.x, bounds.width, view.width),
    y: axis(camera.y, bounds.y, bounds.height, view.height),
  };
}

/**
 * The view a map opens with: the whole width of the board across the window (the board has its
 * own margin, so no padding), with `boardTop` (board units) at the top of the window.
 */
export function fitBoardWidth(boardWidth: number, view: Size, boardTop = 0): Camera {
  const scale = clampScale(view.width / Math.max(1, boardWidth));
  return { scale, x: 0, y: boardTop };
}

export function viewportOf(camera: Camera, view?: Size): BoardViewport {
  const at = { x: camera.x, y: camera.y, scale: camera.scale };
  return view ? { ...at, width: view.width / camera.scale, height: view.height / camera.scale } : at;
}

/**
 * The wall screen's camera: the middle of what the leader sees, `zoom` times larger than it would
 * be if the whole of the leader's view were fitted (large type for the back of the room).
 */
export function projectorCamera(leader: BoardViewport, view: Size, zoom: number): Camera {
  const width = leader.width ?? view.width / leader.scale;
  const height = leader.height ?? view.height / leader.scale;
  const fitted = fitRect({ x: leader.x, y: leader.y, width, height }, view, 0);
  const centre = toScreen(boardPoint(leader.x + width / 2, leader.y + height / 2), fitted);
  return safeCamera(zoomAround(fitted, fitted.scale * zoom, centre));
}

/**
 * How a follower shows a leader's view: the same part of the board, fitted to the follower's
 * window (larger on a larger screen, smaller on a smaller one), so both see the same cards.
 * Without the leader's view size it falls back to the leader's zoom.
 */
export function followerCamera(leader: BoardViewport, view: Size): Camera {
  return projectorCamera(leader, view, 1);
}

export function cameraFor(viewport: BoardViewport): Camera {
  return safeCamera({ scale: viewport.scale, x: viewport.x, y: viewport.y });
}
