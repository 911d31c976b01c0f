import { asParticipantId, type ScaleRating } from '@kinmap/model';
import {
  PARTICIPANT_KEY_HEADER,
  type PrivateRatingRequest,
  privateRatingResponse,
  revealResponse,
} from '@kinmap/protocol';
import { type ApiResult, apiRequest, boardUrl, type Fetch, readAs } from '../lib/api';
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

/** Forgets this browser's key (sign-out): a borrowed device's next person gets a fresh one. */
export function forgetParticipantKey(store: Pick<KeyValueStore, 'removeItem'> | null = browserStore()): void {
  store?.removeItem(PARTICIPANT_KEY_ITEM);
}

function browserStore(): Pick<KeyValueStore, 'removeItem'> | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function ratingUrl(target: ScaleApiTarget, scaleId: string): string {
  const { boardId, participantId } = target;
  return `${boardUrl(boardId)}/scales/${encodeURIComponent(scaleId)}/ratings/${encodeURIComponent(participantId)}`;
}

function headers(target: ScaleApiTarget): Record<string, string> {
  return { [PARTICIPANT_KEY_HEADER.toLowerCase()]: target.key };
}

function asRating(result: ApiResult<unknown>): ApiResult<ScaleRating | null> {
  const read = readAs(result, privateRatingResponse);
  if (!read.ok) return read;
  const rating = read.value.rating;
  if (rating === null) return { ok: true, value: null };
  const { recordedBy, ...score } = rating;
  // Set on a score staff recorded for a person of the case without a device ([PR9]).
  return {
    ok: true,
    value: recordedBy === undefined ? score : { ...score, recordedBy: asParticipantId(recordedBy) },
  };
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
  rating: PrivateRatingRequest,
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
  const result = readAs(await apiRequest(url, { method: 'POST' }, doFetch), revealResponse);
  return result.ok ? { ok: true, value: result.value.revealed } : result;
}
