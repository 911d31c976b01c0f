import type { Column } from '@kinmap/model';
import { type RefObject, useCallback, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { viewCommand } from './boardKeys';
import { type BoardViewport, type Camera, projectorCamera } from './camera';
import type { BoardLayout } from './layout';
import type { Peer } from './presence';
import { PROJECTOR_ZOOM } from './projector';
import { type CameraControls, useCamera } from './useCamera';
import { type FollowControls, useFollow } from './useFollow';

export interface MapNavigationInput {
  readonly scrollRef: RefObject<HTMLElement | null>;
  readonly layout: BoardLayout | null;
  readonly awareness: Awareness | null;
  readonly peers: readonly Peer[];
  /** A wall screen follows the facilitator (larger) and shares no view of its own. */
  readonly projector: boolean;
}

export interface MapNavigation {
  readonly camera: CameraControls;
  readonly follow: FollowControls;
  /** The view controls' actions; each stops following someone, since the person moved the view. */
  readonly zoom: (direction: 1 | -1) => void;
  readonly fitBoard: () => void;
  readonly zoomToColumn: (column: Column) => void;
  /** Handles + / − / 0 on the board; true when the key was one of those. */
  readonly onViewKey: (chord: Parameters<typeof viewCommand>[0]) => boolean;
}

/** Zoom, scroll, following someone and "bring everyone to me", for the map. */
export function useMapNavigation({
  scrollRef,
  layout,
  awareness,
  peers,
  projector,
}: MapNavigationInput): MapNavigation {
  const shareViewRef = useRef<(camera: Camera) => void>(() => {});
  const camera = useCamera(scrollRef, (c) => shareViewRef.current(c));
  const { viewSize } = camera;
  const wallCamera = useCallback(
    (leader: BoardViewport) => projectorCamera(leader, viewSize() ?? { width: 1, height: 1 }, PROJECTOR_ZOOM),
    [viewSize],
  );
  const follow = useFollow({
    awareness,
    peers,
    moveTo: camera.moveTo,
    current: camera.current,
    viewSize,
    ...(projector ? { cameraForLeader: wallCamera } : {}),
    followFacilitator: projector,
  });
  // Nobody should follow the projector: it shows someone else's view.
  shareViewRef.current = projector ? () => {} : follow.shareView;

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
  const onViewKey = (chord: Parameters<typeof viewCommand>[0]) => {
    const command = viewCommand(chord);
    if (command === 'fit') fitBoard();
    else if (command) zoom(command === 'zoomIn' ? 1 : -1);
    return command !== null;
  };
  return { camera, follow, zoom, fitBoard, zoomToColumn, onViewKey };
}
