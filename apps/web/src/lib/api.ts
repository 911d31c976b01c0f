import { isRole, type Role } from '@kinmap/model';

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
    const body = (await response.json()) as { error?: { code?: unknown } } | null;
    if (typeof body?.error?.code === 'string') code = body.error.code;
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

/** Reads a checked value out of a successful answer; `read` returns null when the shape is wrong. */
export function readWith<T>(result: ApiResult<unknown>, read: (body: unknown) => T | null): ApiResult<T> {
  if (!result.ok) return result;
  const value = read(result.value);
  return value === null ? malformed : { ok: true, value };
}

export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

export const boardUrl = (boardId: string): string => `/api/boards/${encodeURIComponent(boardId)}`;

export interface BoardSummary {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly role: Role;
  readonly memberId: string;
}

/** What `GET /api/boards/:id` tells this person about a board: who they are on it. */
export type BoardAccess = BoardSummary;

function readBoardSummary(body: unknown): BoardSummary | null {
  if (!isRecord(body)) return null;
  const { id, title, createdAt, role, memberId } = body;
  if (typeof id !== 'string' || typeof title !== 'string' || !isRole(role)) return null;
  if (typeof memberId !== 'string' || memberId === '') return null;
  return { id, title, createdAt: typeof createdAt === 'number' ? createdAt : 0, role, memberId };
}

/** This staff member's boards, newest first. */
export async function listBoards(doFetch: Fetch = fetch): Promise<ApiResult<BoardSummary[]>> {
  return readWith(await apiRequest('/api/boards', {}, doFetch), (body) => {
    const boards = isRecord(body) && Array.isArray(body.boards) ? body.boards : null;
    if (!boards) return null;
    const read = boards.map(readBoardSummary).filter((b): b is BoardSummary => b !== null);
    return read.sort((a, b) => b.createdAt - a.createdAt);
  });
}

export interface CreatedBoard {
  readonly id: string;
  readonly memberId: string;
}

export async function createBoard(title: string, doFetch: Fetch = fetch): Promise<ApiResult<CreatedBoard>> {
  const result = await apiRequest('/api/boards', { method: 'POST', body: { title } }, doFetch);
  return readWith(result, (body) =>
    isRecord(body) && typeof body.id === 'string' && typeof body.memberId === 'string'
      ? { id: body.id, memberId: body.memberId }
      : null,
  );
}

/** Opens a board with the session cookie: the person's role and member id on it. */
export async function fetchBoardAccess(
  boardId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<BoardAccess>> {
  return readWith(await apiRequest(boardUrl(boardId), {}, doFetch), readBoardSummary);
}

/** The WebSocket address of a path on this site (ws: or wss: to match the page). */
export function wsUrl(path: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}
