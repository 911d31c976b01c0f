import {
  apiErrorBodySchema,
  type BoardAccess,
  type BoardListResponse,
  type BoardSummary,
  boardAccessResponse,
  boardSummarySchema,
  type CreateBoardRequest,
  type CreatedBoard,
  createdBoardResponse,
} from '@kinmap/protocol';

export type { BoardAccess, BoardSummary, CreatedBoard };

/**
 * The one way this app talks HTTP to its server (docs/PROTOCOL.md "Accounts and access"): the
 * session cookie rides along (same origin), every state change carries the CSRF header, and
 * every answer is checked, so a surprise becomes a value, not a crash.
 */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | ApiFailureResult;

export type ApiFailure =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'gone'
  | 'rate-limited'
  | 'invalid'
  | 'failed';

export interface ApiFailureResult {
  readonly ok: false;
  readonly reason: ApiFailure;
  /** The server's machine-readable code (`invite-used`, `bad-credentials`…), when it sent one. */
  readonly code?: string;
  /** Seconds to wait, from `Retry-After` on a 429. */
  readonly retryAfterS?: number;
}

export type Fetch = typeof fetch;

export const CSRF_HEADER = 'X-Kinmap-CSRF';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

export interface ApiRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The fetch options for a request: cookie on, CSRF header on every state change, JSON body. */
export function requestInit({ method = 'GET', body, headers = {} }: ApiRequest): RequestInit {
  const all: Record<string, string> = { ...headers };
  if (!SAFE_METHODS.has(method)) all[CSRF_HEADER] = '1';
  const init: RequestInit = { method, credentials: 'same-origin', headers: all };
  if (body !== undefined) {
    all['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return init;
}

export function failureFor(status: number): ApiFailure {
  switch (status) {
    case 400:
    case 413:
    case 415:
      return 'invalid';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 410:
      return 'gone';
    case 429:
      return 'rate-limited';
    default:
      return 'failed';
  }
}

async function readFailure(response: Response): Promise<ApiFailureResult> {
  let code: string | undefined;
  try {
    const body = apiErrorBodySchema.safeParse(await response.json());
    if (body.success) code = body.data.error.code;
  } catch {
    // No JSON error body (a proxy's page, an empty answer): the status says enough.
  }
  const retry = Number(response.headers.get('Retry-After'));
  return {
    ok: false,
    reason: failureFor(response.status),
    ...(code === undefined ? {} : { code }),
    ...(response.status === 429 && Number.isFinite(retry) && retry > 0 ? { retryAfterS: retry } : {}),
  };
}

/** Sends one request; the answer's JSON (null for 204) or a failure. Never throws. */
export async function apiRequest(
  path: string,
  request: ApiRequest = {},
  doFetch: Fetch = fetch,
): Promise<ApiResult<unknown>> {
  try {
    const response = await doFetch(path, requestInit(request));
    if (!response.ok) return await readFailure(response);
    return { ok: true, value: response.status === 204 ? null : await response.json() };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

/** A successful answer that is not what the route promises. */
export const malformed: ApiFailureResult = Object.freeze({ ok: false, reason: 'failed' });

/** A response schema of the wire contract (`@kinmap/protocol`), as far as a reader needs it. */
export interface ResponseSchema<T> {
  safeParse(body: unknown): { readonly success: true; readonly data: T } | { readonly success: false };
}

/** Reads a checked value out of a successful answer; `read` returns null when the shape is wrong. */
export function readWith<T>(result: ApiResult<unknown>, read: (body: unknown) => T | null): ApiResult<T> {
  if (!result.ok) return result;
  const value = read(result.value);
  return value === null ? malformed : { ok: true, value };
}

/** The answer parsed by the route's response schema, or `malformed` when it is not that shape. */
export function readAs<T>(result: ApiResult<unknown>, schema: ResponseSchema<T>): ApiResult<T> {
  return readWith(result, (body) => parsedOrNull(schema, body));
}

/** `schema`'s value of `body`, or null. */
export function parsedOrNull<T>(schema: ResponseSchema<T>, body: unknown): T | null {
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/**
 * The entries of the list under `key` that match the entry schema; null when there is no list.
 * For lists where showing the rest beats showing nothing (one odd entry is left out).
 */
export function entriesOf<T>(body: unknown, key: string, entry: ResponseSchema<T>): T[] | null {
  const list = isRecord(body) ? body[key] : null;
  if (!Array.isArray(list)) return null;
  return list.flatMap((x) => {
    const parsed = entry.safeParse(x);
    return parsed.success ? [parsed.data] : [];
  });
}

export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

export const boardUrl = (boardId: string): string => `/api/boards/${encodeURIComponent(boardId)}`;

/** The key of `GET /api/boards`'s list: typed, so renaming it in the contract fails here. */
const BOARDS: keyof BoardListResponse = 'boards';

/** This staff member's boards, newest first. */
export async function listBoards(doFetch: Fetch = fetch): Promise<ApiResult<BoardSummary[]>> {
  return readWith(
    await apiRequest('/api/boards', {}, doFetch),
    (body) => entriesOf(body, BOARDS, boardSummarySchema)?.sort((a, b) => b.createdAt - a.createdAt) ?? null,
  );
}

export async function createBoard(title: string, doFetch: Fetch = fetch): Promise<ApiResult<CreatedBoard>> {
  const body: CreateBoardRequest = { title };
  return readAs(await apiRequest('/api/boards', { method: 'POST', body }, doFetch), createdBoardResponse);
}

/** Opens a board with the session cookie: the person's role and member id on it. */
export async function fetchBoardAccess(
  boardId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<BoardAccess>> {
  return readAs(await apiRequest(boardUrl(boardId), {}, doFetch), boardAccessResponse);
}

/** The WebSocket address of a path on this site (ws: or wss: to match the page). */
export function wsUrl(path: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}
