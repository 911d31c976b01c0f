import {
  type DeviceMember,
  deviceMemberSchema,
  type LoginRequest,
  type MeResponse,
  meResponse,
  type SetupRequest,
  type StaffUser,
  userResponse,
} from '@kinmap/protocol';
import { z } from 'zod/mini';
import { type ApiResult, apiRequest, entriesOf, type Fetch, parsedOrNull, readWith } from '../lib/api';
import { localBoards } from '../offline/localBoards';
import { forgetParticipantKey } from '../scales/scaleApi';

/** Staff accounts and the device's session (docs/PROTOCOL.md "Accounts and access"). */
export type { DeviceMember, StaffUser };

export interface SignedIn {
  /** Null for a family or network member's device: it holds members, not an account. */
  readonly user: StaffUser | null;
  readonly members: readonly DeviceMember[];
}

/** The key of `GET /api/me`'s list: typed, so renaming it in the contract fails here. */
const MEMBERS: keyof MeResponse = 'members';
const meUser = z.pick(meResponse, { user: true });

const userIn = (body: unknown): StaffUser | null => parsedOrNull(userResponse, body)?.user ?? null;

/** Who this device is: 'unauthorized' when nobody is signed in. */
export async function fetchMe(doFetch: Fetch = fetch): Promise<ApiResult<SignedIn>> {
  return readWith(await apiRequest('/api/me', {}, doFetch), (body) => {
    // One odd member is left out; an odd user refuses the whole answer.
    const members = entriesOf(body, MEMBERS, deviceMemberSchema);
    const signedIn = parsedOrNull(meUser, body);
    return members === null || signedIn === null ? null : { user: signedIn.user, members };
  });
}

export async function signIn(
  email: string,
  password: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<StaffUser>> {
  const body: LoginRequest = { email, password };
  return readWith(await apiRequest('/api/login', { method: 'POST', body }, doFetch), userIn);
}

/** Signs this device out; its copies of boards are wiped first, even if the server cannot be told. */
export async function signOut(doFetch: Fetch = fetch): Promise<ApiResult<null>> {
  await localBoards.forgetAll();
  // The key that pairs this browser with its private scores: the next person on a borrowed
  // device must not inherit it (scales/scaleApi.ts).
  forgetParticipantKey();
  const result = await apiRequest('/api/logout', { method: 'POST' }, doFetch);
  return result.ok ? { ok: true, value: null } : result;
}

export type SetupForm = SetupRequest;

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
