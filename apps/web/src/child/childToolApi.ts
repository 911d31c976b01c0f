import type { ChildToolKind, ChildToolVisibility } from '@kinmap/model';
import { childToolInfo, type ChildToolInfo as WireToolInfo } from '@kinmap/protocol';
import { z } from 'zod/mini';
import {
  type ApiResult,
  apiRequest,
  boardUrl,
  entriesOf,
  type Fetch,
  parsedOrNull,
  readWith,
} from '../lib/api';

/**
 * The child's tools routes (issue 14): list, start, and change who sees a tool. Every answer is
 * untrusted until it passes the schema below: an odd tool in the list is left out, an odd answer
 * to a change is a failure value. A tool's id ends up in a socket's address, so it must be an id.
 */

/** One tool as the server describes it (`childToolInfo` of @kinmap/protocol), names only with "people I choose". */
export type ChildToolInfo = WireToolInfo;

const childToolSchema = z.pipe(
  childToolInfo,
  // Names only count with "people I choose": a stale list under another choice is no choice.
  z.transform(
    (tool): ChildToolInfo => ({
      ...tool,
      named: tool.visibility === 'named' ? [...new Set(tool.named)] : [],
    }),
  ),
);

const oneToolResponse = z.object({ tool: childToolSchema });

/** One tool of the list or of a change's answer; null when its shape is not the route's. */
export function readChildToolInfo(body: unknown): ChildToolInfo | null {
  return parsedOrNull(childToolSchema, body);
}

/** The body of `GET …/child-tools`, oldest first; odd entries are left out, null without a list. */
export function readChildToolList(body: unknown): ChildToolInfo[] | null {
  return entriesOf(body, 'tools', childToolSchema)?.sort((a, b) => a.createdAt - b.createdAt) ?? null;
}

/** The body of a change (`{ tool }`); null when it is not one tool. */
export function readChildToolAnswer(body: unknown): ChildToolInfo | null {
  return parsedOrNull(oneToolResponse, body)?.tool ?? null;
}

const toolsUrl = (boardId: string) => `${boardUrl(boardId)}/child-tools`;

/** Staff get every tool of the board; everyone else only the ones the child lets them open. */
export async function listChildTools(
  boardId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<ChildToolInfo[]>> {
  return readWith(await apiRequest(toolsUrl(boardId), {}, doFetch), readChildToolList);
}

/** Starts a tool with a child of the case ([CT1]); its worker is the one who starts it. */
export async function startChildTool(
  boardId: string,
  start: { readonly personId: string; readonly kind: ChildToolKind },
  doFetch: Fetch = fetch,
): Promise<ApiResult<ChildToolInfo>> {
  const body = { personId: start.personId, kind: start.kind };
  return readWith(
    await apiRequest(toolsUrl(boardId), { method: 'POST', body }, doFetch),
    readChildToolAnswer,
  );
}

/** Who sees a tool, chosen with the child ([CT2]); `named` is sent only with "people I choose". */
export async function setChildToolVisibility(
  boardId: string,
  toolId: string,
  choice: { readonly visibility: ChildToolVisibility; readonly named: readonly string[] },
  doFetch: Fetch = fetch,
): Promise<ApiResult<ChildToolInfo>> {
  const url = `${toolsUrl(boardId)}/${encodeURIComponent(toolId)}/visibility`;
  const body = {
    visibility: choice.visibility,
    named: choice.visibility === 'named' ? [...choice.named] : [],
  };
  return readWith(await apiRequest(url, { method: 'PUT', body }, doFetch), readChildToolAnswer);
}

const toolUrl = (boardId: string, toolId: string, what: string) =>
  `${toolsUrl(boardId)}/${encodeURIComponent(toolId)}/${what}`;

/** Hands the tool over to another staff member of the board ([CT8]). */
export async function handOverChildTool(
  boardId: string,
  toolId: string,
  memberId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<ChildToolInfo>> {
  const url = toolUrl(boardId, toolId, 'worker');
  return readWith(await apiRequest(url, { method: 'PUT', body: { memberId } }, doFetch), readChildToolAnswer);
}

/** Words and Pictures shared with these parents to agree ([CT5]). */
export async function shareWithParents(
  boardId: string,
  toolId: string,
  parents: readonly string[],
  doFetch: Fetch = fetch,
): Promise<ApiResult<ChildToolInfo>> {
  const body = { parents: [...parents] };
  return readWith(
    await apiRequest(toolUrl(boardId, toolId, 'parents'), { method: 'POST', body }, doFetch),
    readChildToolAnswer,
  );
}

/** A parent agrees to Words and Pictures as it is now ([CT6]). */
export async function agreeAsParent(
  boardId: string,
  toolId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<ChildToolInfo>> {
  return readWith(
    await apiRequest(toolUrl(boardId, toolId, 'agreement'), { method: 'POST', body: {} }, doFetch),
    readChildToolAnswer,
  );
}

/** Words and Pictures shared with the child, then left with them ([CT5]). */
export async function moveWordsPictures(
  boardId: string,
  toolId: string,
  step: 'with-child' | 'left-with-child',
  doFetch: Fetch = fetch,
): Promise<ApiResult<ChildToolInfo>> {
  return readWith(
    await apiRequest(toolUrl(boardId, toolId, 'step'), { method: 'POST', body: { step } }, doFetch),
    readChildToolAnswer,
  );
}

/** Where the tool's PDF is (those the child chose may download it). */
export const toolPdfUrl = (boardId: string, toolId: string): string => toolUrl(boardId, toolId, 'tool.pdf');
