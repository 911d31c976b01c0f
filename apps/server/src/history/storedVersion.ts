import type { VersionMeta } from '@kinmap/model';
import { pathId } from '../boards/boardRequest.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import type { StoredVersion, Versions } from './versionStore.js';

/**
 * A version of this board by a request path's id: 400 malformed, 404 unknown (or another board's).
 * Shared by the version routes and the report routes (a version's PDF).
 */
export function storedVersion(versions: Versions, boardId: string, raw: string | undefined): StoredVersion {
  const stored = versions.get(boardId, pathId(raw, 'versionId'));
  if (stored === null) throw new ApiError(404, ApiErrorCode.notFound, 'No such version');
  return stored;
}

/** The same, its description only: nothing of its content is read or unsealed. */
export function versionMetaOf(
  versions: Pick<Versions, 'meta'>,
  boardId: string,
  raw: string | undefined,
): VersionMeta {
  const meta = versions.meta(boardId, pathId(raw, 'versionId'));
  if (meta === null) throw new ApiError(404, ApiErrorCode.notFound, 'No such version');
  return meta;
}
