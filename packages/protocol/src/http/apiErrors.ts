import { z } from './zod.js';

/** Machine-readable error codes of the HTTP API; the closed set clients may switch on. */
export const ApiErrorCode = {
  badJson: 'bad-json',
  invalidInput: 'invalid-input',
  bodyTooLarge: 'body-too-large',
  /** The caller is known but may not do this (e.g. only the facilitator reveals scores), or a refused ticket. */
  forbidden: 'forbidden',
  /** The scale is not in the mode the request needs (e.g. scoring privately on a revealed scale). */
  wrongMode: 'wrong-mode',
  /** The board is locked and the sender may not write to a locked board ([AC11]). */
  boardLocked: 'board-locked',
  notFound: 'not-found',
  /** The board has an open meeting already (start another once it is closed). */
  meetingOpen: 'meeting-open',
  /** The meeting is closed: its record and version are immutable. */
  meetingClosed: 'meeting-closed',
  /** Words and Pictures is not at the stage the step needs (e.g. not every parent agreed yet). */
  wrongStage: 'wrong-stage',
  /** No live session cookie (signed out, expired, revoked or forged). */
  notSignedIn: 'not-signed-in',
  /** Wrong email or password; the same answer for both, so accounts cannot be enumerated. */
  badCredentials: 'bad-credentials',
  /** A cookie-authenticated state change without `X-Kinmap-CSRF: 1` and a same-origin `Origin`. */
  csrf: 'csrf',
  unsupportedMediaType: 'unsupported-media-type',
  rateLimited: 'rate-limited',
  /** The report's input is over the server's cap (a board too large to print; export it as JSON). */
  reportTooLarge: 'report-too-large',
  /** A WebSocket upgrade of a member who holds the most open sockets one member may (429). */
  tooManyConnections: 'too-many-connections',
  emailTaken: 'email-taken',
  /** An administrator may not disable their own account, nor the last administrator's. */
  accountProtected: 'account-protected',
  /** The first administrator exists already, or the setup code is wrong or expired. */
  setupClosed: 'setup-closed',
  /** The invite was used to join, by a browser that is not (or no longer) signed in as that person here. */
  inviteUsed: 'invite-used',
  /** The person who joined with the invite has since been removed from the board: the link is over. */
  memberRemoved: 'member-removed',
  inviteExpired: 'invite-expired',
  inviteRevoked: 'invite-revoked',
  upgradeRequired: 'upgrade-required',
  unavailable: 'unavailable',
  internal: 'internal',
} as const;
export type ApiErrorCodeValue = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

/**
 * The JSON body of every error response. A client reads the code leniently (a code it does not
 * know is still a refusal), so the schema takes any string.
 */
export const apiErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.optional(z.string()) }),
});

/** The JSON body of every error response, as the server writes it. */
export interface ApiErrorBody {
  readonly error: { readonly code: ApiErrorCodeValue; readonly message: string };
}
