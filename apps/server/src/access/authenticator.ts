import type { BoardId, Role } from '@kinmap/model';
import { ApiErrorCode, type ApiErrorCodeValue } from '../http/apiError.js';

/** What a request presents for one board, whatever the transport (HTTP route or WebSocket upgrade). */
export interface BoardRequest {
  /** The raw id from the path; not yet validated. */
  readonly boardId: string;
  /** Raw request headers (lower-case names), for the cookie session. */
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
  /** A one-time ticket (`?ticket=`); only the WebSocket upgrade offers one. */
  readonly ticket?: string | null;
}

/**
 * `not-signed-in`: no session of a live member of this board, and no ticket. `ticket-refused`: a
 * ticket that is unknown, expired, already used, for another board, or whose member was revoked.
 */
export type AuthFailure = 'unknown-board' | 'not-signed-in' | 'ticket-refused';

/**
 * The member behind a board request, in one shape from the authenticator through the upgrade and
 * the routes' guard (`c.var.member`) to the room's `ConnectionActor` (role, and the member id as its
 * participant id).
 */
export interface BoardMember {
  readonly boardId: BoardId;
  /** The member (= ParticipantId): every way in names a person. */
  readonly memberId: string;
  readonly role: Role;
  readonly sessionId: string | null;
  /** How the request got in: the upgrade demands a same-host Origin for `session`. */
  readonly via: 'session' | 'ticket';
}

export type AuthResult =
  | ({ readonly ok: true } & BoardMember)
  | { readonly ok: false; readonly reason: AuthFailure };

/**
 * Decides who a request is on a board. The board routes and the `/sync` upgrade all call one of
 * these (accessAuthenticator.ts in production, fakes in tests).
 */
export type Authenticator = (request: BoardRequest) => AuthResult;

/** The HTTP answer to each failure; the routes and the upgrade (before its handshake) both use it. */
export const AUTH_FAILURE_RESPONSE = {
  'unknown-board': { status: 404, code: ApiErrorCode.notFound, message: 'No such board' },
  'not-signed-in': {
    status: 401,
    code: ApiErrorCode.notSignedIn,
    message: 'Sign in (or open your invite link) to open this board; other clients pass a ?ticket=',
  },
  'ticket-refused': {
    status: 403,
    code: ApiErrorCode.forbidden,
    message: 'This ticket does not open this board (unknown, expired or already used)',
  },
} as const satisfies Record<AuthFailure, { status: number; code: ApiErrorCodeValue; message: string }>;
