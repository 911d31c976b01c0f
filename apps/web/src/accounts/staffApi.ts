import {
  type NewUserRequest,
  type ResetPasswordRequest,
  type StaffAccount,
  type StaffUser,
  staffAccountResponse,
  staffAccountsResponse,
  userResponse,
} from '@kinmap/protocol';
import { type ApiResult, apiRequest, type Fetch, parsedOrNull, readWith } from '../lib/api';

/** The administrators' staff accounts (docs/PROTOCOL.md "Accounts and access"; SPEC [SA1]–[SA3]). */
export type { StaffAccount };

const userUrl = (id: string, action: 'disable' | 'enable' | 'password') =>
  `/api/users/${encodeURIComponent(id)}/${action}`;
const accountIn = (body: unknown): StaffAccount | null =>
  parsedOrNull(staffAccountResponse, body)?.user ?? null;

export async function listStaff(doFetch: Fetch = fetch): Promise<ApiResult<StaffAccount[]>> {
  return readWith(
    await apiRequest('/api/users', {}, doFetch),
    (body) => parsedOrNull(staffAccountsResponse, body)?.users ?? null,
  );
}

export async function addStaff(form: NewUserRequest, doFetch: Fetch = fetch): Promise<ApiResult<StaffUser>> {
  return readWith(
    await apiRequest('/api/users', { method: 'POST', body: form }, doFetch),
    (body) => parsedOrNull(userResponse, body)?.user ?? null,
  );
}

/** Disables (signing the person out everywhere) or enables again. */
export async function setStaffDisabled(
  id: string,
  disabled: boolean,
  doFetch: Fetch = fetch,
): Promise<ApiResult<StaffAccount>> {
  const url = userUrl(id, disabled ? 'disable' : 'enable');
  return readWith(await apiRequest(url, { method: 'POST' }, doFetch), accountIn);
}

/** A new password the administrator passes on in person; the account's sessions end. */
export async function resetStaffPassword(
  id: string,
  password: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<StaffAccount>> {
  const body: ResetPasswordRequest = { password };
  return readWith(await apiRequest(userUrl(id, 'password'), { method: 'POST', body }, doFetch), accountIn);
}
