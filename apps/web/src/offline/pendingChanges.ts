import * as Y from 'yjs';

/**
 * This person's changes the server has not confirmed yet ("N unsaved changes").
 *
 * The rule: every local transaction is one change (its Yjs update is kept). A change is saved once
 * a snapshot of the server's document contains it: all its inserted items are under the server's
 * state vector and all its deletions are in the server's delete set (`Y.snapshotContainsUpdate`).
 * The server stores an update before it applies it (packages/sync roomDoc), so a state the server
 * reports is a stored state. Deletions count too, which a state-vector comparison alone would miss
 * (deleting text adds no item). Changes that are saved drop out; nothing else ever resets the count,
 * so a dropped connection, a reload or a crashed server can only leave it too high, never too low.
 */
export interface PendingChanges {
  readonly count: number;
  record(update: Uint8Array): void;
  /** Drops the changes `server` contains and returns them (now saved). */
  confirm(server: Y.Snapshot): Uint8Array[];
  /** The unsaved changes, oldest first (to keep them across a reload). */
  list(): readonly Uint8Array[];
  /** Puts back changes kept from an earlier page, before any made on this one. */
  restore(updates: readonly Uint8Array[]): void;
}

export function createPendingChanges(): PendingChanges {
  let updates: Uint8Array[] = [];
  return {
    get count() {
      return updates.length;
    },
    record(update) {
      updates.push(update);
    },
    confirm(server) {
      const saved: Uint8Array[] = [];
      updates = updates.filter((update) => {
        const contained = Y.snapshotContainsUpdate(server, update);
        if (contained) saved.push(update);
        return !contained;
      });
      return saved;
    },
    list() {
      return updates.slice();
    },
    restore(earlier) {
      updates = [...earlier, ...updates];
    },
  };
}
