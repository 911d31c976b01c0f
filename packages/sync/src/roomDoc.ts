import type { Origin } from '@kinmap/model';
import * as Y from 'yjs';
import { carriesNewContent, encodeSyncStep2 } from './protocol.js';
import type { DocStore, Logger } from './types.js';

/** Same shape as the model's `Origins.storage` (the model checks origins by shape). */
const storageOrigin: Origin = Object.freeze({ kind: 'storage' });

export interface RoomDocOptions {
  readonly boardId: string;
  readonly store: DocStore;
  readonly logger: Logger;
  /** Compact the log into a snapshot after this many appended updates. */
  readonly compactEvery: number;
}

export interface WriteHooks {
  /** Checked when the write's turn comes: true discards it (its sender failed earlier). */
  skip(): boolean;
  /** The store refused the update: it was neither applied nor broadcast. */
  appendFailed(): void;
  /** Stored but Yjs could not integrate it. */
  applyFailed(): void;
}

/**
 * A board's Y.Doc and its durable log. Every change goes through one serial queue:
 * append to the store, then apply (which broadcasts, via the doc's update event),
 * so nothing is shown to anyone before it is stored, and per-board order is kept.
 */
export interface RoomDoc {
  readonly doc: Y.Doc;
  /** Applies the stored history. False when the store failed (logged). */
  load(): Promise<boolean>;
  /** The sync step 2 frame for a client's state vector; the full state is cached. */
  encodeSyncStep2For(stateVector: Uint8Array): Uint8Array;
  /**
   * Queues a validated update from a client. `answersStep1` marks a sync step 2, which may repeat
   * deletions the room has (a reconnecting client's whole delete set); only those are checked.
   */
  write(
    update: Uint8Array,
    decoded: ReturnType<typeof Y.decodeUpdate>,
    origin: Origin,
    hooks: WriteHooks,
    answersStep1: boolean,
  ): void;
  /** Queues a compaction (a no-op when nothing was appended since the last one). */
  compact(): void;
  /** Resolves when everything queued so far, and anything it queued, has finished. */
  drained(): Promise<void>;
}

export function createRoomDoc({ boardId, store, logger, compactEvery }: RoomDocOptions): RoomDoc {
  const doc = new Y.Doc();
  let tail: Promise<void> = Promise.resolve();
  let loaded = false;
  let appliedSeq = 0;
  let sinceCompaction = 0;
  // Caches of the whole doc, dropped on every change: a new client's empty state vector
  // gets the full state without re-encoding a long history each time.
  let fullState: Uint8Array | null = null;
  let fullStateMessage: Uint8Array | null = null;
  let snapshot: Y.Snapshot | null = null;
  doc.on('update', () => {
    fullState = null;
    fullStateMessage = null;
    snapshot = null;
  });

  const encodedState = (): Uint8Array => {
    fullState ??= Y.encodeStateAsUpdate(doc);
    return fullState;
  };

  function enqueue(task: () => Promise<void>): void {
    tail = tail.then(task).catch(() => logger.error('room.task_failed', { boardId }));
  }

  async function storeThenApply(
    update: Uint8Array,
    decoded: ReturnType<typeof Y.decodeUpdate>,
    origin: Origin,
    hooks: WriteHooks,
    answersStep1: boolean,
  ): Promise<void> {
    if (!loaded || hooks.skip()) return;
    const lazySnapshot = answersStep1 ? () => (snapshot ??= Y.snapshot(doc)) : null;
    if (!carriesNewContent(doc, decoded, update, lazySnapshot)) return;
    let seq: number;
    try {
      seq = await store.append(boardId, update);
    } catch {
      hooks.appendFailed();
      return;
    }
    try {
      Y.applyUpdate(doc, update, origin);
    } catch {
      // Decodable but not integrable. Replaying the log does the same, so doc and store agree.
      hooks.applyFailed();
    }
    appliedSeq = seq;
    sinceCompaction += 1;
    if (sinceCompaction >= compactEvery) await compactNow();
  }

  async function compactNow(): Promise<void> {
    if (!loaded || sinceCompaction === 0 || appliedSeq === 0) return;
    const throughSeq = appliedSeq;
    const counted = sinceCompaction;
    const snapshotUpdate = encodedState();
    sinceCompaction = 0;
    try {
      await store.compact(boardId, snapshotUpdate, throughSeq);
      logger.info('room.compacted', { boardId, bytes: snapshotUpdate.byteLength, throughSeq });
    } catch {
      sinceCompaction += counted;
      logger.error('room.compact_failed', { boardId, throughSeq });
    }
  }

  function applyStored(update: Uint8Array): void {
    try {
      Y.applyUpdate(doc, update, storageOrigin);
    } catch {
      // The same update failed the same way when it arrived; skipping it replays that outcome.
      logger.warn('room.stored_update_skipped', { boardId, bytes: update.byteLength });
    }
  }

  return {
    doc,
    async load() {
      try {
        const [stored, pending] = await Promise.all([store.load(boardId), store.pendingCount(boardId)]);
        let bytes = 0;
        doc.transact(() => {
          for (const update of stored.updates) {
            bytes += update.byteLength;
            applyStored(update);
          }
        }, storageOrigin);
        appliedSeq = stored.lastSeq;
        sinceCompaction = pending;
        loaded = true;
        logger.info('room.loaded', { boardId, updates: stored.updates.length, bytes });
        // A long uncompacted tail (e.g. left by a crash) is folded now, so the next load is one snapshot.
        if (sinceCompaction >= compactEvery) enqueue(compactNow);
        return true;
      } catch {
        logger.error('room.load_failed', { boardId });
        return false;
      }
    },
    encodeSyncStep2For(stateVector) {
      if (Y.decodeStateVector(stateVector).size > 0)
        return encodeSyncStep2(Y.encodeStateAsUpdate(doc, stateVector));
      fullStateMessage ??= encodeSyncStep2(encodedState());
      return fullStateMessage;
    },
    write(update, decoded, origin, hooks, answersStep1) {
      enqueue(() => storeThenApply(update, decoded, origin, hooks, answersStep1));
    },
    compact() {
      enqueue(compactNow);
    },
    async drained() {
      // Tasks may queue more tasks; wait until the queue stops growing.
      for (let current = tail; ; current = tail) {
        await current;
        if (current === tail) return;
      }
    },
  };
}
