import {
  type Attendance,
  type BoardState,
  MEETING_TYPES,
  type MeetingRecord,
  type MeetingType,
  type PersonInRoom,
  parseBoardState,
  type VersionMeta,
} from '@kinmap/model';
import { type ApiResult, apiRequest, boardUrl, type Fetch, isRecord, readWith } from '../lib/api';

/**
 * The client of the meetings and versions routes (docs/PROTOCOL.md "Meetings and versions"):
 * every answer is checked, so a surprise from the server becomes a value, never a crash.
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
export interface MeetingUpdate {
  readonly type?: MeetingType;
  readonly date?: string;
  readonly attendance?: Attendance;
  readonly decision?: string;
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isStringOrNull = (x: unknown): x is string | null => x === null || typeof x === 'string';
const isNumberOrNull = (x: unknown): x is number | null => x === null || typeof x === 'number';

export function isMeetingType(x: unknown): x is MeetingType {
  return typeof x === 'string' && (MEETING_TYPES as readonly string[]).includes(x);
}

function readPersonInRoom(x: unknown): PersonInRoom | null {
  return isRecord(x) && isString(x.name) ? { name: x.name, role: isString(x.role) ? x.role : '' } : null;
}

function readAttendance(x: unknown): Attendance | null {
  if (!isRecord(x)) return null;
  const { participantIds, othersPresent, apologies } = x;
  if (!Array.isArray(participantIds) || !Array.isArray(othersPresent) || !Array.isArray(apologies))
    return null;
  const others = othersPresent.map(readPersonInRoom);
  if (!participantIds.every(isString) || !apologies.every(isString)) return null;
  if (others.some((p) => p === null)) return null;
  return { participantIds, othersPresent: others as PersonInRoom[], apologies };
}

/** One meeting as the routes give it; null when its shape is not the route's. */
export function readMeeting(x: unknown): MeetingRecord | null {
  if (!isRecord(x)) return null;
  const attendance = readAttendance(x.attendance);
  if (!isString(x.id) || !isString(x.boardId) || !isMeetingType(x.type) || !isString(x.date)) return null;
  if (typeof x.startedAt !== 'number' || !isString(x.startedBy) || !attendance || !isString(x.decision))
    return null;
  if (!isNumberOrNull(x.closedAt) || !isStringOrNull(x.closedBy) || !isStringOrNull(x.versionId)) return null;
  return {
    id: x.id,
    boardId: x.boardId,
    type: x.type,
    date: x.date,
    startedAt: x.startedAt,
    startedBy: x.startedBy,
    attendance,
    decision: x.decision,
    closedAt: x.closedAt,
    closedBy: x.closedBy,
    versionId: x.versionId,
  };
}

/** One version's description; null when its shape is not the route's. */
export function readVersionMeta(x: unknown): VersionMeta | null {
  if (!isRecord(x) || !isRecord(x.createdBy)) return null;
  const { memberId, displayName } = x.createdBy;
  if (!isString(x.id) || !isString(x.boardId) || typeof x.number !== 'number') return null;
  if ((x.kind !== 'meeting' && x.kind !== 'manual') || !isString(x.label) || typeof x.createdAt !== 'number')
    return null;
  if (
    !isString(memberId) ||
    !isString(displayName) ||
    !isStringOrNull(x.meetingId) ||
    !isString(x.contentHash)
  )
    return null;
  return {
    id: x.id,
    boardId: x.boardId,
    number: x.number,
    kind: x.kind,
    label: x.label,
    createdAt: x.createdAt,
    createdBy: { memberId, displayName },
    meetingId: x.meetingId,
    contentHash: x.contentHash,
  };
}

/** Reads `{ <key>: [...] }`, refusing the whole list if one entry is malformed (never half of it). */
function readList<T>(key: string, read: (x: unknown) => T | null): (body: unknown) => T[] | null {
  return (body) => {
    const list = isRecord(body) ? body[key] : null;
    if (!Array.isArray(list)) return null;
    const out = list.map(read);
    return out.every((x) => x !== null) ? (out as T[]) : null;
  };
}

/** A route that answers with one meeting, bare or as `{ meeting }`. */
function readMeetingBody(body: unknown): MeetingRecord | null {
  return readMeeting(isRecord(body) && isRecord(body.meeting) ? body.meeting : body);
}

export function readClosedMeeting(body: unknown): ClosedMeeting | null {
  if (!isRecord(body)) return null;
  const meeting = readMeeting(body.meeting);
  const version = readVersionMeta(body.version);
  return meeting && version ? { meeting, version } : null;
}

/** A version's board, checked against the model's own schema (the one restore and import use). */
function readBoardJson(x: unknown): BoardState | null {
  const parsed = parseBoardState(x);
  return parsed.ok ? parsed.value : null;
}

export function readOpenedVersion(body: unknown): OpenedVersion | null {
  if (!isRecord(body)) return null;
  const version = readVersionMeta(body.version);
  const meeting = body.meeting === null || body.meeting === undefined ? null : readMeeting(body.meeting);
  const shared = readBoardJson(body.shared);
  const restricted =
    body.restricted === null || body.restricted === undefined ? null : readBoardJson(body.restricted);
  if (!version || !shared) return null;
  if ((body.meeting ?? null) !== null && !meeting) return null;
  if ((body.restricted ?? null) !== null && !restricted) return null;
  return { version, meeting, shared, restricted };
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
  return readWith(await apiRequest(meetingsUrl(boardId), {}, doFetch), readList('meetings', readMeeting));
}

/** Starts a meeting (facilitator); "conflict" when one is already open. */
export async function startMeeting(
  boardId: string,
  start: { readonly type: MeetingType; readonly date: string },
  doFetch: Fetch = fetch,
): Promise<ApiResult<MeetingRecord>> {
  const result = await apiRequest(meetingsUrl(boardId), { method: 'POST', body: start }, doFetch);
  return readWith(result, readMeetingBody);
}

/** Changes an open meeting (facilitator); "conflict" once it is closed. */
export async function updateMeeting(
  boardId: string,
  meetingId: string,
  update: MeetingUpdate,
  doFetch: Fetch = fetch,
): Promise<ApiResult<MeetingRecord>> {
  const result = await apiRequest(meetingUrl(boardId, meetingId), { method: 'PATCH', body: update }, doFetch);
  return readWith(result, readMeetingBody);
}

/** Closes the meeting, which saves a version of the whole board; "conflict" if already closed. */
export async function closeMeeting(
  boardId: string,
  meetingId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<ClosedMeeting>> {
  const result = await apiRequest(`${meetingUrl(boardId, meetingId)}/close`, { method: 'POST' }, doFetch);
  return readWith(result, readClosedMeeting);
}

export async function listVersions(
  boardId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<VersionMeta[]>> {
  return readWith(await apiRequest(versionsUrl(boardId), {}, doFetch), readList('versions', readVersionMeta));
}

export async function saveVersion(
  boardId: string,
  label: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<VersionMeta>> {
  const result = await apiRequest(versionsUrl(boardId), { method: 'POST', body: { label } }, doFetch);
  return readWith(result, (body) =>
    readVersionMeta(isRecord(body) && isRecord(body.version) ? body.version : body),
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
): Promise<ApiResult<{ readonly changed: number }>> {
  const body = cardId === null ? {} : { cardId };
  const result = await apiRequest(
    `${versionUrl(boardId, versionId)}/restore`,
    { method: 'POST', body },
    doFetch,
  );
  return readWith(result, (x) =>
    isRecord(x) && typeof x.changed === 'number' ? { changed: x.changed } : null,
  );
}
