import type { ChildToolState } from '@kinmap/model';
import {
  type RestoreResponse,
  restoreResponse,
  versionChildToolListResponse,
  versionChildToolResponse,
} from '@kinmap/protocol';
import type { ChildToolInfo } from '../child/childToolApi';
import { type ApiResult, apiRequest, type Fetch, readAs } from '../lib/api';
import { versionUrl } from './versionsApi';

/**
 * The child's tools a saved version kept ([CT7]): which, whether each changed since, one as it was,
 * and bringing one back. Staff only; the server answers with content only where the child's choice
 * now admits the asker. Every answer passes the protocol's schema, or the call fails.
 */

export interface KeptTool {
  readonly tool: ChildToolInfo;
  /** Whether the tool differs from the version now; null: the child has not chosen to show it to you. */
  readonly changedSince: boolean | null;
}

export interface KeptToolContent {
  readonly tool: ChildToolInfo;
  readonly content: ChildToolState;
  readonly changedSince: boolean;
  /** The parts that differ now from the version. */
  readonly changedAreas: readonly string[];
}

const keptUrl = (boardId: string, versionId: string) => `${versionUrl(boardId, versionId)}/child-tools`;
const toolUrl = (boardId: string, versionId: string, toolId: string) =>
  `${keptUrl(boardId, versionId)}/${encodeURIComponent(toolId)}`;

export async function listKeptTools(
  boardId: string,
  versionId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<KeptTool[]>> {
  const result = readAs(
    await apiRequest(keptUrl(boardId, versionId), {}, doFetch),
    versionChildToolListResponse,
  );
  return result.ok ? { ok: true, value: result.value.tools } : result;
}

export async function fetchKeptTool(
  boardId: string,
  versionId: string,
  toolId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<KeptToolContent>> {
  return readAs(await apiRequest(toolUrl(boardId, versionId, toolId), {}, doFetch), versionChildToolResponse);
}

/** Brings the tool back as the version kept it, as this person's change; open copies update live. */
export async function restoreKeptTool(
  boardId: string,
  versionId: string,
  toolId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<RestoreResponse>> {
  const result = await apiRequest(
    `${toolUrl(boardId, versionId, toolId)}/restore`,
    { method: 'POST', body: {} },
    doFetch,
  );
  return readAs(result, restoreResponse);
}
