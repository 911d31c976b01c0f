import {
  copyIntoRestricted,
  flaggedSharedCards,
  initRestricted,
  Origins,
  readLocked,
  removeFromShared,
} from '@kinmap/model';
import { restrictedRoomId, roomDocumentOf } from '@kinmap/protocol';
import type * as Y from 'yjs';
import {
  CloseCode,
  type ConnectionActor,
  type DocStore,
  type Logger,
  type RoomConnection,
  type RoomLimits,
  type SocketLike,
} from '../roomContracts.js';
import { createRoom, type Room } from './room.js';
import type { ChangeResult } from './roomDoc.js';

/** Limits used when `createRooms` is not told otherwise. */
export const DEFAULT_LIMITS: RoomLimits = Object.freeze({
  maxMessageBytes: 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 300,
  awarenessIntervalMs: 10,
  compactEvery: 500,
  compactAfterDeletionMs: 5_000,
  unloadAfterMs: 30_000,
  maxBufferedBytes: 8 * 1024 * 1024,
  keepaliveMs: 10_000,
});

export interface RoomsOptions {
  readonly store: DocStore;
  readonly limits?: Partial<RoomLimits>;
  readonly logger?: Logger;
  readonly now?: () => number;
  /**
   * Check every client update against the permission matrix (docs/SPEC.md [AC1]–[AC19]).
   * Default true. False only for tests of the transport itself, which write arbitrary Yjs content.
   */
  readonly checkPermissions?: boolean;
  /** A client update was refused by the permission check: who sent it and which rule (the audit). */
  readonly onRefused?: (boardId: string, sender: ConnectionActor, rule: string) => void;
}

/** Every active board of a server, each loaded once, unloaded when idle. */
export interface Rooms {
  /**
   * Joins a socket to a board's room. Synchronous: frames fed before the board is loaded
   * are queued in order and answered once it is. `boardId` names the board's shared room, or
   * `restrictedRoomId(boardId)` its restricted one (professionals only: the caller checks the role),
   * or `childToolRoomId(boardId, toolId)` a child's tool (the caller checks the child's choice).
   */
  connect(boardId: string, socket: SocketLike, access: ConnectionActor): RoomConnection;
  /** Closes every socket with 1001, waits for queued updates, compacts every room, forgets them. */
  shutdown(): Promise<void>;
  stats(): { rooms: number; connections: number };
  /** True while the board's doc is loaded in memory. */
  isLoaded(boardId: string): boolean;
  /**
   * A change made by the server itself (e.g. revealing private ratings). Loads the board if
   * needed; when the change's turn comes (after every update queued before it), `fn` runs on a
   * scratch copy of the board and what it wrote goes through the same write path as a client's
   * update: stored, then applied and broadcast to every connection, with a `local` origin.
   * `fn` must be synchronous; if it writes nothing, nothing is stored.
   * @example await rooms.change(boardId, (doc) => revealInto(doc, actor, scaleId, ratings))
   */
  change<T>(boardId: string, fn: (doc: Y.Doc) => T): Promise<ChangeResult<T>>;
  /**
   * `change`, skipped when `unless` (read on the live board at the change's turn) says nothing is
   * needed, without building a scratch copy of the board.
   * @example await rooms.changeUnless(id, (doc) => alreadyThere(doc), (doc) => registerParticipant(doc, p))
   */
  changeUnless<T>(
    boardId: string,
    unless: (doc: Y.Doc) => boolean,
    fn: (doc: Y.Doc) => T,
  ): Promise<ChangeResult<T | undefined>>;
  /**
   * Reads a board as it stands at the read's turn (after every update queued before it), loading
   * it if needed (and unloading it when idle, as for `change`). `fn` runs on the live doc: it must
   * be synchronous and must not write (a write would bypass the store). A throwing `fn` answers
   * `change-failed`; a board that cannot load, `unavailable`.
   * @example const state = await rooms.read(boardId, (doc) => readBoard(doc))
   */
  read<T>(roomId: string, fn: (doc: Y.Doc) => T): Promise<ChangeResult<T>>;
}

const silentLogger: Logger = { info() {}, warn() {}, error() {} };
const SHUTDOWN_REASON = 'server shutting down';

/**
 * @example
 * const rooms = createRooms({ store: createMemoryStore() });
 * const connection = rooms.connect(boardId, socket, { connectionId, role: 'family', canWriteDoc: true });
 * socket.on('message', (data) => connection.message(data));
 * socket.on('close', () => connection.close());
 */
export function createRooms({
  store,
  limits = {},
  logger = silentLogger,
  now = () => Date.now(),
  checkPermissions = true,
  onRefused,
}: RoomsOptions): Rooms {
  const resolvedLimits: RoomLimits = { ...DEFAULT_LIMITS, ...limits };
  const rooms = new Map<string, Room>();
  const unloadTimers = new Map<string, ReturnType<typeof setTimeout>>();
  // A board being unloaded: its next room loads only after the old one compacted.
  const unloading = new Map<string, Promise<void>>();
  let shuttingDown = false;

  function cancelUnload(boardId: string): void {
    clearTimeout(unloadTimers.get(boardId));
    unloadTimers.delete(boardId);
  }

  function scheduleUnload(boardId: string, room: Room): void {
    if (shuttingDown) return;
    cancelUnload(boardId);
    unloadTimers.set(
      boardId,
      setTimeout(() => unload(boardId, room), resolvedLimits.unloadAfterMs),
    );
  }

  function unload(boardId: string, room: Room): void {
    unloadTimers.delete(boardId);
    if (rooms.get(boardId) !== room || room.connectionCount() > 0) return;
    rooms.delete(boardId);
    const done = room
      .unload()
      .catch(() => logger.error('room.unload_failed', { boardId }))
      .finally(() => {
        if (unloading.get(boardId) === done) unloading.delete(boardId);
      });
    unloading.set(boardId, done);
  }

  function roomFor(boardId: string): Room {
    const existing = rooms.get(boardId);
    if (existing !== undefined) return existing;
    const { document } = roomDocumentOf(boardId);
    const room: Room = createRoom({
      boardId,
      store,
      limits: resolvedLimits,
      logger,
      now,
      checkPermissions,
      document,
      ...(document === 'shared'
        ? { beforeReady: (doc, changeHere) => moveFlaggedCards(boardId, doc, changeHere) }
        : {}),
      // A child's tool is the child's, not the meeting's: the board's lock does not reach it.
      ...(document === 'restricted'
        ? { boardLocked: () => sharedLocked(roomDocumentOf(boardId).boardId) }
        : {}),
      after: unloading.get(boardId),
      ...(onRefused
        ? { onRefused: (sender: ConnectionActor, rule: string) => onRefused(boardId, sender, rule) }
        : {}),
      onEmpty: () => scheduleUnload(boardId, room),
      onBroken: () => {
        cancelUnload(boardId);
        if (rooms.get(boardId) === room) rooms.delete(boardId);
        room.unload().catch(() => logger.error('room.unload_failed', { boardId }));
      },
    });
    rooms.set(boardId, room);
    // A restricted document gets its meta the first time it is loaded (clients may not write it).
    if (document === 'restricted') void room.change((doc) => initRestricted(doc, { createdAt: now() }));
    return room;
  }

  /**
   * [AC11] The restricted document follows the shared board's lock. Its writers open the shared
   * room first (the web does), so the shared board is loaded; if it is not, it reads as unlocked.
   */
  function sharedLocked(boardId: string): boolean {
    const shared = rooms.get(boardId);
    return shared !== undefined && shared.state === 'ready' && readLocked(shared.doc);
  }

  function change<T>(boardId: string, fn: (doc: Y.Doc) => T): Promise<ChangeResult<T>> {
    return inRoom(boardId, (room) => room.change(fn));
  }

  function changeUnless<T>(
    boardId: string,
    unless: (doc: Y.Doc) => boolean,
    fn: (doc: Y.Doc) => T,
  ): Promise<ChangeResult<T | undefined>> {
    return inRoom(boardId, (room) => room.changeUnless(unless, fn));
  }

  async function read<T>(roomId: string, fn: (doc: Y.Doc) => T): Promise<ChangeResult<T>> {
    let outcome: ChangeResult<T> = { ok: false, reason: 'change-failed' };
    // `unless` runs on the live doc at the change's turn; answering true skips the write path.
    const queued = await inRoom(roomId, (room) =>
      room.changeUnless(
        (doc) => {
          try {
            outcome = { ok: true, value: fn(doc) };
          } catch {
            outcome = { ok: false, reason: 'change-failed' };
          }
          return true;
        },
        () => undefined,
      ),
    );
    return queued.ok ? outcome : queued;
  }

  async function inRoom<R>(
    boardId: string,
    run: (room: Room) => Promise<ChangeResult<R>>,
  ): Promise<ChangeResult<R>> {
    if (shuttingDown) return { ok: false, reason: 'unavailable' };
    const room = roomFor(boardId);
    const result = await run(room);
    // A board loaded only for this change unloads like one whose last connection left.
    if (room.connectionCount() === 0 && rooms.get(boardId) === room && !unloadTimers.has(boardId)) {
      scheduleUnload(boardId, room);
    }
    return result;
  }

  /**
   * [PO2] A board written before the restricted document may still hold professionals-only cards in
   * its shared one. Before the board answers anyone, they are copied into the restricted document,
   * then deleted from the shared one; if that fails the board does not open (fail closed).
   */
  async function moveFlaggedCards(boardId: string, doc: Y.Doc, changeHere: Room['change']): Promise<void> {
    const flagged = flaggedSharedCards(doc);
    if (flagged.length === 0) return;
    const opts = { now: now(), origin: Origins.migration };
    const copied = await change(restrictedRoomId(boardId), (restricted) =>
      copyIntoRestricted(restricted, flagged, opts),
    );
    if (!copied.ok || !copied.value.ok) throw new Error('the restricted document could not take the cards');
    const ids = flagged.map((card) => card.id);
    const removed = await changeHere((shared) => removeFromShared(shared, ids, opts));
    if (!removed.ok || !removed.value.ok) throw new Error('the cards could not leave the shared document');
    logger.info('room.moved_flagged_cards', { boardId, cards: ids.length });
  }

  return {
    connect(boardId, socket, access) {
      if (shuttingDown) {
        socket.close(CloseCode.goingAway, SHUTDOWN_REASON);
        return { message() {}, close() {} };
      }
      cancelUnload(boardId);
      return roomFor(boardId).connect(socket, access);
    },
    async shutdown() {
      shuttingDown = true;
      for (const boardId of unloadTimers.keys()) cancelUnload(boardId);
      const active = [...rooms.values()];
      rooms.clear();
      for (const room of active) room.closeAll(CloseCode.goingAway, SHUTDOWN_REASON);
      await Promise.all([...active.map((room) => room.unload()), ...unloading.values()]);
      logger.info('rooms.shutdown', { rooms: active.length });
    },
    stats() {
      let connections = 0;
      for (const room of rooms.values()) connections += room.connectionCount();
      return { rooms: rooms.size, connections };
    },
    isLoaded: (boardId) => rooms.get(boardId)?.state === 'ready',
    change,
    changeUnless,
    read,
  };
}
