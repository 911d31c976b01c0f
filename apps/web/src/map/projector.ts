import type { BoardState } from '@kinmap/model';
import { visibleBoard } from '../board/visibility';
import { type BoardLayout, boardPages, sharesBoardCoordinates } from '../canvas/boardLayout';
import { type Camera, fitBoardWidth, followerCamera, type Size, viewportOf } from '../canvas/camera';
import { type Frame, fitCamera, followView, frameAnchors, frameTarget, letterbox } from '../canvas/frame';
import type { LeaderView } from './follow';

/** `?projector` in the address opens the map as a wall screen. */
export function isProjectorLink(search: string): boolean {
  return new URLSearchParams(search).has('projector');
}

/**
 * The board as the wall screen shows it: never a professionals-only card, whoever's device is
 * projecting (a facilitator may switch their own screen to projector mode).
 */
export function projectorBoard(board: BoardState): BoardState {
  return visibleBoard(board, 'viewer');
}

/** Screen pixels kept free around what the wall shows. */
const WALL_PADDING = 16;

/** This screen's view as a frame (anchors), or null before the layout and the view are known. */
export function frameOfView(
  layout: BoardLayout | null,
  camera: Camera,
  view: Size | null,
  shareable: (cardId: string) => boolean,
): Frame | null {
  if (!layout || !view || view.width <= 0 || view.height <= 0) return null;
  const { x, y, width = 0, height = 0 } = viewportOf(camera, view);
  return frameAnchors(layout, { x, y, width, height }, shareable);
}

/**
 * The camera that shows a leader's view on this screen. The wall letterboxes the frame: all of
 * it, as large as it fits, never cropped. Other screens letterbox too unless the text would get
 * too small (a phone following a whole column), then they show its first section or card at
 * their reading size. A leader without a frame (an older client) is followed by raw viewport,
 * which only a screen sharing its coordinates can do.
 */
export function leaderCamera(
  layout: BoardLayout,
  leader: LeaderView,
  view: Size | null,
  wall: boolean,
): Camera | null {
  if (!view || view.width <= 0 || view.height <= 0) return null;
  // A follower with the very same board (same size, three columns) copies the leader's view
  // exactly; anchors are for every other screen.
  const same =
    leader.frame !== null &&
    leader.frame.board.width === layout.width &&
    leader.frame.board.height === layout.height;
  if (!wall && same && leader.viewport && sharesBoardCoordinates(layout))
    return followerCamera(leader.viewport, view);
  if (leader.frame) {
    const target = frameTarget(layout, leader.frame);
    if (wall) return fitCamera(letterbox(target, view, WALL_PADDING));
    // Reading size: the board's width (a phone's one page) across the screen.
    const reading = fitBoardWidth(boardPages(layout)?.[0]?.width ?? layout.width, view).scale;
    return fitCamera(followView(layout, leader.frame, view, reading));
  }
  if (!leader.viewport || !sharesBoardCoordinates(layout)) return null;
  const { x, y, width, height } = leader.viewport;
  if (wall && width !== undefined && height !== undefined)
    return fitCamera(letterbox({ x, y, width, height }, view, WALL_PADDING));
  return followerCamera(leader.viewport, view);
}
