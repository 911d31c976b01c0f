import type { AwarenessEntry } from '../protocol.js';

/**
 * Who may speak for which awareness client id in one room. The rules (docs/PROTOCOL.md):
 * - An id has at most one owner, a live connection; only the owner's entries for it pass.
 * - An unowned id is claimed by a connection whose entry for it carries a state (not a
 *   removal) with a clock newer than the room knows (the entry would be applied), provided
 *   the connection owns no id yet, or the room has never seen that id. So the official
 *   client claims its own `doc.clientID` with its first real state, and a reconnecting
 *   client claims its old id back with its next change.
 * - A connection owns at most `maxIdsPerConnection` ids; entries for more are dropped.
 * - Everything else is dropped silently: spoofing another user's cursor, and the official
 *   client's habit of re-sending every state it received (which would multiply traffic N²).
 *   Such an echo can never claim a departed user's id: it carries a clock the room already
 *   has, because the room is where the echoing client learned it.
 */
export interface AwarenessGuard {
  /** The entries this connection may apply, claiming ids as the rules allow. */
  admit(connectionId: string, entries: readonly AwarenessEntry[]): AwarenessEntry[];
  /** Forgets the connection's ownership and returns the ids it owned. */
  release(connectionId: string): number[];
  /** The connection owning this id, if any. */
  ownerOf(clientId: number): string | undefined;
}

export interface AwarenessGuardOptions {
  /** The clock the room holds for an id (0 when unknown), removals included. */
  readonly knownClock: (clientId: number) => number;
  /**
   * The most ids one connection may own (default 4; the official client uses one). Without a bound
   * one socket could claim thousands of made-up ids, each holding a state in the room's memory.
   */
  readonly maxIdsPerConnection?: number;
}

export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

export function createAwarenessGuard({
  knownClock,
  maxIdsPerConnection = MAX_AWARENESS_IDS_PER_CONNECTION,
}: AwarenessGuardOptions): AwarenessGuard {
  const owners = new Map<number, string>();
  const owned = new Map<string, Set<number>>();
  const seen = new Set<number>();

  function claim(connectionId: string, clientId: number): void {
    owners.set(clientId, connectionId);
    seen.add(clientId);
    const ids = owned.get(connectionId) ?? new Set<number>();
    ids.add(clientId);
    owned.set(connectionId, ids);
  }

  return {
    admit(connectionId, entries) {
      const ownsNone = (owned.get(connectionId)?.size ?? 0) === 0;
      const admitted: AwarenessEntry[] = [];
      for (const entry of entries) {
        const claimable =
          !owners.has(entry.clientId) &&
          (owned.get(connectionId)?.size ?? 0) < maxIdsPerConnection &&
          entry.state !== null &&
          entry.clock > knownClock(entry.clientId) &&
          (ownsNone || !seen.has(entry.clientId));
        if (claimable) claim(connectionId, entry.clientId);
        if (owners.get(entry.clientId) === connectionId) admitted.push(entry);
      }
      return admitted;
    },
    release(connectionId) {
      const ids = [...(owned.get(connectionId) ?? [])];
      for (const id of ids) owners.delete(id);
      owned.delete(connectionId);
      return ids;
    },
    ownerOf: (clientId) => owners.get(clientId),
  };
}
