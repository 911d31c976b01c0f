import { type Change, classifyTransaction, type Origin } from '@kinmap/model';
import * as Y from 'yjs';
import { toAuditChanges } from '../guard/auditChanges.js';
import { createUpdateGuard, type UpdateGuard } from '../guard/updateGuard.js';
import { carriesNewContent, encodeSyncStep2 } from '../protocol.js';
import type { ConnectionActor, UpdateAuthor } from '../roomContracts.js';
import type { ChangeResult, RoomDoc, RoomDocOptions, WriteHooks } from './roomDocTypes.js';

export type { ChangeFailure, ChangeResult, RoomDoc, RoomDocOptions, WriteHooks } from './roomDocTypes.js';

/** Same shape as the model's `Origins.storage` (the model checks origins by shape). */
const storageOrigin: Origin = Object.freeze({ kind: 'storage' });
/** A change the server made itself (rooms.change): `local` to the room, so it goes to every client. */
const serverOrigin: Origin = Object.freeze({ kind: 'local' });

export function createRoomDoc({
  boardId,
  store,
  logger,
  compactEvery,
  compactAfterDeletionMs = 0,
  checkPermissions = true,
  now = Date.now,
  document = 'shared',
  boardLocked,
}: RoomDocOptions): RoomDoc {
  const doc = new Y.Doc();
  const guard: UpdateGuard | null = checkPermissions ? createUpdateGuard(doc, document, boardLocked) : null;
  doc.on('destroy', () => guard?.destroy());
  // The client id of this room's own changes; never the doc's, which only applies others' updates.
  const serverClientId = (Math.random() * 2 ** 32) >>> 0;
  let tail: Promise<void> = Promise.resolve();
  let loaded = false;
  let appliedSeq = 0;
  let sinceCompaction = 0;
  // A compaction due because a stored update deleted something (see `afterStored`).
  let deletionTimer: ReturnType<typeof setTimeout> | undefined;
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

  /**
   * After an update is stored and applied: compact at once when a card was removed ([PO3]) or after
   * `compactEvery` updates, and shortly after any deletion — words typed and then deleted, or a
   * value overwritten, stay readable in the stored update until a snapshot replaces it.
   */
  async function afterStored(seq: number, changes: readonly Change[], deleted: boolean): Promise<void> {
    appliedSeq = seq;
    sinceCompaction += 1;
    const removedCard = changes.some((change) => change.kind === 'card-removed');
    if (sinceCompaction >= compactEvery || removedCard) return compactNow();
    if (!deleted || deletionTimer !== undefined) return;
    if (compactAfterDeletionMs <= 0) return compactNow();
    deletionTimer = setTimeout(() => {
      deletionTimer = undefined;
      enqueue(compactNow);
    }, compactAfterDeletionMs);
    // A pending compaction never keeps the process alive; unload and shutdown compact anyway.
    deletionTimer.unref?.();
  }

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
    // [PO3] A removed card (deleted, or moved to the restricted document) must not live on in the
    // stored log: the doc has already collected its text, the snapshot replaces the old inserts.
    await afterStored(seq, changes, decoded.ds.clients.size > 0);
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
    // [PO3], as for a client's update: a removed card's text leaves the stored log at once.
    await afterStored(seq, changes, Y.decodeUpdate(update).ds.clients.size > 0);
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
      clearTimeout(deletionTimer);
      deletionTimer = undefined;
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
