import type { Role } from '@kinmap/model';
import { isRole } from '@kinmap/model';
import type { DeviceMember } from '../accounts/accountApi';
import { type ApiResult, apiRequest, boardUrl, type Fetch, isRecord, readWith } from '../lib/api';

/** Personal invite links and the board's members, for staff (docs/PROTOCOL.md "Accounts and access"). */
export type InviteStatus = 'open' | 'used' | 'expired' | 'revoked';

export interface Invite {
  readonly id: string;
  readonly role: Role;
  readonly label: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly status: InviteStatus;
  readonly usedByMemberId: string | null;
}

export interface BoardMember {
  readonly id: string;
  readonly role: Role;
  readonly displayName: string;
  readonly staff: boolean;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

export interface CreatedInvite {
  readonly id: string;
  /** Path and fragment, e.g. `/join#invite=…`: shown once, never stored by this app. */
  readonly link: string;
  readonly expiresAt: number;
}

export interface InviteRequest {
  readonly role: Role;
  readonly label?: string;
  /** 1–720; the server's default is 72. */
  readonly expiresInHours?: number;
}

const STATUSES: readonly string[] = ['open', 'used', 'expired', 'revoked'];
const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

function readInvite(x: unknown): Invite | null {
  if (!isRecord(x)) return null;
  const { id, role, label, status, usedByMemberId } = x;
  if (typeof id !== 'string' || !isRole(role) || typeof status !== 'string' || !STATUSES.includes(status)) {
    return null;
  }
  return {
    id,
    role,
    label: typeof label === 'string' ? label : '',
    createdAt: num(x.createdAt),
    expiresAt: num(x.expiresAt),
    status: status as InviteStatus,
    usedByMemberId: typeof usedByMemberId === 'string' ? usedByMemberId : null,
  };
}

function readBoardMember(x: unknown): BoardMember | null {
  if (!isRecord(x)) return null;
  const { id, role, displayName, revokedAt } = x;
  if (typeof id !== 'string' || !isRole(role) || typeof displayName !== 'string') return null;
  return {
    id,
    role,
    displayName,
    staff: x.staff === true,
    createdAt: num(x.createdAt),
    revokedAt: typeof revokedAt === 'number' ? revokedAt : null,
  };
}

function listOf<T>(key: string, read: (x: unknown) => T | null) {
  return (body: unknown): T[] | null => {
    const list = isRecord(body) ? body[key] : null;
    return Array.isArray(list) ? list.map(read).filter((v): v is T => v !== null) : null;
  };
}

export async function createInvite(
  boardId: string,
  request: InviteRequest,
  doFetch: Fetch = fetch,
): Promise<ApiResult<CreatedInvite>> {
  const result = await apiRequest(`${boardUrl(boardId)}/invites`, { method: 'POST', body: request }, doFetch);
  return readWith(result, (body) => {
    if (!isRecord(body) || typeof body.id !== 'string' || typeof body.link !== 'string') return null;
    return body.link.startsWith('/join#invite=')
      ? { id: body.id, link: body.link, expiresAt: num(body.expiresAt) }
      : null;
  });
}

export async function listInvites(boardId: string, doFetch: Fetch = fetch): Promise<ApiResult<Invite[]>> {
  return readWith(
    await apiRequest(`${boardUrl(boardId)}/invites`, {}, doFetch),
    listOf('invites', readInvite),
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
  return readWith(
    await apiRequest(`${boardUrl(boardId)}/members`, {}, doFetch),
    listOf('members', readBoardMember),
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
  const result = await apiRequest(
    '/api/invites/open',
    { method: 'POST', body: { invite, displayName } },
    doFetch,
  );
  return readWith(result, (body) => {
    const member = isRecord(body) && isRecord(body.member) ? body.member : null;
    if (!member) return null;
    const { id, boardId, role, displayName: name } = member;
    if (typeof id !== 'string' || typeof boardId !== 'string' || typeof name !== 'string' || !isRole(role)) {
      return null;
    }
    return { id, boardId, role, displayName: name };
  });
}

/**
 * The full address of an invite: the secret stays in the fragment, never sent to a server. A wall
 * screen's link adds `?projector`, so it joins without asking a name and shows the map large.
 */
export function inviteAddress(origin: string, link: string, { projector = false } = {}): string {
  return projector ? `${origin}${link.replace('#', '?projector#')}` : `${origin}${link}`;
}
