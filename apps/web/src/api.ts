import { ROLES, type Role } from '@kinmap/model';
import type { ShareTokens } from './session';

/** The server's HTTP routes, with responses checked: a surprise becomes a value, not a crash. */
export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: ApiFailure };
export type ApiFailure = 'unauthorized' | 'forbidden' | 'not-found' | 'failed';

export interface CreatedBoard {
  readonly id: string;
  readonly tokens: ShareTokens;
}

export interface BoardAccess {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly role: Role;
}

type Fetch = typeof fetch;

function failureFor(status: number): ApiFailure {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  return 'failed';
}

function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}

async function requestJson(doFetch: Fetch, url: string, init: RequestInit): Promise<ApiResult<unknown>> {
  try {
    const response = await doFetch(url, init);
    if (!response.ok) return { ok: false, reason: failureFor(response.status) };
    return { ok: true, value: await response.json() };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

export async function createBoard(title: string, doFetch: Fetch = fetch): Promise<ApiResult<CreatedBoard>> {
  const result = await requestJson(doFetch, '/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (!result.ok) return result;
  const body = result.value as { id?: unknown; tokens?: Record<string, unknown> };
  const tokens = body.tokens;
  if (typeof body.id !== 'string' || typeof tokens !== 'object' || tokens === null) {
    return { ok: false, reason: 'failed' };
  }
  if (!ROLES.every((role) => typeof tokens[role] === 'string')) return { ok: false, reason: 'failed' };
  return { ok: true, value: { id: body.id, tokens: tokens as ShareTokens } };
}

export async function fetchBoardAccess(
  boardId: string,
  token: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<BoardAccess>> {
  const result = await requestJson(doFetch, `/api/boards/${encodeURIComponent(boardId)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!result.ok) return result;
  const body = result.value as Record<string, unknown>;
  if (typeof body.id !== 'string' || typeof body.title !== 'string' || !isRole(body.role)) {
    return { ok: false, reason: 'failed' };
  }
  const createdAt = typeof body.createdAt === 'number' ? body.createdAt : 0;
  return { ok: true, value: { id: body.id, title: body.title, createdAt, role: body.role } };
}

/** The WebSocket address of a path on this site (ws: or wss: to match the page). */
export function wsUrl(path: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}

/** The link that opens a board with a role; the token sits in the fragment so it never reaches server logs. */
export function shareLink(origin: string, boardId: string, token: string): string {
  return `${origin}/b/${boardId}#token=${encodeURIComponent(token)}`;
}
