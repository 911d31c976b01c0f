import { may } from '@kinmap/model';
import type { Peer } from '../board/presence/presence';
import type { BoardViewport } from '../canvas/camera';

/**
 * The newest "bring everyone to me" from a facilitator that this screen has not obeyed yet, and
 * the summons seen so far (by client) to remember for next time. Each summon is obeyed once.
 */
export function newSummon(
  peers: readonly Peer[],
  seen: ReadonlyMap<number, number>,
): { readonly viewport: BoardViewport | null; readonly seen: ReadonlyMap<number, number> } {
  const next = new Map(seen);
  let newest: { at: number; viewport: BoardViewport } | null = null;
  for (const peer of peers) {
    if (!may(peer.role, 'A4') || !peer.summon) continue;
    const { at, viewport } = peer.summon;
    if (seen.get(peer.clientId) === at) continue;
    next.set(peer.clientId, at);
    if (!newest || at > newest.at) newest = { at, viewport };
  }
  return { viewport: newest?.viewport ?? null, seen: next };
}

/** The summons already on the board when this screen opens: they were for the people there then. */
export function summonsSeen(peers: readonly Peer[]): ReadonlyMap<number, number> {
  return newSummon(peers, new Map()).seen;
}

/** The viewport of the person being followed, or null when they left or share none. */
export function followedViewport(peers: readonly Peer[], clientId: number | null): BoardViewport | null {
  if (clientId === null) return null;
  return peers.find((p) => p.clientId === clientId)?.viewport ?? null;
}

/** Who a wall screen follows: the facilitator ([A4]; the first by name when there are several). */
export function facilitatorToFollow(peers: readonly Peer[]): Peer | null {
  const facilitators = peers.filter((p) => may(p.role, 'A4') && p.viewport);
  facilitators.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
  return facilitators[0] ?? null;
}
