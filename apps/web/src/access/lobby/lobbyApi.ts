import {
  type LobbyAdmitRequest,
  type LobbyAskRequest,
  type LobbyAskResponse,
  type LobbyCode,
  type LobbyStateResponse,
  type LobbyStatusResponse,
  lobbyAskResponse,
  lobbyCodeResponse,
  lobbyStateResponse,
  lobbyStatusResponse,
} from '@kinmap/protocol';
import { type ApiResult, apiRequest, boardUrl, type Fetch, readAs } from '../../lib/api';

/** The wall's join code and the people asking to join (docs/PROTOCOL.md "Asking to join"). */
export type { LobbyAskResponse, LobbyCode, LobbyStateResponse, LobbyStatusResponse };

/** Fired on `window` when this screen changed the code, so every part showing it reads it again. */
export const LOBBY_CHANGED = 'kinmap:lobby-changed';

export function notifyLobbyChanged(): void {
  window.dispatchEvent(new Event(LOBBY_CHANGED));
}

const done = (result: ApiResult<unknown>): ApiResult<null> =>
  result.ok ? { ok: true, value: null } : result;

/** The facilitator shows a fresh code on the wall ([AU20]). */
export async function showJoinCode(
  boardId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<LobbyCode | null>> {
  const result = readAs(
    await apiRequest(`${boardUrl(boardId)}/lobby`, { method: 'POST', body: {} }, doFetch),
    lobbyCodeResponse,
  );
  return result.ok ? { ok: true, value: result.value.code } : result;
}

/** Hides the code: no new requests (people waiting still get an answer). */
export async function hideJoinCode(boardId: string, doFetch: Fetch = fetch): Promise<ApiResult<null>> {
  return done(await apiRequest(`${boardUrl(boardId)}/lobby`, { method: 'DELETE' }, doFetch));
}

/** The code and the people waiting, for the facilitator. */
export async function readLobby(
  boardId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<LobbyStateResponse>> {
  return readAs(await apiRequest(`${boardUrl(boardId)}/lobby`, {}, doFetch), lobbyStateResponse);
}

/** The open code, for the wall ([AU21]). */
export async function readWallCode(
  boardId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<LobbyCode | null>> {
  const result = readAs(await apiRequest(`${boardUrl(boardId)}/lobby/code`, {}, doFetch), lobbyCodeResponse);
  return result.ok ? { ok: true, value: result.value.code } : result;
}

export async function admitRequest(
  boardId: string,
  requestId: string,
  role: LobbyAdmitRequest['role'],
  doFetch: Fetch = fetch,
): Promise<ApiResult<null>> {
  const body: LobbyAdmitRequest = { role };
  const url = `${boardUrl(boardId)}/lobby/${encodeURIComponent(requestId)}/admit`;
  return done(await apiRequest(url, { method: 'POST', body }, doFetch));
}

export async function declineRequest(
  boardId: string,
  requestId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<null>> {
  const url = `${boardUrl(boardId)}/lobby/${encodeURIComponent(requestId)}/decline`;
  return done(await apiRequest(url, { method: 'POST', body: {} }, doFetch));
}

/** Asks to join with the code off the wall; the answer is this device's token for its request. */
export async function askToJoin(
  request: LobbyAskRequest,
  doFetch: Fetch = fetch,
): Promise<ApiResult<LobbyAskResponse>> {
  return readAs(
    await apiRequest('/api/lobby/ask', { method: 'POST', body: request }, doFetch),
    lobbyAskResponse,
  );
}

export async function requestStatus(
  token: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<LobbyStatusResponse>> {
  return readAs(
    await apiRequest('/api/lobby/status', { method: 'POST', body: { token } }, doFetch),
    lobbyStatusResponse,
  );
}

/** `https://host/ask#ABCDE-FGHJK`: what the QR code encodes. */
export const joinCodeAddress = (origin: string, code: LobbyCode): string => `${origin}${code.link}`;
