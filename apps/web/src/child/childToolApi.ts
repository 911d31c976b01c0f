import {
  CHILD_TOOL_KINDS,
  CHILD_TOOL_VISIBILITIES,
  type ChildToolKind,
  type ChildToolVisibility,
  isId,
} from '@kinmap/model';
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

/** One tool as the server describes it: whose it is, which kind, and who the child lets see it. */
export interface ChildToolInfo {
  readonly id: string;
  readonly personId: string;
  readonly kind: ChildToolKind;
  readonly visibility: ChildToolVisibility;
  /** The members the child chose (only with `named`; empty for anyone but staff). */
  readonly named: readonly string[];
  readonly workerMemberId: string;
  readonly createdAt: number;
  /** Whether the child's choice lets this person open it (staff see every tool listed). */
  readonly mayOpen: boolean;
}

const id = z.string().check(z.refine(isId));

const childToolSchema = z.pipe(
  z.object({
    id,
    personId: id,
    kind: z.enum(CHILD_TOOL_KINDS),
    visibility: z.enum(CHILD_TOOL_VISIBILITIES),
    named: z.array(id).check(z.maxLength(500)),
    workerMemberId: id,
    createdAt: z.number().check(z.refine(Number.isFinite)),
    mayOpen: z.boolean(),
  }),
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
