import {
  type BoardMember,
  boardMemberSchema,
  type CreatedInvite,
  type CreatedInvites,
  createdInviteResponse,
  createdInvitesResponse,
  type DeviceMember,
  type Invite,
  type InviteBatchRequest,
  type InviteListResponse,
  type InvitePreview,
  type InvitePreviewRequest,
  type InviteRequest,
  type InviteStatus,
  invitePreviewResponse,
  inviteSchema,
  type MemberListResponse,
  type OpenInviteRequest,
  openedInviteResponse,
} from '@kinmap/protocol';
import { type ApiResult, apiRequest, boardUrl, entriesOf, type Fetch, readAs, readWith } from '../lib/api';

/** Personal invite links and the board's members, for staff (docs/PROTOCOL.md "Accounts and access"). */
export type {
  BoardMember,
  CreatedInvite,
  CreatedInvites,
  Invite,
  InviteBatchRequest,
  InvitePreview,
  InviteRequest,
  InviteStatus,
};

/** The keys of the two lists: typed, so renaming one in the contract fails here. */
const INVITES: keyof InviteListResponse = 'invites';
const MEMBERS: keyof MemberListResponse = 'members';

export async function createInvite(
  boardId: string,
  request: InviteRequest,
  doFetch: Fetch = fetch,
): Promise<ApiResult<CreatedInvite>> {
  const result = await apiRequest(`${boardUrl(boardId)}/invites`, { method: 'POST', body: request }, doFetch);
  // The schema refuses a link that would put the secret anywhere but the fragment.
  return readAs(result, createdInviteResponse);
}

/** Several personal links in one request: all are made, or none. */
export async function createInvites(
  boardId: string,
  request: InviteBatchRequest,
  doFetch: Fetch = fetch,
): Promise<ApiResult<CreatedInvites['invites']>> {
  const result = readAs(
    await apiRequest(`${boardUrl(boardId)}/invites/batch`, { method: 'POST', body: request }, doFetch),
    createdInvitesResponse,
  );
  return result.ok ? { ok: true, value: result.value.invites } : result;
}

/** What the join page may say about an invite before the person joins (board, inviter, role). */
export async function previewInvite(
  invite: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<InvitePreview>> {
  const body: InvitePreviewRequest = { invite };
  return readAs(
    await apiRequest('/api/invites/preview', { method: 'POST', body }, doFetch),
    invitePreviewResponse,
  );
}

export async function listInvites(boardId: string, doFetch: Fetch = fetch): Promise<ApiResult<Invite[]>> {
  return readWith(await apiRequest(`${boardUrl(boardId)}/invites`, {}, doFetch), (body) =>
    entriesOf(body, INVITES, inviteSchema),
  );
}

export async function revokeInvite(
  boardId: string,
  inviteId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<null>> {
  const url = `${boardUrl(boardId)}/invites/${encodeURIComponent(inviteId)}`;
  const result = await apiRequest(url, { method: 'DELETE' }, doFetch);
  return result.ok ? { ok: true, value: null } : result;
}

export async function listMembers(
  boardId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<BoardMember[]>> {
  return readWith(await apiRequest(`${boardUrl(boardId)}/members`, {}, doFetch), (body) =>
    entriesOf(body, MEMBERS, boardMemberSchema),
  );
}

/** Ends a member's access: the server closes their live connection at once. */
export async function removeMember(
  boardId: string,
  memberId: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<null>> {
  const url = `${boardUrl(boardId)}/members/${encodeURIComponent(memberId)}`;
  const result = await apiRequest(url, { method: 'DELETE' }, doFetch);
  return result.ok ? { ok: true, value: null } : result;
}

/** Opens a personal invite on this device; the server sets the session cookie. */
export async function openInvite(
  invite: string,
  displayName: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<DeviceMember>> {
  const body: OpenInviteRequest = { invite, displayName };
  const result = readAs(
    await apiRequest('/api/invites/open', { method: 'POST', body }, doFetch),
    openedInviteResponse,
  );
  return result.ok ? { ok: true, value: result.value.member } : result;
}

/**
 * The full address of an invite: the secret stays in the fragment, never sent to a server. A wall
 * screen's link adds `?projector`, so it joins without asking a name and shows the map large.
 */
export function inviteAddress(origin: string, link: string, { projector = false } = {}): string {
  return projector ? `${origin}${link.replace('#', '?projector#')}` : `${origin}${link}`;
}
