import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { createAwarenessGuard } from './guard/awarenessGuard.js';
import {
  type PresenceAudience,
  type PresenceSender,
  redactPresence,
  stampPresence,
} from './guard/presenceStamp.js';
import { type AwarenessEntry, encodeAwarenessMessage, encodeAwarenessUpdate } from './protocol.js';

export interface AwarenessRelayOptions {
  readonly doc: Y.Doc;
  /** Least time between two broadcasts (so between two broadcasts of one client's state). */
  readonly intervalMs: number;
  readonly now: () => number;
  /**
   * Sends one awareness frame to every connection except `skip`: `frameFor(audience)` is the
   * frame for a connection of that audience ([A6]), encoded once per audience.
   */
  readonly broadcast: (
    frameFor: (audience: PresenceAudience) => Uint8Array,
    skip: string | undefined,
  ) => void;
}

/** A board's presence (cursors, names): who may set what, and when it goes out. */
export interface AwarenessRelay {
  /**
   * Applies the entries this connection may set (see `AwarenessGuard`), each state stamped with the
   * sender's identity ([A5], `stampPresence`), and schedules their broadcast. Returns how many were
   * admitted: 0 for the official client's echo of other people's states.
   */
  receive(connectionId: string, entries: readonly AwarenessEntry[], sender: PresenceSender): number;
  /** One frame holding every current state as `audience` may see it, or null when there is none. */
  encodeStates(audience: PresenceAudience): Uint8Array | null;
  /** The connection left: removes the states it owned and schedules the removal broadcast. */
  release(connectionId: string): void;
  /** The current states, for tests and diagnostics. */
  states(): ReadonlyMap<number, unknown>;
  destroy(): void;
}

/**
 * Relays awareness through one y-protocols `Awareness` per board, so the clock rules (a newer
 * clock wins, a removal needs the same clock) are the library's own.
 *
 * Broadcasts are coalesced per room: changed client ids collect in a set; the set is flushed
 * on the next macrotask (setImmediate) when the previous flush is at least `intervalMs` ago,
 * otherwise exactly when it will be. A flush sends one frame with the current state of every
 * changed id, encoded once. So each client's state goes out at most once per interval, the
 * last state wins, and the final state is never lost. A room-wide (not per-client) clock also
 * bounds how many frames a client receives per second, which bounds the official client's
 * echo of them.
 */
export function createAwarenessRelay({
  doc,
  intervalMs,
  now,
  broadcast,
}: AwarenessRelayOptions): AwarenessRelay {
  const awareness = new awarenessProtocol.Awareness(doc);
  // The room is not a participant: its own state stays null.
  awareness.setLocalState(null);
  const guard = createAwarenessGuard({ knownClock: (id) => awareness.meta.get(id)?.clock ?? 0 });
  const changed = new Set<number>();
  let lastFlushAt = Number.NEGATIVE_INFINITY;
  let cancelScheduled: (() => void) | null = null;

  /** [A6] The states of `ids` as `audience` may see them, as one awareness frame. */
  function encodeFor(ids: readonly number[], audience: PresenceAudience): Uint8Array {
    const states = awareness.getStates();
    const seen =
      audience === 'everything'
        ? states
        : new Map([...ids].map((id) => [id, redactPresence(doc, states.get(id) ?? null)] as const));
    return encodeAwarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(
        awareness,
        [...ids],
        seen as Map<number, Record<string, unknown>>,
      ),
    );
  }

  function flush(): void {
    cancelScheduled = null;
    if (changed.size === 0) return;
    const ids = [...changed];
    changed.clear();
    lastFlushAt = now();
    const frames = new Map<PresenceAudience, Uint8Array>();
    const frameFor = (audience: PresenceAudience): Uint8Array => {
      let frame = frames.get(audience);
      if (frame === undefined) {
        frame = encodeFor(ids, audience);
        frames.set(audience, frame);
      }
      return frame;
    };
    broadcast(frameFor, soleOwner(ids));
  }

  /** The connection owning every id in the frame, which need not hear its own state back. */
  function soleOwner(ids: readonly number[]): string | undefined {
    const owner = ids[0] === undefined ? undefined : guard.ownerOf(ids[0]);
    return ids.every((id) => guard.ownerOf(id) === owner) ? owner : undefined;
  }

  function schedule(): void {
    if (cancelScheduled !== null || changed.size === 0) return;
    const wait = lastFlushAt + intervalMs - now();
    if (wait <= 0) {
      const handle = setImmediate(flush);
      cancelScheduled = () => clearImmediate(handle);
    } else {
      const handle = setTimeout(flush, wait);
      cancelScheduled = () => clearTimeout(handle);
    }
  }

  const onUpdate = ({
    added,
    updated,
    removed,
  }: {
    added: number[];
    updated: number[];
    removed: number[];
  }) => {
    for (const id of [...added, ...updated, ...removed]) changed.add(id);
    schedule();
  };
  awareness.on('update', onUpdate);

  return {
    receive(connectionId, entries, sender) {
      const admitted = guard.admit(connectionId, entries);
      if (admitted.length > 0) {
        // [A5] Whatever the client claims, its presence names the connection's member.
        const stamped = admitted.map((entry) =>
          entry.state === null ? entry : { ...entry, state: stampPresence(doc, sender, entry.state) },
        );
        awarenessProtocol.applyAwarenessUpdate(awareness, encodeAwarenessUpdate(stamped), connectionId);
      }
      return admitted.length;
    },
    encodeStates(audience) {
      const ids = [...awareness.getStates().keys()];
      if (ids.length === 0) return null;
      return encodeFor(ids, audience);
    },
    release(connectionId) {
      const ids = guard.release(connectionId);
      if (ids.length > 0) awarenessProtocol.removeAwarenessStates(awareness, ids, 'connection closed');
    },
    states: () => awareness.getStates(),
    destroy() {
      cancelScheduled?.();
      cancelScheduled = null;
      changed.clear();
      awareness.off('update', onUpdate);
      awareness.destroy();
    },
  };
}
