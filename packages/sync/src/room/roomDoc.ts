import {
  type BoardDocument,
  type Change,
  classifyTransaction,
  type Origin,
  type PermissionVerdict,
} from '@kinmap/model';
import * as Y from 'yjs';
import { toAuditChanges } from '../guard/auditChanges.js';
import { createUpdateGuard, type UpdateGuard } from '../guard/updateGuard.js';
import { carriesNewContent, encodeSyncStep2 } from '../protocol.js';
import type { ConnectionActor, DocStore, Logger, UpdateAuthor } from '../types.js';

/** Same shape as the model's `Origins.storage` (the model checks origins by shape). */
const storageOrigin: Origin = Object.freeze({ kind: 'storage' });
/** A change the server made itself (rooms.change): `local` to the room, so it goes to every client. */
const serverOrigin: Origin = Object.freeze({ kind: 'local' });

/** What a server-side change came to. `value` is what the change function returned. */
export type ChangeResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: ChangeFailure };
/**
 * `unavailable`: the board is not loaded (load failed, unloaded, shutting down);
 * `storage-failure`: the store refused the update, so it was neither applied nor broadcast;
 * `change-failed`: the change function threw, and nothing it wrote was kept.
 */
export type ChangeFailure = 'unavailable' | 'storage-failure' | 'change-failed';

export interface RoomDocOptions {
  readonly boardId: string;
  readonly store: DocStore;
  readonly logger: Logger;
  /** Compact the log into a snapshot after this many appended updates. */
  readonly compactEvery: number;
  /** Check client updates against the permission matrix (default true; false only for transport tests). */
  readonly checkPermissions?: boolean;
  /** The time stamped on each stored update's author record (default Date.now). */
  readonly now?: () => number;
  /** Which of the board's two documents this is (default `shared`; see restricted.ts). */
  readonly document?: BoardDocument;
}

export interface WriteHooks {
  /** Checked when the write's turn comes: true discards it (its sender failed earlier). */
  skip(): boolean;
  /** The store refused the update: it was neither applied nor broadcast. */
  appendFailed(): void;
  /** Stored but Yjs could not integrate it. */
  applyFailed(): void;
  /** Who sent the update, for the permission check. */
  readonly sender: ConnectionActor;
  /** The permission check refused the update: it was neither stored, applied nor broadcast. */
  rejected(verdict: Extract<PermissionVerdict, { ok: false }>): void;
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
   * When its turn comes it is checked against the permission matrix (docs/SPEC.md [AC1]–[AC19])
   * for `hooks.sender`; a refused update goes to `hooks.rejected` and nowhere else.
   */
  write(
    update: Uint8Array,
    decoded: ReturnType<typeof Y.decodeUpdate>,
    origin: Origin,
    hooks: WriteHooks,
    answersStep1: boolean,
  ): void;
  /**
   * Queues a change made by the server itself. When its turn comes (after every update queued
   * before it), `fn` runs on a scratch copy of the doc; whatever it wrote becomes one update that
   * takes the same path as a client's: stored first, then applied and broadcast to everyone.
   */
  change<T>(fn: (doc: Y.Doc) => T): Promise<ChangeResult<T>>;
  /**
   * `change`, skipped when `unless` (read on the live doc at the change's turn) says nothing is
   * needed: then no scratch copy of the board is built (tens of milliseconds on a large board), and
   * the value is undefined. E.g. writing a member's name, already there, on every reconnect.
   */
  changeUnless<T>(
    unless: (doc: Y.Doc) => boolean,
    fn: (doc: Y.Doc) => T,
  ): Promise<ChangeResult<T | undefined>>;
  /** Queues a compaction (a no-op when nothing was appended since the last one). */
  compact(): void;
  /** Resolves when everything queued so far, and anything it queued, has finished. */
  drained(): Promise<void>;
}

export function createRoomDoc({
  boardId,
  store,
  logger,
  compactEvery,
  checkPermissions = true,
  now = Date.now,
  document = 'shared',
}: RoomDocOptions): RoomDoc {
  const doc = new Y.Doc();
  const guard: UpdateGuard | null = checkPermissions ? createUpdateGuard(doc, document) : null;
  doc.on('destroy', () => guard?.destroy());
  // The client id of this room's own changes; never the doc's, which only applies others' updates.
  const serverClientId = (Math.random() * 2 ** 32) >>> 0;
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
    // Checked at its turn, against the board as every earlier update left it.
    // The guard's classification is reused for the audit record: no second pass over the update.
    const { verdict, changes } = guard?.checkAndClassify(update, hooks.sender) ?? {
      verdict: { ok: true } as const,
      changes: [],
    };
    if (!verdict.ok) {
      hooks.rejected(verdict);
      return;
    }
    let seq: number;
    try {
      seq = await store.append(boardId, update, authorOf(hooks.sender, now(), changes));
    } catch {
      guard?.resync();
      hooks.appendFailed();
      return;
    }
    try {
      Y.applyUpdate(doc, update, origin);
    } catch {
      // Decodable but not integrable. Replaying the log does the same, so doc and store agree.
      guard?.resync();
      hooks.applyFailed();
    }
    appliedSeq = seq;
    sinceCompaction += 1;
    // [PO3] A removed card (deleted, or moved to the restricted document) must not live on in the
    // stored log: the doc has already collected its text, the snapshot replaces the old inserts.
    const removedCard = changes.some((change) => change.kind === 'card-removed');
    if (sinceCompaction >= compactEvery || removedCard) await compactNow();
  }

  /** Runs a server-side change at its turn in the queue; a task that failed outside it answers `unavailable`. */
  function queued<R>(task: () => Promise<ChangeResult<R>>): Promise<ChangeResult<R>> {
    return new Promise((resolve) => {
      enqueue(async () => resolve(await task()));
      // A task that failed outside changeNow (logged by enqueue) must not leave the caller waiting.
      tail.then(
        () => resolve({ ok: false, reason: 'unavailable' }),
        () => resolve({ ok: false, reason: 'unavailable' }),
      );
    });
  }

  async function changeNow<T>(fn: (scratch: Y.Doc) => T): Promise<ChangeResult<T>> {
    if (!loaded) return { ok: false, reason: 'unavailable' };
    const scratch = new Y.Doc({ gc: doc.gc });
    Y.applyUpdate(scratch, encodedState(), storageOrigin);
    // Set after loading (Yjs renames a doc that receives items under its own id). One id per
    // loaded room keeps the state vector from growing by an entry per change.
    scratch.clientID = serverClientId;
    const written: Uint8Array[] = [];
    const changes: Change[] = [];
    scratch.on('update', (update: Uint8Array) => written.push(update));
    // Classified as it is written (before Yjs frees deleted content), for the audit record.
    scratch.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.changed.size > 0) changes.push(...classifyTransaction(tr));
    });
    let value: T;
    try {
      value = fn(scratch);
    } catch {
      scratch.destroy();
      return { ok: false, reason: 'change-failed' };
    }
    scratch.destroy();
    if (written.length === 0) return { ok: true, value };
    const update = written.length === 1 ? (written[0] as Uint8Array) : Y.mergeUpdates(written);
    let seq: number;
    try {
      seq = await store.append(boardId, update, {
        participantId: null,
        role: null,
        sessionId: null,
        at: now(),
        changes: toAuditChanges(changes),
      });
    } catch {
      logger.error('room.change_append_failed', { boardId, bytes: update.byteLength });
      return { ok: false, reason: 'storage-failure' };
    }
    Y.applyUpdate(doc, update, serverOrigin);
    guard?.follow(update);
    appliedSeq = seq;
    sinceCompaction += 1;
    // [PO3], as for a client's update: a removed card's text leaves the stored log at once.
    const removedCard = changes.some((change) => change.kind === 'card-removed');
    if (sinceCompaction >= compactEvery || removedCard) await compactNow();
    return { ok: true, value };
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
    change(fn) {
      return queued(() => changeNow(fn));
    },
    changeUnless<T>(unless: (doc: Y.Doc) => boolean, fn: (doc: Y.Doc) => T) {
      const skipped: ChangeResult<T | undefined> = { ok: true, value: undefined };
      return queued<T | undefined>(async () => (loaded && unless(doc) ? skipped : changeNow(fn)));
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

/** The audit record of a client's update: who sent it, from which session, and what it did. */
function authorOf(sender: ConnectionActor, at: number, changes: readonly Change[]): UpdateAuthor {
  return {
    participantId: sender.participantId ?? null,
    role: sender.role,
    sessionId: sender.sessionId ?? null,
    at,
    changes: toAuditChanges(changes),
  };
}
