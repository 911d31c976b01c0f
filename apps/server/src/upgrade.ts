import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ParticipantId } from '@kinmap/model';
import {
  type Access,
  type Logger,
  type RoomConnection,
  restrictedRoomId,
  type SocketLike,
} from '@kinmap/sync';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { ApiErrorCode, type ApiErrorCodeValue } from './apiError.js';
import { AUTH_FAILURE_RESPONSE, type Authenticator } from './authenticator.js';
import type { LiveSockets } from './liveSockets.js';
import { silentLogger } from './logger.js';
import { sameHost } from './middleware/csrf.js';

/** The part of `Rooms` (from @kinmap/sync) the upgrade needs. */
export interface RoomEntrance {
  connect(boardId: string, socket: SocketLike, access: Access): RoomConnection;
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
/** `/sync/<boardId>` (the shared room) or `/sync/<boardId>/restricted` (professionals only, [PO1]). */
const SYNC_PATH = /^\/sync\/([^/]+)(\/restricted)?$/;
const MAY_SYNC_RESTRICTED: ReadonlySet<Access['role']> = new Set(['facilitator', 'practitioner']);

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
}: SyncUpgradeOptions): SyncUpgrade {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxPayloadBytes });
  const heartbeat = startHeartbeat(wss, heartbeatMs);
  let closing = false;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const onEarlyError = (): void => void socket.destroy();
    socket.on('error', onEarlyError);
    let admission: Admission;
    try {
      admission = closing ? SHUTTING_DOWN : admit(request, authenticate);
    } catch (error) {
      // An exception in an 'upgrade' listener would take the whole process down.
      logger.error('sync.admitFailed', { name: error instanceof Error ? error.name : 'unknown' });
      admission = INTERNAL_ERROR;
    }
    if (!admission.ok) {
      logger.info('sync.refused', { status: admission.status, code: admission.code });
      refuse(socket, admission);
      return;
    }
    // From here on `ws` owns the socket and its errors.
    socket.off('error', onEarlyError);
    wss.handleUpgrade(request, socket, head, (ws) => {
      heartbeat.track(ws);
      acceptConnection(ws, rooms, admission, logger, liveSockets);
      // The member's name goes into the shared document; the restricted one holds only cards.
      if (!admission.restricted) {
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

interface Admitted {
  readonly ok: true;
  readonly boardId: string;
  readonly role: Access['role'];
  readonly memberId: string;
  readonly sessionId: string | null;
  /** The board's restricted room (professionals-only cards), not its shared one. */
  readonly restricted: boolean;
}

type Admission =
  | Admitted
  | {
      readonly ok: false;
      readonly status: number;
      readonly code: ApiErrorCodeValue;
      readonly message: string;
    };

const INTERNAL_ERROR: Admission = {
  ok: false,
  status: 500,
  code: ApiErrorCode.internal,
  message: 'Internal server error',
};

const SHUTTING_DOWN: Admission = {
  ok: false,
  status: 503,
  code: ApiErrorCode.unavailable,
  message: 'The server is shutting down',
};

/** Decides whether an upgrade request may join a room, with the same codes as the HTTP API. */
function admit(request: IncomingMessage, authenticate: Authenticator): Admission {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const match = SYNC_PATH.exec(url.pathname);
  if (!match?.[1]) {
    return {
      ok: false,
      status: 404,
      code: ApiErrorCode.notFound,
      message: 'WebSockets live at /sync/<boardId>',
    };
  }
  if (request.headers.upgrade?.toLowerCase() !== 'websocket') {
    return {
      ok: false,
      status: 400,
      code: ApiErrorCode.invalidInput,
      message: 'Only WebSocket upgrades are accepted',
    };
  }
  const result = authenticate({
    boardId: safeDecode(match[1]),
    ticket: url.searchParams.get('ticket'),
    headers: request.headers,
  });
  if (!result.ok) return { ok: false, ...AUTH_FAILURE_RESPONSE[result.reason] };
  // [AU13] Browsers send cookies with cross-site WebSocket handshakes (no CORS, no SameSite on
  // same-site subdomains): a cookie connection must come from a page of this very host.
  if (result.via === 'session' && !sameHost(request.headers.origin, `http://${request.headers.host ?? ''}`)) {
    return CROSS_ORIGIN;
  }
  const restricted = match[2] !== undefined;
  // [PO1] Family, network and viewers never receive a byte of the restricted document.
  if (restricted && !MAY_SYNC_RESTRICTED.has(result.role)) return PROFESSIONALS_ONLY;
  return {
    ok: true,
    boardId: result.boardId,
    role: result.role,
    memberId: result.memberId,
    sessionId: result.sessionId,
    restricted,
  };
}

const PROFESSIONALS_ONLY: Admission = {
  ok: false,
  status: 403,
  code: ApiErrorCode.forbidden,
  message: 'Only facilitators and practitioners may open professionals-only cards',
};

const CROSS_ORIGIN: Admission = {
  ok: false,
  status: 403,
  code: ApiErrorCode.forbidden,
  message: 'A signed-in connection must come from this site (Origin)',
};

function acceptConnection(
  ws: WebSocket,
  rooms: RoomEntrance,
  { boardId, role, memberId, sessionId, restricted }: Admitted,
  logger: Logger,
  liveSockets: LiveSockets | undefined,
): void {
  // The member id is the participant id the room's permission guard checks writes against. The
  // session id stays with the live-socket index (revocation on logout).
  const access: Access = {
    connectionId: randomUUID(),
    role,
    canWriteDoc: role !== 'viewer',
    participantId: memberId as ParticipantId,
    // Stored with each of the connection's updates (the audit's "from which session").
    ...(sessionId === null ? {} : { sessionId }),
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
  let connection: RoomConnection;
  try {
    connection = rooms.connect(restricted ? restrictedRoomId(boardId) : boardId, socket, access);
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
    close: (code, reason) => closeSafely(ws, code, reason),
  });
  let open = true;
  const end = (): void => {
    if (!open) return;
    open = false;
    unregister?.();
    connection.close();
    logger.info('sync.disconnected', { boardId, connectionId: access.connectionId });
  };
  ws.on('message', (data, isBinary) => {
    if (!open || ws.readyState !== WebSocket.OPEN) return;
    // The protocol is binary y-websocket framing; text frames are a client bug or an attack.
    if (!isBinary) return closeSafely(ws, 4400, 'binary frames only');
    connection.message(toBytes(data));
  });
  ws.on('error', (error) => {
    logger.warn('sync.socketError', { connectionId: access.connectionId, name: error.name });
    end();
  });
  ws.on('close', end);
}

/** Writes a complete HTTP response on a socket that never became a WebSocket, then drops it. */
function refuse(
  socket: Duplex,
  { status, code, message }: { status: number; code: string; message: string },
): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code, message } });
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

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

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** `ws` hands over a Buffer (or fragments); the room gets a plain Uint8Array of the frame. */
function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
