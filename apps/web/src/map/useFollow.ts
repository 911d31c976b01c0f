import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { publishPresence } from '../board/presence/localPresence';
import type { Peer } from '../board/presence/presence';
import { type BoardViewport, type Camera, cameraFor, type Size, viewportOf } from '../canvas/camera';
import { throttle } from '../lib/throttle';
import { facilitatorToFollow, followedViewport, newSummon, summonsSeen } from './follow';

export interface FollowInput {
  readonly awareness: Awareness | null;
  readonly peers: readonly Peer[];
  readonly moveTo: (camera: Camera) => void;
  readonly current: () => Camera;
  /** The size of this screen's board area, shared so a wall screen can show the same part. */
  readonly viewSize: () => Size | null;
  /** How to show a leader's viewport here (the wall screen shows it larger); default: the same. */
  readonly cameraForLeader?: (viewport: BoardViewport) => Camera;
  /** A wall screen: always follows the facilitator and cannot stop. */
  readonly followFacilitator: boolean;
}

export interface FollowControls {
  /** The client followed now, or null. */
  readonly following: number | null;
  readonly follow: (clientId: number | null) => void;
  /** Tell the others where this screen looks (call on every change of view). */
  readonly shareView: (camera: Camera) => void;
}

const VIEWPORT_INTERVAL_MS = 100;

/** Sharing this screen's view, following someone else's, and "bring everyone to me". */
export function useFollow({
  awareness,
  peers,
  moveTo,
  current,
  viewSize,
  cameraForLeader = cameraFor,
  followFacilitator,
}: FollowInput): FollowControls {
  const [chosen, setChosen] = useState<number | null>(null);
  const following = followFacilitator ? (facilitatorToFollow(peers)?.clientId ?? null) : chosen;

  const share = useMemo(
    () =>
      awareness
        ? throttle(
            (camera: Camera) =>
              publishPresence(awareness, { viewport: viewportOf(camera, viewSize() ?? undefined) }),
            VIEWPORT_INTERVAL_MS,
          )
        : null,
    [awareness, viewSize],
  );
  useEffect(() => () => share?.cancel(), [share]);
  const shareView = useCallback((camera: Camera) => share?.(camera), [share]);
  useEffect(() => {
    shareView(current());
  }, [shareView, current]);

  // Jump to the followed person's view whenever it changes.
  const target = followedViewport(peers, following);
  const targetKey = target ? JSON.stringify(target) : '';
  const targetRef = useRef(target);
  targetRef.current = target;
  useEffect(() => {
    if (targetKey && targetRef.current) moveTo(cameraForLeader(targetRef.current));
  }, [targetKey, moveTo, cameraForLeader]);

  // Summons already on the board when this screen opened were for the people there then.
  const seen = useRef<ReadonlyMap<number, number> | null>(null);
  useEffect(() => {
    if (seen.current === null) {
      seen.current = summonsSeen(peers);
      return;
    }
    const { viewport, seen: next } = newSummon(peers, seen.current);
    seen.current = next;
    if (viewport) moveTo(cameraForLeader(viewport));
  }, [peers, moveTo, cameraForLeader]);

  return { following, follow: setChosen, shareView };
}
