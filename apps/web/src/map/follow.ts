import { may } from '@kinmap/model';
import type { Peer, Summon } from '../board/presence/presence';
import type { BoardViewport } from '../canvas/camera';
import type { Frame } from '../canvas/frame';

/** Where to go: a frame (anchors, any layout) when the leader sent one, else their raw viewport. */
export interface LeaderView {
  readonly frame: Frame | null;
  readonly viewport: BoardViewport | null;
}

/** A summon to obey, with who sent it (the server-stamped name, [A5]). */
export interface SummonToObey extends LeaderView {
  readonly name: string;
}

/**
 * The newest "bring everyone to me" from a facilitator that this screen has not obeyed yet, and
 * the summons seen so far (by client) to remember for next time. Each summon is obeyed once.
 */
export function newSummon(
  peers: readonly Peer[],
  seen: ReadonlyMap<number, number>,
): { readonly summon: SummonToObey | null; readonly seen: ReadonlyMap<number, number> } {
  const next = new Map(seen);
  let newest: { summon: Summon; name: string } | null = null;
  for (const peer of peers) {
    if (!may(peer.role, 'A4') || !peer.summon) continue;
    const { at } = peer.summon;
    if (seen.get(peer.clientId) === at) continue;
    next.set(peer.clientId, at);
    if (!newest || at > newest.summon.at) newest = { summon: peer.summon, name: peer.name };
  }
  const summon = newest
    ? { frame: newest.summon.frame, viewport: newest.summon.viewport, name: newest.name }
    : null;
  return { summon, seen: next };
}

/** The summons already on the board when this screen opens: they were for the people there then. */
export function summonsSeen(peers: readonly Peer[]): ReadonlyMap<number, number> {
  return newSummon(peers, new Map()).seen;
}

/** The view of the person being followed, or null when they left or share none. */
export function followedView(peers: readonly Peer[], clientId: number | null): LeaderView | null {
  if (clientId === null) return null;
  const peer = peers.find((p) => p.clientId === clientId);
  if (!peer || (!peer.frame && !peer.viewport)) return null;
  return { frame: peer.frame, viewport: peer.viewport };
}

/** Whom one can follow: everyone who shares a view (a frame or a viewport), never a wall screen. */
export function followable(peers: readonly Peer[]): Peer[] {
  return peers.filter((p) => (p.frame || p.viewport) && !p.wallView);
}

/**
 * Who a wall screen follows: the facilitator ([A4]; the first by name when there are several)
 * who tells the wall what to show (`wall`), or, from an older client, shares a viewport.
 */
export function facilitatorToFollow(peers: readonly Peer[]): Peer | null {
  const facilitators = peers.filter((p) => may(p.role, 'A4') && (p.wall || p.viewport));
  facilitators.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
  return facilitators[0] ?? null;
}

/** What the wall shows of its facilitator: the frame they sent to the wall, else their viewport. */
export function wallView(peer: Peer | null): LeaderView | null {
  if (!peer) return null;
  if (peer.wall) return { frame: peer.wall, viewport: null };
  return peer.viewport ? { frame: null, viewport: peer.viewport } : null;
}

/** What the wall screens on the board show now (for the facilitator's outline): their frames. */
export function wallFrames(peers: readonly Peer[]): Frame[] {
  const frames: Frame[] = [];
  for (const p of peers) if (p.wallView) frames.push(p.wallView);
  return frames;
}
