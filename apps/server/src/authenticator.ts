import type { BoardId, Role } from '@kinmap/model';
import { ApiErrorCode, type ApiErrorCodeValue } from './apiError.js';
import { type BoardRegistry, isBoardId } from './boardRegistry.js';

/** What a request presents for one board, whatever the transport (HTTP route or WebSocket upgrade). */
export interface BoardRequest {
  /** The raw id from the path; not yet validated. */
  readonly boardId: string;
  /** From `Authorization: Bearer …` or `?token=`; null when absent or empty. */
  readonly token: string | null;
  /** Raw request headers, for later authenticators (cookies, tickets). */
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
}

export type AuthFailure = 'unknown-board' | 'missing-token' | 'wrong-token';

export type AuthResult =
  | { readonly ok: true; readonly boardId: BoardId; readonly role: Role }
  | { readonly ok: false; readonly reason: AuthFailure };

/**
 * Decides who a request is on a board. Both the `/api/boards/:id` route and the `/sync`
 * upgrade call one of these, so accounts, cookies, tickets or revocation can be added as
 * another Authenticator without touching either.
 */
export type Authenticator = (request: BoardRequest) => AuthResult;

/** The HTTP answer to each failure; the route and the upgrade (before its handshake) both use it. */
export const AUTH_FAILURE_RESPONSE = {
  'unknown-board': { status: 404, code: ApiErrorCode.notFound, message: 'No such board' },
  'missing-token': {
    status: 401,
    code: ApiErrorCode.missingToken,
    message: 'A board token is required (Authorization: Bearer <token>, or ?token=)',
  },
  'wrong-token': {
    status: 403,
    code: ApiErrorCode.wrongToken,
    message: 'This token does not open this board',
  },
} as const satisfies Record<AuthFailure, { status: number; code: ApiErrorCodeValue; message: string }>;

/**
 * Role tokens from the registry. Order: malformed or unknown board (404), then missing token
 * (401), then wrong token (403). Board ids carry 128 random bits, so revealing that one exists
 * gives nothing away.
 */
export function createTokenAuthenticator(registry: BoardRegistry): Authenticator {
  return function authenticateByToken({ boardId, token }) {
    if (!isBoardId(boardId) || registry.get(boardId) === null) return { ok: false, reason: 'unknown-board' };
    if (token === null || token === '') return { ok: false, reason: 'missing-token' };
    const access = registry.authenticate(boardId, token);
    if (access === null) return { ok: false, reason: 'wrong-token' };
    return { ok: true, boardId, role: access.role };
  };
}

/**
 * The token a request presents: a Bearer `Authorization` header wins over `?token=`.
 * @example readToken('Bearer abc', null) // 'abc'
 */
export function readToken(
  authorization: string | undefined | null,
  queryToken: string | null,
): string | null {
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1] ?? null;
  }
  return queryToken === null || queryToken === '' ? null : queryToken;
}
