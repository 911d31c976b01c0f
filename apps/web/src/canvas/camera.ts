import { type BoardPoint, boardPoint, type Rect, type ScreenPoint, screenPoint } from './geometry';

/**
 * How the board is shown: its zoom and which part of it is in view. The board is drawn `scale`
 * times its size inside a scrolling area, scrolled by `scrollLeft`/`scrollTop` screen pixels.
 */
export interface Camera {
  readonly scale: number;
  readonly scrollLeft: number;
  readonly scrollTop: number;
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

export function clampScale(scale: number): number {
  if (Number.isNaN(scale)) return 1;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

export function toBoard(point: ScreenPoint, camera: Camera): BoardPoint {
  return boardPoint(
    (point.x + camera.scrollLeft) / camera.scale,
    (point.y + camera.scrollTop) / camera.scale,
  );
}

export function toScreen(point: BoardPoint, camera: Camera): ScreenPoint {
  return screenPoint(point.x * camera.scale - camera.scrollLeft, point.y * camera.scale - camera.scrollTop);
}

/** Zooms to `scale` keeping the board point under `anchor` (e.g. the mouse) where it is on screen. */
export function zoomAround(camera: Camera, scale: number, anchor: ScreenPoint): Camera {
  const next = clampScale(scale);
  const fixed = toBoard(anchor, camera);
  return {
    scale: next,
    scrollLeft: Math.max(0, fixed.x * next - anchor.x),
    scrollTop: Math.max(0, fixed.y * next - anchor.y),
  };
}

/** One step of the zoom buttons and the + / − keys. */
export function zoomStep(scale: number, direction: 1 | -1): number {
  return clampScale(direction > 0 ? scale * STEP : scale / STEP);
}

/** The zoom a Ctrl+wheel (or a pinch, which the browser reports as one) asks for. */
export function wheelZoom(scale: number, deltaY: number): number {
  return clampScale(scale * Math.exp(-deltaY / 300));
}

/** The camera that shows the whole of `target` (board coordinates) centred in a view of `view` size. */
export function fitRect(target: Rect, view: Size, padding = 16): Camera {
  const scale = clampScale(
    Math.min(
      (view.width - 2 * padding) / Math.max(1, target.width),
      (view.height - 2 * padding) / Math.max(1, target.height),
    ),
  );
  return {
    scale,
    scrollLeft: Math.max(0, target.x * scale - (view.width - target.width * scale) / 2),
    scrollTop: Math.max(0, target.y * scale - Math.max(padding, (view.height - target.height * scale) / 2)),
  };
}

/** Like `fitRect`, but only as wide as the view allows: a tall column is shown from its top. */
export function fitWidth(target: Rect, view: Size, padding = 16): Camera {
  const scale = clampScale((view.width - 2 * padding) / Math.max(1, target.width));
  return {
    scale,
    scrollLeft: Math.max(0, target.x * scale - padding),
    scrollTop: Math.max(0, target.y * scale - padding),
  };
}

/**
 * The view a map opens with: the whole width of the board across the window (the board has its
 * own margin, so no padding), with `boardTop` (board units) at the top of the window. Every
 * screen lays the board out at the same width, so this is where screens of different sizes
 * differ: in scale, never in board coordinates.
 */
export function fitBoardWidth(boardWidth: number, view: Size, boardTop = 0): Camera {
  const scale = clampScale(view.width / Math.max(1, boardWidth));
  return { scale, scrollLeft: 0, scrollTop: Math.max(0, boardTop * scale) };
}

export function viewportOf(camera: Camera, view?: Size): BoardViewport {
  const at = { x: camera.scrollLeft / camera.scale, y: camera.scrollTop / camera.scale, scale: camera.scale };
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
  const zoomed = zoomAround(fitted, fitted.scale * zoom, centre);
  // Put the leader's centre in the middle of the wall.
  const c = toScreen(boardPoint(leader.x + width / 2, leader.y + height / 2), zoomed);
  return {
    scale: zoomed.scale,
    scrollLeft: Math.max(0, zoomed.scrollLeft + c.x - view.width / 2),
    scrollTop: Math.max(0, zoomed.scrollTop + c.y - view.height / 2),
  };
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
  const scale = clampScale(viewport.scale);
  return { scale, scrollLeft: Math.max(0, viewport.x * scale), scrollTop: Math.max(0, viewport.y * scale) };
}

/** A board rectangle as it appears on the scaled surface (for scrolling it into view). */
export function scaleRect(rect: Rect, scale: number): Rect {
  return { x: rect.x * scale, y: rect.y * scale, width: rect.width * scale, height: rect.height * scale };
}
