import type { Column } from '@kinmap/model';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { publishPresence } from '../board/presence/localPresence';
import type { Peer } from '../board/presence/presence';
import { type BoardLayout, sharesBoardCoordinates } from '../canvas/boardLayout';
import { type Camera, fitBoardWidth, type Size, viewportOf } from '../canvas/camera';
import { viewCommand } from './boardKeys';
import type { LeaderView } from './follow';
import { frameOfView, leaderCamera } from './projector';
import { type CameraControls, useCamera } from './useCamera';
import { type FollowControls, useFollow } from './useFollow';

export interface MapNavigationInput {
  readonly scrollRef: RefObject<HTMLElement | null>;
  readonly layout: BoardLayout | null;
  /** The size of the board area (the window's part for the board), once measured. */
  readonly view: Size | null;
  readonly awareness: Awareness | null;
  readonly peers: readonly Peer[];
  /** A wall screen shows what the facilitator frames (letterboxed) and is followed by nobody. */
  readonly projector: boolean;
  /** May this card's id travel in presence (not a professionals-only card)? */
  readonly shareable: (cardId: string) => boolean;
  /** A facilitator ([A4]) frames what the wall shows. */
  readonly leadsWall: boolean;
}

export interface MapNavigation {
  readonly camera: CameraControls;
  readonly follow: FollowControls;
  /** The view controls' actions; each stops following someone, since the person moved the view. */
  readonly zoom: (direction: 1 | -1) => void;
  readonly fitBoard: () => void;
  readonly zoomToColumn: (column: Column) => void;
  /** "Bring everyone to me", sharing how much of the board is in view so others show the same part. */
  readonly summonEveryone: () => void;
  /** Handles + / − / 0 on the board; true when the key was one of those. */
  readonly onViewKey: (chord: Parameters<typeof viewCommand>[0]) => boolean;
}

/** Zoom, scroll, following someone and "bring everyone to me", for the map. */
export function useMapNavigation({
  scrollRef,
  layout,
  view,
  awareness,
  peers,
  projector,
  shareable,
  leadsWall,
}: MapNavigationInput): MapNavigation {
  const shareViewRef = useRef<(camera: Camera) => void>(() => {});
  const camera = useCamera(scrollRef, (c) => shareViewRef.current(c));
  const { viewSize, moveTo } = camera;
  // A phone's stacked layout has its own coordinates: its raw viewport and pointer mean nothing
  // elsewhere, but its frame (anchors: sections and cards) does, so it follows and is followed.
  const shares = layout !== null && sharesBoardCoordinates(layout);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const shareableRef = useRef(shareable);
  shareableRef.current = shareable;
  const frameOf = useCallback(
    (c: Camera) => frameOfView(layoutRef.current, c, viewSize(), (id) => shareableRef.current(id)),
    [viewSize],
  );
  // A new function on every new layout, so a follower re-fits when the board under it changes.
  const showLeader = useCallback(
    (leader: LeaderView) => (layout ? leaderCamera(layout, leader, viewSize(), projector) : null),
    [layout, viewSize, projector],
  );
  const follow = useFollow({
    awareness,
    peers,
    moveTo,
    current: camera.current,
    viewSize,
    frameOf,
    sharesCoordinates: shares,
    showLeader,
    screen: projector ? 'wall' : 'screen',
    leadsWall: leadsWall && !projector,
  });
  shareViewRef.current = follow.shareView;
  // Cards come and go under a still view: share what it holds now (the wall follows anchors).
  const { shareView } = follow;
  const { current } = camera;
  useEffect(() => {
    if (layout) shareView(current());
  }, [layout, shareView, current]);
  useFitWidth(camera, layout?.width ?? null, view, follow.following !== null);

  const byHand = () => {
    if (!projector) follow.follow(null);
  };
  const zoom = (direction: 1 | -1) => {
    byHand();
    camera.zoom(direction);
  };
  const fitBoard = () => {
    byHand();
    if (layout) camera.fit({ x: 0, y: 0, width: layout.width, height: layout.height });
  };
  const zoomToColumn = (column: Column) => {
    byHand();
    const rect = layout?.columns.find((c) => c.column === column)?.rect;
    if (rect) camera.fitColumn(rect);
  };
  const summonEveryone = () => {
    const now = camera.current();
    if (awareness)
      publishPresence(awareness, {
        summon: { at: Date.now(), viewport: viewportOf(now, viewSize() ?? undefined), frame: frameOf(now) },
      });
  };
  const onViewKey = (chord: Parameters<typeof viewCommand>[0]) => {
    const command = viewCommand(chord);
    if (command === 'fit') fitBoard();
    else if (command) zoom(command === 'zoomIn' ? 1 : -1);
    return command !== null;
  };
  return { camera, follow, zoom, fitBoard, zoomToColumn, summonEveryone, onViewKey };
}

/**
 * "Fit width" as the default view: on open, when the layout changes width (stacked <-> three
 * columns) and when the window is resized while the person has not zoomed since the last fit.
 * Not while following someone: then the leader decides the view.
 */
function useFitWidth(
  camera: CameraControls,
  boardWidth: number | null,
  view: Size | null,
  following: boolean,
) {
  const fitted = useRef<{ boardWidth: number; scale: number } | null>(null);
  const viewWidth = view?.width ?? null;
  const viewHeight = view?.height ?? 0;
  const { current, moveTo } = camera;
  useLayoutEffect(() => {
    if (boardWidth === null || viewWidth === null) return;
    const now = current();
    const last = fitted.current;
    const newLayout = last === null || last.boardWidth !== boardWidth;
    if (last !== null && following) return;
    if (!newLayout && Math.abs(now.scale - last.scale) > 1e-9) return;
    const top = newLayout ? 0 : now.scrollTop / now.scale;
    const next = fitBoardWidth(boardWidth, { width: viewWidth, height: viewHeight }, top);
    fitted.current = { boardWidth, scale: next.scale };
    moveTo(next);
  }, [boardWidth, viewWidth, viewHeight, following, current, moveTo]);
}
