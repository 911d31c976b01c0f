import { isWellFormedText, ROLES } from '@kinmap/model';
import { deviceMemberSchema, displayNameSchema } from './accountBodies.js';
import type { Wire } from './wire.js';
import { z } from './zod.js';

/** Invites, members and tickets of a board (docs/PROTOCOL.md "Accounts and access"). */

const role = z.enum(ROLES, { error: 'must be facilitator, practitioner, family, network or viewer' });
const label = z
  .string({ error: 'must be a string' })
  .check(
    z.trim(),
    z.maxLength(100, { error: 'must be at most 100 characters' }),
    z.refine(isWellFormedText, { error: 'contains an unpaired surrogate' }),
  );
/** 1–720; the server's default is 72. */
const expiresInHours = z.int({ error: 'must be a whole number' }).check(z.minimum(1), z.maximum(24 * 30));

/** `POST /api/boards/:id/invites` */
export const inviteRequest = z.object({
  role,
  label: z.optional(label),
  expiresInHours: z.optional(expiresInHours),
});
export type InviteRequest = Wire<z.input<typeof inviteRequest>>;

/** The most links one request may create: a meeting's family and network, not a mailing list. */
export const MAX_INVITES_PER_REQUEST = 20;

/** `POST /api/boards/:id/invites/batch`: several people at once, all or none. */
export const inviteBatchRequest = z.strictObject({
  invites: z
    .array(z.strictObject({ role, label: z.optional(label) }), { error: 'must be a list' })
    .check(
      z.minLength(1, { error: 'must name at least one person' }),
      z.maxLength(MAX_INVITES_PER_REQUEST, { error: `must name at most ${MAX_INVITES_PER_REQUEST} people` }),
    ),
  expiresInHours: z.optional(expiresInHours),
});
export type InviteBatchRequest = Wire<z.input<typeof inviteBatchRequest>>;

/** The link's secret stays in the fragment, which browsers never send to a server. */
export const INVITE_LINK_PREFIX = '/join#invite=';

/** `POST /api/boards/:id/invites`: the link is shown once and never stored by the server. */
export const createdInviteResponse = z.object({
  id: z.string(),
  link: z.string().check(z.startsWith(INVITE_LINK_PREFIX)),
  expiresAt: z.number(),
});
export type CreatedInvite = z.output<typeof createdInviteResponse>;

/** `POST /api/boards/:id/invites/batch`: the links in the order asked for. */
export const createdInvitesResponse = z.object({
  invites: z.array(
    z.object({
      id: z.string(),
      role: z.enum(ROLES),
      label: z.string(),
      link: z.string().check(z.startsWith(INVITE_LINK_PREFIX)),
      expiresAt: z.number(),
    }),
  ),
});
export type CreatedInvites = z.output<typeof createdInvitesResponse>;

export const INVITE_STATUSES = ['open', 'used', 'expired', 'revoked'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

export const inviteSchema = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  label: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  status: z.enum(INVITE_STATUSES),
  usedByMemberId: z.nullable(z.string()),
  /**
   * The link again, only while it is open and only for someone who may manage its role; null
   * otherwise (and for links made before links were kept).
   */
  link: z.nullable(z.string().check(z.startsWith(INVITE_LINK_PREFIX))),
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
  revokedAt: z.nullable(z.number()),
});
export type BoardMember = z.output<typeof boardMemberSchema>;

/** `GET /api/boards/:id/members` */
export const memberListResponse = z.object({ members: z.array(boardMemberSchema) });
export type MemberListResponse = z.output<typeof memberListResponse>;

/** `POST /api/invites/open` */
export const openInviteRequest = z.object({
  invite: z.string({ error: 'must be a string' }).check(z.maxLength(100, { error: 'is too long' })),
  displayName: displayNameSchema,
});
export type OpenInviteRequest = Wire<z.input<typeof openInviteRequest>>;

/** `POST /api/invites/preview`: what a join page may say before the person gives their name. */
export const invitePreviewRequest = z.strictObject({
  invite: z.string({ error: 'must be a string' }).check(z.maxLength(100, { error: 'is too long' })),
});
export type InvitePreviewRequest = Wire<z.input<typeof invitePreviewRequest>>;

/**
 * Only for a valid, unopened, unexpired invite (or one this device already opened): the board's
 * title, the inviter's name on the board and the role. Nothing of the board's content.
 */
export const invitePreviewResponse = z.object({
  boardTitle: z.string(),
  inviterName: z.string(),
  role: z.enum(ROLES),
  expiresAt: z.number(),
  /** True when this device already joined with this link: "continue" instead of "join". */
  alreadyJoined: z.boolean(),
});
export type InvitePreview = z.output<typeof invitePreviewResponse>;

/**
 * `POST /api/invites/open`: the member this device now is (201 new, 200 already this device's). The
 * server also sends the member's `staff`, `createdAt` and `revokedAt`; a client needs only these.
 */
export const openedInviteResponse = z.object({ member: deviceMemberSchema });
export type OpenedInvite = z.output<typeof openedInviteResponse>;

/** `POST /api/boards/:id/tickets`: a one-use, short-lived ticket for `/sync/<boardId>?ticket=`. */
export const ticketResponse = z.object({ ticket: z.string(), expiresAt: z.number() });
export type TicketResponse = z.output<typeof ticketResponse>;
