import { ROLES } from '@kinmap/model';
import { z } from 'zod';
import { deviceMemberSchema, displayNameSchema } from './accountBodies.js';
import type { Wire } from './wire.js';

/** Invites, members and tickets of a board (docs/PROTOCOL.md "Accounts and access"). */

const role = z.enum(ROLES, { error: 'must be facilitator, practitioner, family, network or viewer' });

/** `POST /api/boards/:id/invites` */
export const inviteRequest = z.object({
  role,
  label: z
    .string({ error: 'must be a string' })
    .trim()
    .max(100, { error: 'must be at most 100 characters' })
    .optional(),
  /** 1–720; the server's default is 72. */
  expiresInHours: z
    .int({ error: 'must be a whole number' })
    .min(1)
    .max(24 * 30)
    .optional(),
});
export type InviteRequest = Wire<z.input<typeof inviteRequest>>;

/** The link's secret stays in the fragment, which browsers never send to a server. */
export const INVITE_LINK_PREFIX = '/join#invite=';

/** `POST /api/boards/:id/invites`: the link is shown once and never stored by the server. */
export const createdInviteResponse = z.object({
  id: z.string(),
  link: z.string().startsWith(INVITE_LINK_PREFIX),
  expiresAt: z.number(),
});
export type CreatedInvite = z.output<typeof createdInviteResponse>;

export const INVITE_STATUSES = ['open', 'used', 'expired', 'revoked'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

export const inviteSchema = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  label: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  status: z.enum(INVITE_STATUSES),
  usedByMemberId: z.string().nullable(),
});
export type Invite = z.output<typeof inviteSchema>;

/** `GET /api/boards/:id/invites` */
export const inviteListResponse = z.object({ invites: z.array(inviteSchema) });
export type InviteListResponse = z.output<typeof inviteListResponse>;

export const boardMemberSchema = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  displayName: z.string(),
  /** A staff account's member (facilitator or practitioner who signed in). */
  staff: z.boolean(),
  createdAt: z.number(),
  revokedAt: z.number().nullable(),
});
export type BoardMember = z.output<typeof boardMemberSchema>;

/** `GET /api/boards/:id/members` */
export const memberListResponse = z.object({ members: z.array(boardMemberSchema) });
export type MemberListResponse = z.output<typeof memberListResponse>;

/** `POST /api/invites/open` */
export const openInviteRequest = z.object({
  invite: z.string({ error: 'must be a string' }).max(100, { error: 'is too long' }),
  displayName: displayNameSchema,
});
export type OpenInviteRequest = Wire<z.input<typeof openInviteRequest>>;

/**
 * `POST /api/invites/open`: the member this device now is (201 new, 200 already this device's). The
 * server also sends the member's `staff`, `createdAt` and `revokedAt`; a client needs only these.
 */
export const openedInviteResponse = z.object({ member: deviceMemberSchema });
export type OpenedInvite = z.output<typeof openedInviteResponse>;

/** `POST /api/boards/:id/tickets`: a one-use, short-lived ticket for `/sync/<boardId>?ticket=`. */
export const ticketResponse = z.object({ ticket: z.string(), expiresAt: z.number() });
export type TicketResponse = z.output<typeof ticketResponse>;
