import {
  type BoardState,
  isRole,
  type Trajectory,
  type TrajectoryGroup,
  type TrajectoryLine,
  type TrajectoryPoint,
  type TrajectoryScale,
  type VersionMeta,
} from '@kinmap/model';
import { mergeBoards } from '../board/professionalsOnly';
import { type ApiResult, apiRequest, boardUrl, type Fetch, isRecord, readWith } from '../lib/api';
import { readVersionMeta, versionUrl } from '../versions/versionsApi';

/**
 * The reports routes (docs/PROTOCOL.md "Versions and reports"): the trajectory, the saved
 * versions to choose from, and where each download comes from. Every answer is checked: a
 * surprise becomes a failure value, never a crash in the chart.
 */

const GROUPS: readonly string[] = ['family', 'network', 'professionals'] satisfies TrajectoryGroup[];

const isGroup = (x: unknown): x is TrajectoryGroup => typeof x === 'string' && GROUPS.includes(x);
const isValue = (x: unknown): x is number | null =>
  x === null || (typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 10);
const isVersionId = (x: unknown): x is string | null => x === null || typeof x === 'string';

function readPoint(x: unknown): TrajectoryPoint | null {
  if (!isRecord(x) || !isVersionId(x.versionId) || typeof x.at !== 'number' || !isValue(x.value)) return null;
  return { versionId: x.versionId, at: x.at, value: x.value };
}

function readLine(x: unknown): TrajectoryLine | null {
  if (!isRecord(x) || typeof x.key !== 'string' || typeof x.label !== 'string') return null;
  if (!(x.role === null || isRole(x.role)) || !(x.group === null || isGroup(x.group))) return null;
  if (!Array.isArray(x.points)) return null;
  const points = x.points.map(readPoint);
  if (points.some((p) => p === null)) return null;
  return { key: x.key, label: x.label, role: x.role, group: x.group, points: points as TrajectoryPoint[] };
}

function readScale(x: unknown): TrajectoryScale | null {
  if (!isRecord(x) || typeof x.scaleId !== 'string' || typeof x.title !== 'string') return null;
  if (!Array.isArray(x.lines)) return null;
  const lines = x.lines.map(readLine);
  if (lines.some((l) => l === null)) return null;
  return { scaleId: x.scaleId, title: x.title, lines: lines as TrajectoryLine[] };
}

/** Reads the body of `GET /api/boards/:id/trajectory`; null when its shape is not the route's. */
export function readTrajectory(body: unknown): Trajectory | null {
  if (!isRecord(body) || !Array.isArray(body.moments) || !Array.isArray(body.scales)) return null;
  const moments: Trajectory['moments'][number][] = [];
  for (const m of body.moments) {
    if (!isRecord(m) || !isVersionId(m.versionId) || typeof m.at !== 'number' || typeof m.label !== 'string')
      return null;
    moments.push({ versionId: m.versionId, at: m.at, label: m.label });
  }
  const scales = body.scales.map(readScale);
  if (scales.some((s) => s === null)) return null;
  return { moments, scales: scales as TrajectoryScale[] };
}

/** Reads `{ versions: VersionMeta[] }`, newest first; entries of another shape are left out. */
export function readVersionList(body: unknown): VersionMeta[] | null {
  if (!isRecord(body) || !Array.isArray(body.versions)) return null;
  const versions = body.versions.map(readVersionMeta).filter((v): v is VersionMeta => v !== null);
  return versions.sort((a, b) => b.number - a.number);
}

export async function fetchTrajectory(
  boardId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<Trajectory>> {
  return readWith(await apiRequest(`${boardUrl(boardId)}/trajectory`, {}, doFetch), readTrajectory);
}

export async function fetchVersions(
  boardId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<VersionMeta[]>> {
  return readWith(await apiRequest(`${boardUrl(boardId)}/versions`, {}, doFetch), readVersionList);
}

/** The server-made downloads; `versionId` null means the board as it is now. */
export type ServerDownload = 'family' | 'record' | 'json';

/** Where a download comes from (each one is recorded in the board's audit log by the server). */
export function downloadUrl(boardId: string, kind: ServerDownload, versionId: string | null): string {
  const board = boardUrl(boardId);
  const version = versionId === null ? '' : `?version=${encodeURIComponent(versionId)}`;
  switch (kind) {
    case 'family':
      return `${board}/reports/family.pdf${version}`;
    case 'record':
      return `${board}/reports/record.pdf${version}`;
    case 'json':
      return versionId === null
        ? `${board}/export.json`
        : `${board}/versions/${encodeURIComponent(versionId)}/export.json`;
  }
}

export interface ImportedBoard {
  readonly id: string;
  readonly memberId: string;
}

/** The server takes at most this much (POST /api/boards/import); bigger files are refused here first. */
export const IMPORT_LIMIT_BYTES = 8 * 1024 * 1024;

/** Creates a new board from a board export (`kinmap.board-export`); the server checks every field. */
export async function importBoard(
  exported: unknown,
  doFetch: Fetch = fetch,
): Promise<ApiResult<ImportedBoard>> {
  const result = await apiRequest('/api/boards/import', { method: 'POST', body: exported }, doFetch);
  return readWith(result, (body) =>
    isRecord(body) && typeof body.id === 'string' && typeof body.memberId === 'string'
      ? { id: body.id, memberId: body.memberId }
      : null,
  );
}

const BOARD_PARTS = ['cards', 'pairs', 'scales', 'participants', 'network', 'rules', 'plan'] as const;

/** A board state as the server's readBoard gives it: the parts are checked, their entries trusted. */
function readBoardState(x: unknown): BoardState | null {
  if (!isRecord(x) || !isRecord(x.meta) || typeof x.meta.title !== 'string') return null;
  if (!BOARD_PARTS.every((part) => isRecord(x[part]))) return null;
  const cards = x.cards as Record<string, unknown>;
  if (
    !Object.values(cards).every((c) => isRecord(c) && typeof c.id === 'string' && typeof c.text === 'string')
  )
    return null;
  return x as unknown as BoardState;
}

/** A saved version's board, the professionals-only cards merged in when the server sent them. */
export function readVersionBoard(body: unknown): BoardState | null {
  if (!isRecord(body)) return null;
  const shared = readBoardState(body.shared);
  if (!shared) return null;
  if (body.restricted === null || body.restricted === undefined) return shared;
  const restricted = readBoardState(body.restricted);
  return restricted ? mergeBoards(shared, restricted) : null;
}

export async function fetchVersionBoard(
  boardId: string,
  versionId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<BoardState>> {
  return readWith(await apiRequest(versionUrl(boardId, versionId), {}, doFetch), readVersionBoard);
}
