import { isWellFormedText, ROLES } from '@kinmap/model';
import type { Wire } from './wire.js';
import { z } from './zod.js';

/** Staff accounts and a device's session (docs/PROTOCOL.md "Accounts and access"). */

/** A staff password's length, in characters (the CLI checks the same bounds). */
export const PASSWORD_LIMITS = Object.freeze({ min: 10, max: 256 });

const email = z
  .email({ error: 'must be an email address' })
  .check(z.maxLength(254, { error: 'must be at most 254 characters' }));

/** A person's name as they give it: trimmed, 1–100 characters. */
export const displayNameSchema = z
  .string({ error: 'must be a string' })
  .check(
    z.trim(),
    z.minLength(1, { error: 'must not be empty' }),
    z.maxLength(100, { error: 'must be at most 100 characters' }),
    z.refine(isWellFormedText, { error: 'contains an unpaired surrogate' }),
  );

const newPassword = z
  .string({ error: 'must be a string' })
  .check(
    z.minLength(PASSWORD_LIMITS.min, { error: `must be at least ${PASSWORD_LIMITS.min} characters` }),
    z.maxLength(PASSWORD_LIMITS.max, { error: `must be at most ${PASSWORD_LIMITS.max} characters` }),
  );

/** `POST /api/login` */
export const loginRequest = z.object({
  email: z
    .string({ error: 'must be a string' })
    .check(z.maxLength(254, { error: 'must be at most 254 characters' })),
  password: z
    .string({ error: 'must be a string' })
    .check(z.maxLength(PASSWORD_LIMITS.max, { error: 'is too long' })),
});
export type LoginRequest = Wire<z.input<typeof loginRequest>>;

/** `POST /api/users` (administrators only) */
export const newUserRequest = z.object({
  email,
  displayName: displayNameSchema,
  password: newPassword,
  isAdmin: z.optional(z.boolean()),
});
export type NewUserRequest = Wire<z.input<typeof newUserRequest>>;

/** `POST /api/users/:id/password` (administrators only): a new password for a staff account. */
export const resetPasswordRequest = z.object({ password: newPassword });
export type ResetPasswordRequest = Wire<z.input<typeof resetPasswordRequest>>;

/** A staff account as an administrator's staff screen lists it. */
export const staffAccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  isAdmin: z.boolean(),
  createdAt: z.number(),
  /** When an administrator disabled it; null while it can sign in. */
  disabledAt: z.nullable(z.number()),
});
export type StaffAccount = z.output<typeof staffAccountSchema>;

/** `GET /api/users` (administrators only): every staff account, oldest first. */
export const staffAccountsResponse = z.object({ users: z.array(staffAccountSchema) });
export type StaffAccountsResponse = z.output<typeof staffAccountsResponse>;

/** `POST /api/users/:id/disable`, `…/enable`, `…/password`: the account after the change. */
export const staffAccountResponse = z.object({ user: staffAccountSchema });
export type StaffAccountResponse = z.output<typeof staffAccountResponse>;

/** `POST /api/setup`: the first administrator, with the code the server printed. */
export const setupRequest = z.object({
  code: z.string({ error: 'must be a string' }).check(z.maxLength(100)),
  email,
  displayName: displayNameSchema,
  password: newPassword,
});
export type SetupRequest = Wire<z.input<typeof setupRequest>>;

/** What a client may see of a staff account. */
export const staffUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  isAdmin: z.boolean(),
});
export type StaffUser = z.output<typeof staffUserSchema>;

/** A person this device is on some board (a guest member bound to the device's session). */
export const deviceMemberSchema = z.object({
  id: z.string(),
  boardId: z.string(),
  role: z.enum(ROLES),
  displayName: z.string(),
});
export type DeviceMember = z.output<typeof deviceMemberSchema>;

/** `POST /api/setup`, `POST /api/login`, `POST /api/users` */
export const userResponse = z.object({ user: staffUserSchema });
export type UserResponse = z.output<typeof userResponse>;

/**
 * `GET /api/me`: `user` is null for a family or network member's device (it holds members, not an
 * account) and when nobody is signed in.
 */
export const meResponse = z.object({
  user: z.nullable(staffUserSchema),
  members: z.array(deviceMemberSchema),
});
export type MeResponse = z.output<typeof meResponse>;
