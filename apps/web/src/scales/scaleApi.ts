import type { ScaleRating } from '@kinmap/model';
import { type ApiResult, apiRequest, boardUrl, type Fetch } from '../lib/api';
import type { KeyValueStore } from '../lib/storage';

/**
 * Private scaling talks to the server over HTTP, not through the shared document: while a scale
 * collects privately, a person's score goes only from this browser to the server (docs/PROTOCOL.md).
 * The participant key proves a later request comes from the browser that stored the score;
 * participant ids alone are visible to everyone on the board.
 */

export interface ScaleApiTarget {
  readonly boardId: string;
  /** This person's member id on the board (the session cookie proves who they are). */
  readonly participantId: string;
  /** This browser's participant key (see loadParticipantKey). */
  readonly key: string;
}

const PARTICIPANT_KEY_ITEM = 'kinmap.participantKey';

/** The same random key for this browser on every board, created on first use (≥ 128 bits). */
export function loadParticipantKey(store: KeyValueStore, makeKey: () => string): string {
  const existing = store.getItem(PARTICIPANT_KEY_ITEM);
  if (existing && /^[A-Za-z0-9_-]{22,128}$/.test(existing)) return existing;
  const key = makeKey();
  store.setItem(PARTICIPANT_KEY_ITEM, key);
  return key;
}

function ratingUrl(target: ScaleApiTarget, scaleId: string): string {
  const { boardId, participantId } = target;
  return `${boardUrl(boardId)}/scales/${encodeURIComponent(scaleId)}/ratings/${encodeURIComponent(participantId)}`;
}

function headers(target: ScaleApiTarget): Record<string, string> {
  return { 'x-participant-key': target.key };
}

function readRating(body: unknown): ScaleRating | null | undefined {
  const rating = (body as { rating?: unknown } | null)?.rating;
  if (rating === null) return null;
  if (typeof rating !== 'object' || rating === undefined) return undefined;
  const { value, reason, at } = rating as Record<string, unknown>;
  if (typeof value !== 'number' || typeof reason !== 'string' || typeof at !== 'number') return undefined;
  return { value, reason, at };
}

function asRating(result: ApiResult<unknown>): ApiResult<ScaleRating | null> {
  if (!result.ok) return result;
  const rating = readRating(result.value);
  return rating === undefined ? { ok: false, reason: 'failed' } : { ok: true, value: rating };
}

/** This person's private score on a scale, or null when they have not scored this round. */
export async function fetchPrivateRating(
  target: ScaleApiTarget,
  scaleId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<ScaleRating | null>> {
  return asRating(await apiRequest(ratingUrl(target, scaleId), { headers: headers(target) }, doFetch));
}

/** Stores this person's private score; the board then shows that they have scored, not what. */
export async function savePrivateRating(
  target: ScaleApiTarget,
  scaleId: string,
  rating: { value: number; reason: string },
  doFetch: Fetch = fetch,
): Promise<ApiResult<ScaleRating | null>> {
  return asRating(
    await apiRequest(
      ratingUrl(target, scaleId),
      { method: 'PUT', headers: headers(target), body: rating },
      doFetch,
    ),
  );
}

export async function withdrawPrivateRating(
  target: ScaleApiTarget,
  scaleId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<null>> {
  const result = await apiRequest(
    ratingUrl(target, scaleId),
    { method: 'DELETE', headers: headers(target) },
    doFetch,
  );
  return result.ok ? { ok: true, value: null } : result;
}

/** The facilitator shows every private score at once. */
export async function revealScale(
  target: Pick<ScaleApiTarget, 'boardId'>,
  scaleId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<number>> {
  const url = `${boardUrl(target.boardId)}/scales/${encodeURIComponent(scaleId)}/reveal`;
  const result = await apiRequest(url, { method: 'POST' }, doFetch);
  if (!result.ok) return result;
  const revealed = (result.value as { revealed?: unknown } | null)?.revealed;
  return typeof revealed === 'number' ? { ok: true, value: revealed } : { ok: false, reason: 'failed' };
}
