import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { publishPresence } from '../board/presence/localPresence';
import type { Peer } from '../board/presence/presence';
import { type BoardViewport, type Camera, type Size, viewportOf } from '../canvas/camera';
import type { Frame } from '../canvas/frame';
import { throttle } from '../lib/throttle';
import {
  facilitatorToFollow,
  followedView,
  type LeaderView,
  newSummon,
  summonsSeen,
  wallView,
} from './follow';

/** What kind of screen this is, for sharing: its own view, or the wall's (which nobody follows). */
export type ScreenKind = 'screen' | 'wall';

export interface FollowInput {
  readonly awareness: Awareness | null;
  readonly peers: readonly Peer[];
  readonly moveTo: (camera: Camera) => void;
  readonly current: () => Camera;
  /** The size of this screen's board area. */
  readonly viewSize: () => Size | null;
  /** This screen's view as anchors (canvas/frame.ts), or null before the board is laid out. */
  readonly frameOf: (camera: Camera) => Frame | null;
  /** Does this screen's raw viewport mean the same place elsewhere (not a phone's stacked layout)? */
  readonly sharesCoordinates: boolean;
  /** The camera that shows a leader's view here, or null when this screen cannot show it. */
  readonly showLeader: (view: LeaderView) => Camera | null;
  /** A wall screen: always shows what the facilitator sends it, and cannot stop. */
  readonly screen: ScreenKind;
  /** A facilitator ([A4]) tells the wall what to show. */
  readonly leadsWall: boolean;
}

export interface FollowControls {
  /** The client followed now, or null. */
  readonly following: number | null;
  readonly follow: (clientId: number | null) => void;
  /** Tell the others where this screen looks (call on every change of view). */
  readonly shareView: (camera: Camera) => void;
  /** A facilitator's wall follows their view live (default), or shows only what they send. */
  readonly wallLive: boolean;
  readonly setWallLive: (live: boolean) => void;
  /** "Send this view to the wall" (also what turning live back on does). */
  readonly sendToWall: () => void;
  /** Who last brought everyone to their view, for the notice; null when nobody did lately. */
  readonly broughtBy: string | null;
}

const VIEWPORT_INTERVAL_MS = 100;
/** How long "Sam brought everyone to their view" stays. */
const NOTICE_MS = 8000;

/** Sharing this screen's view, following someone else's, the wall, and "bring everyone to me". */
export function useFollow({
  awareness,
  peers,
  moveTo,
  current,
  viewSize,
  frameOf,
  sharesCoordinates,
  showLeader,
  screen,
  leadsWall,
}: FollowInput): FollowControls {
  const [chosen, setChosen] = useState<number | null>(null);
  const [wallLive, setWallLive] = useState(true);
  const [broughtBy, setBroughtBy] = useState<string | null>(null);
  const isWall = screen === 'wall';
  const leader = isWall ? facilitatorToFollow(peers) : null;
  const following = isWall ? (leader?.clientId ?? null) : chosen;

  const live = leadsWall && wallLive && !isWall;
  const share = useMemo(
    () =>
      awareness
        ? throttle((camera: Camera) => {
            const frame = frameOf(camera);
            if (isWall) {
              publishPresence(awareness, { viewport: null, frame: null, wallView: frame });
              return;
            }
            const size = viewSize() ?? undefined;
            const viewport: BoardViewport | null = sharesCoordinates ? viewportOf(camera, size) : null;
            publishPresence(awareness, live ? { viewport, frame, wall: frame } : { viewport, frame });
          }, VIEWPORT_INTERVAL_MS)
        : null,
    [awareness, viewSize, frameOf, sharesCoordinates, isWall, live],
  );
  useEffect(() => () => share?.cancel(), [share]);
  const shareView = useCallback((camera: Camera) => share?.(camera), [share]);
  useEffect(() => {
    shareView(current());
  }, [shareView, current]);

  const sendToWall = useCallback(() => {
    if (awareness && leadsWall) publishPresence(awareness, { wall: frameOf(current()) });
  }, [awareness, leadsWall, frameOf, current]);

  // Jump to the followed person's view (the wall: to what the facilitator sends) whenever it
  // changes, and when this screen's own layout changes under it (showLeader is new then).
  const target = isWall ? wallView(leader) : followedView(peers, following);
  const targetKey = target ? JSON.stringify(target) : '';
  const targetRef = useRef(target);
  targetRef.current = target;
  useEffect(() => {
    if (!targetKey || !targetRef.current) return;
    const camera = showLeader(targetRef.current);
    if (camera) moveTo(camera);
  }, [targetKey, moveTo, showLeader]);

  // Summons already on the board when this screen opened were for the people there then.
  const seen = useRef<ReadonlyMap<number, number> | null>(null);
  useEffect(() => {
    if (seen.current === null) {
      seen.current = summonsSeen(peers);
      return;
    }
    const { summon, seen: next } = newSummon(peers, seen.current);
    seen.current = next;
    if (!summon || isWall) return;
    const camera = showLeader(summon);
    if (!camera) return;
    moveTo(camera);
    setBroughtBy(summon.name);
  }, [peers, moveTo, showLeader, isWall]);
  useEffect(() => {
    if (broughtBy === null) return;
    const timer = setTimeout(() => setBroughtBy(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [broughtBy]);

  return {
    following,
    follow: setChosen,
    shareView,
    wallLive,
    setWallLive: (next: boolean) => {
      setWallLive(next);
      if (next) sendToWall();
    },
    sendToWall,
    broughtBy,
  };
}
