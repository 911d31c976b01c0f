import type { Role } from '@kinmap/model';
import { isRole } from '@kinmap/model';
import { type ApiResult, apiRequest, type Fetch, isRecord, readWith } from '../lib/api';
import { localBoards } from '../offline/localBoards';

/** Staff accounts and the device's session (docs/PROTOCOL.md "Accounts and access"). */
export interface StaffUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
}

/** A person this device is on some board (a guest member bound to the device's session). */
export interface DeviceMember {
  readonly id: string;
  readonly boardId: string;
  readonly role: Role;
  readonly displayName: string;
}

export interface SignedIn {
  /** Null for a family or network member's device: it holds members, not an account. */
  readonly user: StaffUser | null;
  readonly members: readonly DeviceMember[];
}

function readUser(x: unknown): StaffUser | null {
  if (!isRecord(x)) return null;
  const { id, email, displayName, isAdmin } = x;
  if (typeof id !== 'string' || typeof email !== 'string' || typeof displayName !== 'string') return null;
  return { id, email, displayName, isAdmin: isAdmin === true };
}

function readMember(x: unknown): DeviceMember | null {
  if (!isRecord(x)) return null;
  const { id, boardId, role, displayName } = x;
  if (typeof id !== 'string' || typeof boardId !== 'string' || typeof displayName !== 'string') return null;
  return isRole(role) ? { id, boardId, role, displayName } : null;
}

const userIn = (body: unknown): StaffUser | null => (isRecord(body) ? readUser(body.user) : null);

/** Who this device is: 'unauthorized' when nobody is signed in. */
export async function fetchMe(doFetch: Fetch = fetch): Promise<ApiResult<SignedIn>> {
  return readWith(await apiRequest('/api/me', {}, doFetch), (body) => {
    if (!isRecord(body) || !Array.isArray(body.members)) return null;
    const user = body.user === null ? null : readUser(body.user);
    if (body.user !== null && user === null) return null;
    return { user, members: body.members.map(readMember).filter((m): m is DeviceMember => m !== null) };
  });
}

export async function signIn(
  email: string,
  password: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<StaffUser>> {
  return readWith(
    await apiRequest('/api/login', { method: 'POST', body: { email, password } }, doFetch),
    userIn,
  );
}

/** Signs this device out; its copies of boards are wiped first, even if the server cannot be told. */
export async function signOut(doFetch: Fetch = fetch): Promise<ApiResult<null>> {
  await localBoards.forgetAll();
  const result = await apiRequest('/api/logout', { method: 'POST' }, doFetch);
  return result.ok ? { ok: true, value: null } : result;
}

export interface SetupForm {
  readonly code: string;
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
}

/** First run: creates the administrator with the code from the link the server printed. */
export async function setUpAdministrator(
  form: SetupForm,
  doFetch: Fetch = fetch,
): Promise<ApiResult<StaffUser>> {
  return readWith(await apiRequest('/api/setup', { method: 'POST', body: form }, doFetch), userIn);
}

/**
 * The name this person shows on a board: a guest member's own name, else the staff account's.
 * Null when this device is not that member (the caller then has nothing better than the role).
 */
export function memberName(me: SignedIn, memberId: string): string | null {
  const member = me.members.find((m) => m.id === memberId);
  return member?.displayName ?? me.user?.displayName ?? null;
}
