import { ROLES, type Role } from '@kinmap/model';
import { ROLE_COLORS } from './colors';

/** What each client publishes through Yjs awareness. The cursor is in board coordinates. */
export interface Presence {
  readonly participantId: string;
  readonly name: string;
  readonly role: Role;
  readonly color: string;
  readonly cursor: { readonly x: number; readonly y: number } | null;
}

export interface Peer extends Presence {
  readonly clientId: number;
}

const MAX_NAME = 80;

function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}

function readCursor(x: unknown): Presence['cursor'] {
  if (typeof x !== 'object' || x === null) return null;
  const { x: px, y: py } = x as { x?: unknown; y?: unknown };
  if (typeof px !== 'number' || typeof py !== 'number') return null;
  if (!Number.isFinite(px) || !Number.isFinite(py)) return null;
  return { x: px, y: py };
}

/**
 * Reads other clients' awareness states. They come from other browsers, so anything malformed
 * is skipped, names are shortened, and colours come from the role rather than from the sender.
 */
export function readPeers(states: ReadonlyMap<number, unknown>, ownClientId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, raw] of states) {
    if (clientId === ownClientId || typeof raw !== 'object' || raw === null) continue;
    const s = raw as Record<string, unknown>;
    if (typeof s.participantId !== 'string' || typeof s.name !== 'string' || !isRole(s.role)) continue;
    peers.push({
      clientId,
      participantId: s.participantId.slice(0, 100),
      name: s.name.slice(0, MAX_NAME),
      role: s.role,
      color: ROLE_COLORS[s.role],
      cursor: readCursor(s.cursor),
    });
  }
  return peers;
}

/** Who is on the board now: one entry per person (several tabs count once), you first. */
export function peopleOnline(me: Presence, peers: readonly Peer[]): Presence[] {
  const seen = new Set([me.participantId]);
  const others: Presence[] = [];
  for (const p of peers) {
    if (seen.has(p.participantId)) continue;
    seen.add(p.participantId);
    others.push(p);
  }
  others.sort((a, b) => a.name.localeCompare(b.name));
  return [me, ...others];
}
