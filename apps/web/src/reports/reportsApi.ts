import { type BoardState, type Trajectory, type VersionMeta, versionMetaSchema } from '@kinmap/model';
import {
  type CreatedBoard,
  IMPORT_MAX_BYTES,
  importedBoardResponse,
  openedVersionResponse,
  trajectoryResponse,
  type VersionListResponse,
} from '@kinmap/protocol';
import { z } from 'zod/mini';
import { mergeBoards } from '../board/bothDocuments';
import {
  type ApiResult,
  apiRequest,
  boardUrl,
  entriesOf,
  type Fetch,
  parsedOrNull,
  readAs,
  readWith,
} from '../lib/api';
import { versionUrl } from '../versions/versionsApi';

/**
 * The reports routes (docs/PROTOCOL.md "Versions and reports"): the trajectory, the saved
 * versions to choose from, and where each download comes from. Every answer is checked against
 * the wire contract's schema (`@kinmap/protocol`): a surprise becomes a failure value, never a
 * crash in the chart.
 */

/** Reads the body of `GET /api/boards/:id/trajectory`; null when its shape is not the route's. */
export function readTrajectory(body: unknown): Trajectory | null {
  return parsedOrNull(trajectoryResponse, body);
}

/** The key of `GET /api/boards/:id/versions`'s list: typed, so renaming it in the contract fails here. */
const VERSIONS: keyof VersionListResponse = 'versions';

/** Reads `{ versions: VersionMeta[] }`, newest first; entries of another shape are left out. */
export function readVersionList(body: unknown): VersionMeta[] | null {
  return entriesOf(body, VERSIONS, versionMetaSchema)?.sort((a, b) => b.number - a.number) ?? null;
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

export type ImportedBoard = CreatedBoard;

/** The server takes at most this much (POST /api/boards/import); bigger files are refused here first. */
export const IMPORT_LIMIT_BYTES = IMPORT_MAX_BYTES;

/** Creates a new board from a board export (`kinmap.board-export`); the server checks every field. */
export async function importBoard(
  exported: unknown,
  doFetch: Fetch = fetch,
): Promise<ApiResult<ImportedBoard>> {
  const result = await apiRequest('/api/boards/import', { method: 'POST', body: exported }, doFetch);
  return readAs(result, importedBoardResponse);
}

/** The boards of `GET /api/boards/:id/versions/:vid`; the version's description is not needed here. */
const versionBoards = z.pick(openedVersionResponse, { shared: true, restricted: true });

/** A saved version's board, the professionals-only cards merged in when the server sent them. */
export function readVersionBoard(body: unknown): BoardState | null {
  const boards = parsedOrNull(versionBoards, body);
  return boards === null ? null : mergeBoards(boards.shared, boards.restricted);
}

export async function fetchVersionBoard(
  boardId: string,
  versionId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<BoardState>> {
  return readWith(await apiRequest(versionUrl(boardId, versionId), {}, doFetch), readVersionBoard);
}
