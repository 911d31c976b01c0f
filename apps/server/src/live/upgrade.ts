import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { may, type ParticipantId } from '@kinmap/model';
import { CloseCode, childToolRoomId, restrictedRoomId } from '@kinmap/protocol';
import {
  type ConnectionActor,
  type Logger,
  MessageType,
  type RoomConnection,
  type SocketLike,
  SyncStep,
} from '@kinmap/sync';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { Authenticator } from '../access/authenticator.js';
import type { LiveSockets } from '../access/liveSockets.js';
import type { ClientAddressOf } from '../http/clientAddress.js';
import { silentLogger } from '../ops/logger.js';
import type { ConnectionLimiter } from './connectionLimiter.js';
import {
  type Admission,
  type Admitted,
  admit,
  type ChildToolAccess,
  INTERNAL_ERROR,
  overLimit,
  overMemberLimit,
  refuse,
  SHUTTING_DOWN,
  summarized,
} from './upgradeAdmission.js';

/** The part of `Rooms` (from @kinmap/sync) the upgrade needs. */
export interface RoomEntrance {
  connect(boardId: string, socket: SocketLike, access: ConnectionActor): RoomConnection;
}

export interface SyncUpgradeOptions {
  readonly server: Server;
  readonly rooms: RoomEntrance;
  readonly authenticate: Authenticator;
  readonly logger?: Logger;
  /** Hard cap on one frame, enforced by `ws` before the room sees it (close 1009). */
  readonly maxPayloadBytes?: number;
  /** Ping every connection this often; one that has not answered the previous ping is dropped. */
  readonly heartbeatMs?: number;
  /** Where each accepted socket is registered by member and session, so revocation can close it. */
  readonly liveSockets?: LiveSockets;
  /** Told of each member who connects (after the room has the socket), e.g. to write their name into the board. */
  readonly onMemberConnected?: (boardId: string, memberId: string) => void;
  /** New WebSockets per client address ([L3]); absent: unlimited. Checked before anything else. */
  readonly connectionLimiter?: ConnectionLimiter;
  /** A socket that has not sent its sync step 1 this long after opening is closed with 4504 ([L4]). */
  readonly handshakeTimeoutMs?: number;
  /** The address `connectionLimiter` counts under (KINMAP_TRUSTED_PROXIES); default the socket's peer. */
  readonly clientAddress?: ClientAddressOf;
  /** The member's display name, which the room stamps into their presence ([A5]). */
  readonly displayNameOf?: (memberId: string) => string | undefined;
  /** Who the child chose for each of their tools ([CT3]); absent: no child's tool opens. */
  readonly childToolAccess?: ChildToolAccess;
}

export interface SyncUpgrade {
  /** From now on answer every upgrade with 503 (shutdown has begun). */
  refuseNew(): void;
  /** Refuse new upgrades, close what is left with 1001 (cut off after `graceMs`), stop the heartbeat. */
  close(graceMs?: number): Promise<void>;
  connectionCount(): number;
}

export const DEFAULT_MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
export const DEFAULT_HEARTBEAT_MS = 30_000;
/** The official client sends its sync step 1 the moment the socket opens; 10 s covers a very slow phone. */
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;
/**
 * Accepts WebSockets at `/sync/<boardId>` (session cookie with a same-host Origin, or `?ticket=…`)
 * and hands them to the rooms. Every refusal is a plain HTTP response written on the socket BEFORE
 * the handshake completes (404 wrong path or unknown board, 401 neither a member's cookie nor a
 * ticket, 403 refused ticket / cross-site cookie / restricted room, 400 not a WebSocket, 503
 * shutting down).
 * @example attachSyncUpgrade({ server, rooms, authenticate: createAccessAuthenticator({ registry, access }) })
 */
export function attachSyncUpgrade({
  server,
  rooms,
  authenticate,
  logger = silentLogger,
  maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES,
  heartbeatMs = DEFAULT_HEARTBEAT_MS,
  liveSockets,
  onMemberConnected,
  connectionLimiter,
  handshakeTimeoutMs = DEFAULT_HANDSHAKE_TIMEOUT_MS,
  clientAddress,
  displayNameOf,
  childToolAccess,
}: SyncUpgradeOptions): SyncUpgrade {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxPayloadBytes });
  const heartbeat = startHeartbeat(wss, heartbeatMs);
  const floodLog = summarized(logger);
  let closing = false;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const onEarlyError = (): void => void socket.destroy();
    socket.on('error', onEarlyError);
    let admission: Admission;
    try {
      admission = closing
        ? SHUTTING_DOWN
        : (overLimit(request, connectionLimiter, clientAddress) ??
          admit(request, authenticate, childToolAccess));
      // Counted synchronously: the accepted socket joins the index before the next upgrade is read.
      if (admission.ok) admission = overMemberLimit(admission, liveSockets) ?? admission;
    } catch (error) {
      // An exception in an 'upgrade' listener would take the whole process down.
      logger.error('sync.admitFailed', { name: error instanceof Error ? error.name : 'unknown' });
      admission = INTERNAL_ERROR;
    }
    if (!admission.ok) {
      if (admission.status === 429) floodLog.count();
      else logger.info('sync.refused', { status: admission.status, code: admission.code });
      refuse(socket, admission);
      return;
    }
    // From here on `ws` owns the socket and its errors.
    socket.off('error', onEarlyError);
    wss.handleUpgrade(request, socket, head, (ws) => {
      heartbeat.track(ws);
      const displayName = displayNameOf?.(admission.memberId);
      acceptConnection(ws, rooms, admission, { logger, liveSockets, handshakeTimeoutMs, displayName });
      // The member's name goes into the shared document; the others hold no participants.
      if (!admission.restricted && admission.toolId === null) {
        onMemberConnected?.(admission.boardId, admission.memberId);
      }
    });
  };
  server.on('upgrade', onUpgrade);

  return {
    refuseNew() {
      closing = true;
    },
    async close(graceMs = 3000) {
      closing = true;
      heartbeat.stop();
      await closeClients(wss, graceMs);
      server.off('upgrade', onUpgrade);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
    connectionCount: () => wss.clients.size,
  };
}

/**
 * Pings every socket each interval; one that has not answered the previous ping (a dead phone,
 * a dropped Wi-Fi) is cut off, so its room stops holding it and its awareness.
 */
function startHeartbeat(wss: WebSocketServer, intervalMs: number) {
  const alive = new WeakMap<WebSocket, boolean>();
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return {
    track(ws: WebSocket): void {
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
    },
    stop: () => clearInterval(timer),
  };
}

interface ConnectionOptions {
  readonly logger: Logger;
  readonly liveSockets: LiveSockets | undefined;
  readonly handshakeTimeoutMs: number;
  readonly displayName: string | undefined;
}

function acceptConnection(
  ws: WebSocket,
  rooms: RoomEntrance,
  { boardId, role, memberId, sessionId, restricted, toolId }: Admitted,
  { logger, liveSockets, handshakeTimeoutMs, displayName }: ConnectionOptions,
): void {
  // The member id is the participant id the room's permission guard checks writes against. The
  // session id stays with the live-socket index (revocation on logout).
  const access: ConnectionActor = {
    connectionId: randomUUID(),
    role,
    // [E3] [P1] Whose document updates the room handles at all; in a child's tool, staff's ([AC50]).
    canWriteDoc: toolId === null ? may(role, 'P1') : may(role, 'AC50'),
    participantId: memberId as ParticipantId,
    // Stored with each of the connection's updates (the audit's "from which session").
    ...(sessionId === null ? {} : { sessionId }),
    // [A5] Stamped into the member's presence, whatever their client claims.
    ...(displayName === undefined ? {} : { displayName }),
  };
  const socket: SocketLike = {
    send(data) {
      if (ws.readyState === WebSocket.OPEN) ws.send(data);
    },
    close(code, reason) {
      closeSafely(ws, code, reason);
    },
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
  };
  const roomId =
    toolId !== null ? childToolRoomId(boardId, toolId) : restricted ? restrictedRoomId(boardId) : boardId;
  let connection: RoomConnection;
  try {
    connection = rooms.connect(roomId, socket, access);
  } catch (error) {
    logger.error('sync.connectFailed', { boardId, name: error instanceof Error ? error.name : 'unknown' });
    closeSafely(ws, 1011, 'server error');
    return;
  }
  logger.info('sync.connected', {
    boardId,
    connectionId: access.connectionId,
    role,
    memberId,
  });
  const unregister = liveSockets?.add({
    memberId,
    sessionId,
    room: roomId,
    close: (code, reason) => closeSafely(ws, code, reason),
  });
  let open = true;
  // [L4] A socket that never starts the protocol holds a room seat and its memory for nothing.
  let handshake: NodeJS.Timeout | undefined = setTimeout(() => {
    logger.info('sync.handshakeTimeout', { boardId, connectionId: access.connectionId });
    closeSafely(ws, CloseCode.handshakeTimeout, 'no sync step 1 in time');
  }, handshakeTimeoutMs);
  const end = (): void => {
    if (!open) return;
    open = false;
    clearTimeout(handshake);
    unregister?.();
    connection.close();
    logger.info('sync.disconnected', { boardId, connectionId: access.connectionId });
  };
  ws.on('message', (data, isBinary) => {
    if (!open || ws.readyState !== WebSocket.OPEN) return;
    // The protocol is binary y-websocket framing; text frames are a client bug or an attack.
    if (!isBinary) return closeSafely(ws, CloseCode.badMessage, 'binary frames only');
    const bytes = toBytes(data);
    if (handshake !== undefined && isSyncStep1(bytes)) {
      clearTimeout(handshake);
      handshake = undefined;
    }
    connection.message(bytes);
  });
  ws.on('error', (error) => {
    logger.warn('sync.socketError', { connectionId: access.connectionId, name: error.name });
    end();
  });
  ws.on('close', end);
}

/** The first two bytes of a y-websocket sync step 1 (both varUints below 128, so one byte each). */
const isSyncStep1 = (bytes: Uint8Array): boolean =>
  bytes[0] === MessageType.sync && bytes[1] === SyncStep.step1;

async function closeClients(wss: WebSocketServer, graceMs: number): Promise<void> {
  const closed: Promise<void>[] = [];
  for (const ws of wss.clients) {
    if (ws.readyState === WebSocket.OPEN) closeSafely(ws, 1001, 'server shutting down');
    closed.push(new Promise((resolve) => ws.once('close', () => resolve())));
  }
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, graceMs);
  });
  await Promise.race([Promise.all(closed), grace]);
  clearTimeout(timer);
  // Peers that never answered the closing handshake are cut off.
  for (const ws of wss.clients) ws.terminate();
}

function closeSafely(ws: WebSocket, code = 1000, reason = ''): void {
  if (ws.readyState === WebSocket.CLOSING || ws.readyState === WebSocket.CLOSED) return;
  try {
    ws.close(code, truncateUtf8(reason, 123));
  } catch {
    // An invalid code from a caller must not leave the socket open.
    ws.terminate();
  }
}

function truncateUtf8(text: string, maxBytes: number): string {
  let result = text;
  while (Buffer.byteLength(result) > maxBytes) result = result.slice(0, -1);
  return result;
}

/** `ws` hands over a Buffer (or fragments); the room gets a plain Uint8Array of the frame. */
function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
