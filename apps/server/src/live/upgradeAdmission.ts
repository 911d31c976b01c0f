import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { may } from '@kinmap/model';
import { parseSyncPath } from '@kinmap/protocol';
import type { Logger } from '@kinmap/sync';
import { AUTH_FAILURE_RESPONSE, type Authenticator, type BoardMember } from '../access/authenticator.js';
import type { LiveSockets } from '../access/liveSockets.js';
import { ApiErrorCode, type ApiErrorCodeValue } from '../http/apiError.js';
import type { ClientAddressOf } from '../http/clientAddress.js';
import { sameHost } from '../http/origin.js';
import { addressKey, type ConnectionLimiter } from './connectionLimiter.js';

// Who may open a WebSocket, decided on the HTTP request before the upgrade (docs/SPEC.md [E1], [L3]).

/**
 * A flood is thousands of 429s a second: one log line each would cost more than refusing them.
 * Logs the first at once, then how many more at most every 10 s.
 */
export function summarized(logger: Logger, now: () => number = Date.now) {
  let refused = 0;
  let loggedAt = Number.NEGATIVE_INFINITY;
  return {
    count(): void {
      refused++;
      if (now() - loggedAt < 10_000) return;
      logger.warn('sync.upgradesLimited', { refused });
      refused = 0;
      loggedAt = now();
    },
  };
}

/** The member the authenticator found, and the room they asked for. */
export interface Admitted extends BoardMember {
  readonly ok: true;
  /** The board's restricted room (professionals-only cards), not its shared one. */
  readonly restricted: boolean;
  /** A child's tool's room (issue 14), or null for the board's own rooms. */
  readonly toolId: string | null;
}

/**
 * Whether a member may open a child's tool's room: `unknown` for no such tool on the board,
 * `not-chosen` when the child did not choose them ([CT3]).
 */
export type ChildToolAccess = (
  boardId: string,
  toolId: string,
  member: BoardMember,
) => 'open' | 'unknown' | 'not-chosen';

export type Admission =
  | Admitted
  | {
      readonly ok: false;
      readonly status: number;
      readonly code: ApiErrorCodeValue;
      readonly message: string;
      /** Sent as `Retry-After` (429). */
      readonly retryAfterS?: number;
    };

export const INTERNAL_ERROR: Admission = {
  ok: false,
  status: 500,
  code: ApiErrorCode.internal,
  message: 'Internal server error',
};

export const SHUTTING_DOWN: Admission = {
  ok: false,
  status: 503,
  code: ApiErrorCode.unavailable,
  message: 'The server is shutting down',
};

/** [L3] 429 when the client's address opened too many WebSockets lately; null when it may go on. */
export function overLimit(
  request: IncomingMessage,
  limiter: ConnectionLimiter | undefined,
  addressOf: ClientAddressOf = (incoming) => incoming.socket.remoteAddress ?? 'unknown',
): Admission | null {
  if (limiter === undefined) return null;
  const verdict = limiter.take(addressKey(addressOf(request)));
  if (verdict.ok) return null;
  return {
    ok: false,
    status: 429,
    code: ApiErrorCode.rateLimited,
    message: 'Too many connections from this address; try again shortly',
    retryAfterS: verdict.retryAfterS,
  };
}

/** 429 when the admitted member already holds the most open sockets one member may; null when not. */
export function overMemberLimit(admitted: Admitted, liveSockets: LiveSockets | undefined): Admission | null {
  if (liveSockets === undefined || liveSockets.admits(admitted.memberId)) return null;
  return {
    ok: false,
    status: 429,
    code: ApiErrorCode.tooManyConnections,
    message: 'Too many open connections for this member; close another tab or device',
    retryAfterS: 5,
  };
}

/** Decides whether an upgrade request may join a room, with the same codes as the HTTP API. */
export function admit(
  request: IncomingMessage,
  authenticate: Authenticator,
  childToolAccess?: ChildToolAccess,
): Admission {
  const url = new URL(request.url ?? '/', 'http://localhost');
  // `/sync/<boardId>` (the shared room) or `/sync/<boardId>/restricted` (professionals only, [PO1]).
  const room = parseSyncPath(url.pathname);
  if (!room) {
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
    boardId: safeDecode(room.boardId),
    ticket: url.searchParams.get('ticket'),
    headers: request.headers,
  });
  if (!result.ok) return { ok: false, ...AUTH_FAILURE_RESPONSE[result.reason] };
  // [AU13] Browsers send cookies with cross-site WebSocket handshakes (no CORS, no SameSite on
  // same-site subdomains): a cookie connection must come from a page of this very host.
  if (result.via === 'session' && !sameHost(request.headers.origin, `http://${request.headers.host ?? ''}`)) {
    return CROSS_ORIGIN;
  }
  const { restricted, toolId } = room;
  // [PO1] Family, network and viewers never receive a byte of the restricted document.
  if (restricted && !may(result.role, 'PO1')) return PROFESSIONALS_ONLY;
  if (toolId !== null) {
    // [CT3] Nobody the child did not choose receives a byte of their tool.
    const { ok: _ok, ...member } = result;
    const access = childToolAccess?.(member.boardId, toolId, member) ?? 'unknown';
    if (access === 'unknown') return NO_SUCH_TOOL;
    if (access === 'not-chosen') return NOT_CHOSEN;
  }
  return { ...result, restricted, toolId };
}

const NO_SUCH_TOOL: Admission = {
  ok: false,
  status: 404,
  code: ApiErrorCode.notFound,
  message: "No such child's tool",
};

const NOT_CHOSEN: Admission = {
  ok: false,
  status: 403,
  code: ApiErrorCode.forbidden,
  message: 'The child has not chosen to show this to you',
};

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

/** Writes a complete HTTP response on a socket that never became a WebSocket, then drops it. */
export function refuse(
  socket: Duplex,
  {
    status,
    code,
    message,
    retryAfterS,
  }: { status: number; code: string; message: string; retryAfterS?: number },
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
      (retryAfterS === undefined ? '' : `Retry-After: ${retryAfterS}\r\n`) +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
