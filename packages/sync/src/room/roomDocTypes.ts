import type { Origin, PermissionVerdict, RoomDocument } from '@kinmap/model';
import type * as Y from 'yjs';
import type { ConnectionActor, DocStore, Logger } from '../roomContracts.js';

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
  /** Compact this long after a stored update that deleted something (default: at once). */
  readonly compactAfterDeletionMs?: number;
  /** Check client updates against the permission matrix (default true; false only for transport tests). */
  readonly checkPermissions?: boolean;
  /** The time stamped on each stored update's author record (default Date.now). */
  readonly now?: () => number;
  /** Which of the board's two documents this is (default `shared`; see restricted.ts). */
  readonly document?: RoomDocument;
  /** The restricted room follows the shared board's lock ([AC11]): true while that is locked. */
  readonly boardLocked?: () => boolean;
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
