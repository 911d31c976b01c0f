import { encodeRejected } from '@kinmap/protocol';
import * as Y from 'yjs';
import { createAwarenessRelay } from '../awarenessRelay.js';
import { audienceOf } from '../guard/presenceStamp.js';
import { createTokenBucket } from '../guard/rateLimit.js';
import {
  type AwarenessEntry,
  decodeClientMessage,
  decodeDocUpdate,
  encodeKeepalive,
  encodeSyncStep1,
  encodeUpdate,
  MessageType,
} from '../protocol.js';
import { CloseCode, type ConnectionActor, type RoomConnection, type SocketLike } from '../roomContracts.js';
import { createRoomDoc } from './roomDoc.js';
import { isRemoteOrigin, type Peer, type Room, type RoomOptions, type RoomState } from './roomTypes.js';

export type { RemoteOrigin, Room, RoomOptions, RoomState } from './roomTypes.js';

/** The close reason when the store refused a client's update ([S2]). */
export const STORAGE_REFUSED_REASON = 'storage failure: the change was not saved';

/** WebSocket close reasons are limited to 123 bytes; ours are short ASCII, this is a guard. */
const closeReason = (reason: string): string => reason.slice(0, 120);

/**
 * What an awareness frame costs before we know whether it sets the sender's own state. The official
 * client re-sends every awareness change it receives, so most awareness frames are echoes of other
 * people's cursors that the guard drops; charging them a full token would rate-limit honest clients
 * in a busy room, while this still bounds a flood of them to 1/ECHO_COST times the message rate.
 */
const ECHO_COST = 0.1;

export function createRoom(options: RoomOptions): Room {
  const { boardId, store, limits, logger, now } = options;
  const roomDoc = createRoomDoc({
    boardId,
    store,
    logger,
    compactEvery: limits.compactEvery,
    compactAfterDeletionMs: limits.compactAfterDeletionMs,
    checkPermissions: options.checkPermissions ?? true,
    document: options.document ?? 'shared',
    now,
    ...(options.boardLocked ? { boardLocked: options.boardLocked } : {}),
  });
  const { doc } = roomDoc;
  const peers = new Set<Peer>();
  const backlog: Array<{ peer: Peer; data: Uint8Array }> = [];
  let state: RoomState = 'loading';

  const awareness = createAwarenessRelay({
    doc,
    intervalMs: limits.awarenessIntervalMs,
    now,
    broadcast: (frameFor, skip) => {
      for (const peer of peers) {
        if (peer.access.connectionId !== skip) send(peer, frameFor(audienceOf(peer.access.role)));
      }
    },
  });

  // Every applied change is broadcast once, encoded once, to everyone but its sender.
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (state !== 'ready') return;
    const message = encodeUpdate(update);
    const from = isRemoteOrigin(origin) ? origin.connectionId : undefined;
    for (const peer of peers) if (peer.access.connectionId !== from) send(peer, message);
  });

  // [L6] Each interval, a connection that was sent nothing since the last one gets an empty frame.
  const keepalive = limits.keepaliveMs > 0 ? setInterval(keepAlive, limits.keepaliveMs) : null;
  keepalive?.unref?.();
  function keepAlive(): void {
    if (state !== 'ready') return;
    const quiet = [...peers].filter((peer) => !peer.sentSinceKeepalive);
    for (const peer of peers) peer.sentSinceKeepalive = false;
    if (quiet.length === 0) return;
    const frame = encodeKeepalive();
    for (const peer of quiet) send(peer, frame);
    // What this tick sent is not activity: the next tick sends again if nothing else was sent.
    for (const peer of quiet) peer.sentSinceKeepalive = false;
  }

  function send(peer: Peer, message: Uint8Array): void {
    if (!peer.open) return;
    peer.sentSinceKeepalive = true;
    if ((peer.socket.bufferedAmount ?? 0) > limits.maxBufferedBytes) {
      close(peer, CloseCode.slowConsumer, 'slow consumer');
      return;
    }
    try {
      peer.socket.send(message);
    } catch {
      close(peer, CloseCode.goingAway, 'send failed');
    }
  }

  function detach(peer: Peer): void {
    if (!peer.open) return;
    peer.open = false;
    peers.delete(peer);
    awareness.release(peer.access.connectionId);
    if (peers.size === 0 && (state === 'loading' || state === 'ready')) options.onEmpty?.();
  }

  function close(peer: Peer, code: number, reason: string): void {
    if (!peer.open) return;
    detach(peer);
    logger.info('connection.closed', { boardId, connectionId: peer.access.connectionId, code });
    try {
      peer.socket.close(code, closeReason(reason));
    } catch {
      // The transport is already gone; nothing more to tell it.
    }
  }

  function receive(peer: Peer, data: Uint8Array): void {
    if (!peer.open) return;
    if (data.byteLength > limits.maxMessageBytes) {
      logger.warn('message.too_large', {
        boardId,
        connectionId: peer.access.connectionId,
        bytes: data.byteLength,
      });
      close(peer, CloseCode.tooLarge, 'message too large');
    } else if (!peer.bucket.take(data[0] === MessageType.awareness ? ECHO_COST : 1)) {
      close(peer, CloseCode.rateLimited, 'rate limited');
    } else if (state === 'loading') {
      backlog.push({ peer, data });
    } else if (state === 'ready') {
      handle(peer, data);
    }
  }

  function handle(peer: Peer, data: Uint8Array): void {
    if (!peer.open) return;
    const decoded = decodeClientMessage(data);
    if (!decoded.ok) {
      logger.warn('message.rejected', {
        boardId,
        connectionId: peer.access.connectionId,
        bytes: data.byteLength,
      });
      close(peer, CloseCode.badMessage, decoded.reason);
      return;
    }
    const message = decoded.value;
    if (message.type === 'syncStep1') answerSyncStep1(peer, message.stateVector);
    else if (message.type === 'update' && peer.held !== null) hold(peer, message.update);
    else if (message.type === 'syncStep2') {
      receiveUpdate(peer, message.update, true);
      release(peer);
    } else if (message.type === 'update') receiveUpdate(peer, message.update, false);
    else if (message.type === 'awareness') receiveAwareness(peer, message.entries);
    else {
      const states = awareness.encodeStates(audienceOf(peer.access.role));
      if (states !== null) send(peer, states);
    }
  }

  function receiveAwareness(peer: Peer, entries: readonly AwarenessEntry[]): void {
    // The frame was charged ECHO_COST on arrival; one that set our own state pays the rest.
    const admitted = awareness.receive(peer.access.connectionId, entries, peer.access);
    if (admitted > 0 && !peer.bucket.take(1 - ECHO_COST)) close(peer, CloseCode.rateLimited, 'rate limited');
  }

  function answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    send(peer, roomDoc.encodeSyncStep2For(stateVector));
    // Ask for what we lack; a viewer's answer would be dropped anyway, so do not ask it.
    if (peer.access.canWriteDoc) {
      send(peer, encodeSyncStep1(Y.encodeStateVector(doc)));
      if (!peer.greeted) peer.held = [];
    }
    if (!peer.greeted) {
      peer.greeted = true;
      const states = awareness.encodeStates(audienceOf(peer.access.role));
      if (states !== null) send(peer, states);
    }
  }

  /**
   * [S8] A reconnecting client sends its step 1 and, before our step 1 reaches it, may already send a
   * new edit that builds on edits made offline, which only its step 2 will carry. Checked first, that
   * edit would depend on content the board lacks and be refused ([AC19]), and the client would have to
   * drop its offline edits. Yjs updates commute, so it waits for the step 2 instead. Bounded (the
   * rate limit bounds the frames): past `maxMessageBytes` held, they are handled in order at once.
   */
  function hold(peer: Peer, update: Uint8Array): void {
    peer.held?.push(update);
    peer.heldBytes += update.byteLength;
    if (peer.heldBytes > limits.maxMessageBytes) release(peer);
  }

  function release(peer: Peer): void {
    const held = peer.held ?? [];
    peer.held = null;
    peer.heldBytes = 0;
    for (const update of held) receiveUpdate(peer, update, false);
  }

  function receiveUpdate(peer: Peer, update: Uint8Array, answersStep1: boolean): void {
    if (!peer.access.canWriteDoc) return; // a viewer's edits are dropped silently
    const { connectionId } = peer.access;
    const decoded = decodeDocUpdate(update);
    if (!decoded.ok) {
      logger.warn('update.rejected', { boardId, connectionId, bytes: update.byteLength });
      close(peer, CloseCode.badMessage, decoded.reason);
      return;
    }
    roomDoc.write(
      update,
      decoded.value,
      peer.origin,
      {
        sender: peer.access,
        skip: () => peer.failed,
        rejected: ({ rule, reason }) => {
          // Not stored, applied or broadcast; the sender reverts by re-syncing from a fresh doc.
          logger.warn('update.refused', { boardId, connectionId, rule, bytes: update.byteLength });
          send(peer, encodeRejected({ rule, reason }));
          options.onRefused?.(peer.access, rule);
          // Its later updates build on the refused one and would each be refused (and each refusal
          // rebuilds the guard's copy of the board): drop them unchecked and end the connection.
          peer.failed = true;
          close(peer, CloseCode.refused, `update refused (${rule}): start again from a fresh document`);
        },
        appendFailed: () => {
          peer.failed = true;
          logger.error('update.append_failed', { boardId, connectionId, bytes: update.byteLength });
          // Only the sender: the room stays readable, and the client keeps the change and re-sends
          // it in the sync of its next connection, which is stored once the store accepts writes.
          close(peer, CloseCode.storageFailure, STORAGE_REFUSED_REASON);
        },
        applyFailed: () => {
          logger.error('update.apply_failed', { boardId, connectionId, bytes: update.byteLength });
          close(peer, CloseCode.badMessage, 'update could not be applied');
        },
      },
      answersStep1,
    );
  }

  async function prepared(): Promise<boolean> {
    if (!(await roomDoc.load())) return false;
    try {
      await options.beforeReady?.(doc, roomDoc.change);
      return true;
    } catch {
      logger.error('room.before_ready_failed', { boardId });
      return false;
    }
  }

  async function load(): Promise<boolean> {
    if (!(await prepared())) {
      state = 'broken';
      if (keepalive !== null) clearInterval(keepalive);
      backlog.length = 0;
      for (const peer of [...peers])
        close(peer, CloseCode.storageFailure, 'storage failure: board could not be loaded');
      options.onBroken?.();
      return false;
    }
    state = 'ready';
    for (const { peer, data } of backlog.splice(0)) handle(peer, data);
    return true;
  }

  const loaded = (options.after ?? Promise.resolve()).then(load, load);

  async function drained(): Promise<void> {
    await loaded;
    await roomDoc.drained();
  }

  let unloading: Promise<void> | null = null;
  async function unload(): Promise<void> {
    await loaded;
    roomDoc.compact();
    await roomDoc.drained();
    state = 'unloaded';
    if (keepalive !== null) clearInterval(keepalive);
    awareness.destroy();
    doc.destroy();
    logger.info('room.unloaded', { boardId });
  }

  function connect(socket: SocketLike, access: ConnectionActor): RoomConnection {
    const peer: Peer = {
      access,
      socket,
      bucket: createTokenBucket({ perSecond: limits.messagesPerSecond, burst: limits.messageBurst, now }),
      origin: Object.freeze({ kind: 'remote', connectionId: access.connectionId }),
      open: true,
      greeted: false,
      failed: false,
      held: null,
      heldBytes: 0,
      sentSinceKeepalive: false,
    };
    peers.add(peer);
    logger.info('connection.opened', { boardId, connectionId: access.connectionId, role: access.role });
    if (state === 'broken' || state === 'unloaded') close(peer, CloseCode.storageFailure, 'storage failure');
    return {
      message: (data) => receive(peer, data),
      close: () => {
        if (!peer.open) return;
        detach(peer);
        logger.info('connection.left', { boardId, connectionId: access.connectionId });
      },
    };
  }

  return {
    boardId,
    doc,
    awareness,
    loaded,
    get state() {
      return state;
    },
    connect,
    connectionCount: () => peers.size,
    closeAll(code, reason) {
      for (const peer of [...peers]) close(peer, code, reason);
    },
    drained,
    async change(fn) {
      if (!(await loaded) || state !== 'ready') return { ok: false, reason: 'unavailable' };
      return roomDoc.change(fn);
    },
    async changeUnless(unless, fn) {
      if (!(await loaded) || state !== 'ready') return { ok: false, reason: 'unavailable' };
      return roomDoc.changeUnless(unless, fn);
    },
    unload() {
      unloading ??= unload();
      return unloading;
    },
  };
}
