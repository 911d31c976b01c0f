import {
  type BoardState,
  checkBoardState,
  MEETING_TYPES,
  type MeetingRecord,
  type MeetingType,
  meetingRecordSchema,
  type VersionMeta,
  versionMetaSchema,
} from '@kinmap/model';
import {
  closedMeetingResponse,
  meetingListResponse,
  meetingResponse,
  openedVersionResponse,
  type RestoreRequest,
  type RestoreResponse,
  restoreResponse,
  type SaveVersionRequest,
  type StartMeetingRequest,
  savedVersionResponse,
  type UpdateMeetingRequest,
  versionListResponse,
} from '@kinmap/protocol';
import { type ApiResult, apiRequest, boardUrl, type Fetch, parsedOrNull, readAs, readWith } from '../lib/api';

/**
 * The client of the meetings and versions routes (docs/PROTOCOL.md "Meetings and versions"):
 * every answer is checked against the wire contract's schema (`@kinmap/protocol`), so a surprise
 * from the server becomes a value, never a crash.
 */

/** A saved version opened: its description, its meeting if any, and both documents' boards. */
export interface OpenedVersion {
  readonly version: VersionMeta;
  readonly meeting: MeetingRecord | null;
  readonly shared: BoardState;
  /** Null for people who may not read professionals-only cards. */
  readonly restricted: BoardState | null;
}

export interface ClosedMeeting {
  readonly meeting: MeetingRecord;
  readonly version: VersionMeta;
}

/** What a facilitator may change in an open meeting. */
export type MeetingUpdate = UpdateMeetingRequest;

export function isMeetingType(x: unknown): x is MeetingType {
  return typeof x === 'string' && (MEETING_TYPES as readonly string[]).includes(x);
}

/** One meeting as the routes give it; null when its shape is not the route's. */
export function readMeeting(x: unknown): MeetingRecord | null {
  return parsedOrNull(meetingRecordSchema, x);
}

/** One version's description; null when its shape is not the route's. */
export function readVersionMeta(x: unknown): VersionMeta | null {
  return parsedOrNull(versionMetaSchema, x);
}

export function readClosedMeeting(body: unknown): ClosedMeeting | null {
  return parsedOrNull(closedMeetingResponse, body);
}

/** A version's boards also pass the model's own cross-checks (the ones restore and import use). */
const checked = (board: BoardState): BoardState | null => {
  const result = checkBoardState(board);
  return result.ok ? result.value : null;
};

export function readOpenedVersion(body: unknown): OpenedVersion | null {
  const opened = parsedOrNull(openedVersionResponse, body);
  if (opened === null) return null;
  const shared = checked(opened.shared);
  const restricted = opened.restricted === null ? null : checked(opened.restricted);
  if (!shared || (opened.restricted !== null && !restricted)) return null;
  return { version: opened.version, meeting: opened.meeting, shared, restricted };
}

/** A route that answers with `{ meeting }`. */
function readMeetingIn(result: ApiResult<unknown>): ApiResult<MeetingRecord> {
  const read = readAs(result, meetingResponse);
  return read.ok ? { ok: true, value: read.value.meeting } : read;
}

const meetingsUrl = (boardId: string) => `${boardUrl(boardId)}/meetings`;
const meetingUrl = (boardId: string, meetingId: string) =>
  `${meetingsUrl(boardId)}/${encodeURIComponent(meetingId)}`;
const versionsUrl = (boardId: string) => `${boardUrl(boardId)}/versions`;
export const versionUrl = (boardId: string, versionId: string) =>
  `${versionsUrl(boardId)}/${encodeURIComponent(versionId)}`;

export async function listMeetings(
  boardId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<MeetingRecord[]>> {
  const result = readAs(await apiRequest(meetingsUrl(boardId), {}, doFetch), meetingListResponse);
  return result.ok ? { ok: true, value: result.value.meetings } : result;
}

/** Starts a meeting (facilitator); "conflict" when one is already open. */
export async function startMeeting(
  boardId: string,
  start: StartMeetingRequest,
  doFetch: Fetch = fetch,
): Promise<ApiResult<MeetingRecord>> {
  const result = await apiRequest(meetingsUrl(boardId), { method: 'POST', body: start }, doFetch);
  return readMeetingIn(result);
}

/** Changes an open meeting (facilitator); "conflict" once it is closed. */
export async function updateMeeting(
  boardId: string,
  meetingId: string,
  update: MeetingUpdate,
  doFetch: Fetch = fetch,
): Promise<ApiResult<MeetingRecord>> {
  const result = await apiRequest(meetingUrl(boardId, meetingId), { method: 'PATCH', body: update }, doFetch);
  return readMeetingIn(result);
}

/** Closes the meeting, which saves a version of the whole board; "conflict" if already closed. */
export async function closeMeeting(
  boardId: string,
  meetingId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<ClosedMeeting>> {
  const result = await apiRequest(`${meetingUrl(boardId, meetingId)}/close`, { method: 'POST' }, doFetch);
  return readAs(result, closedMeetingResponse);
}

export async function listVersions(
  boardId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<VersionMeta[]>> {
  const result = readAs(await apiRequest(versionsUrl(boardId), {}, doFetch), versionListResponse);
  return result.ok ? { ok: true, value: result.value.versions } : result;
}

export async function saveVersion(
  boardId: string,
  label: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<VersionMeta>> {
  const body: SaveVersionRequest = { label };
  return readAs(
    await apiRequest(versionsUrl(boardId), { method: 'POST', body }, doFetch),
    savedVersionResponse,
  );
}

export async function fetchVersion(
  boardId: string,
  versionId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<OpenedVersion>> {
  return readWith(await apiRequest(versionUrl(boardId, versionId), {}, doFetch), readOpenedVersion);
}

/**
 * Brings one card (or, without `cardId`, the whole board: facilitator only) back as it was in
 * the version, as a new change by this person; the live board updates through the sync.
 */
export async function restoreFromVersion(
  boardId: string,
  versionId: string,
  cardId: string | null,
  doFetch: Fetch = fetch,
): Promise<ApiResult<RestoreResponse>> {
  const body: RestoreRequest = cardId === null ? {} : { cardId };
  const result = await apiRequest(
    `${versionUrl(boardId, versionId)}/restore`,
    { method: 'POST', body },
    doFetch,
  );
  return readAs(result, restoreResponse);
}
