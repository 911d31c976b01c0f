import { isWellFormedText, ROLES } from '@kinmap/model';
import { displayNameSchema } from './accountBodies.js';
import { INVITE_LINK_PREFIX } from './memberBodies.js';
import type { Wire } from './wire.js';
import { z } from './zod.js';

/**
 * The wall's join code (docs/PROTOCOL.md "Asking to join"; SPEC [AU20]–[AU22]). A code opens only a
 * waiting room: whoever scans it gives a name and waits; nothing of the board is reachable until
 * the facilitator admits them, which makes a one-person invite for that device alone.
 */

/** Letters and digits that cannot be mistaken for one another when read off a wall (no 0/O, 1/I/L). */
export const LOBBY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Characters in a code: 10 of 31 (~49 bits), guessed at most 20 times per address per 15 minutes. */
export const LOBBY_CODE_LENGTH = 10;
/** The page a code opens: `/ask#ABCDE-FGHJK` (the code stays in the fragment, never sent in a request line). */
export const LOBBY_LINK_PREFIX = '/ask#';
/** How long a shown code accepts new requests, unless the facilitator hides it first. */
export const LOBBY_CODE_MINUTES = 30;

/** `ABCDEFGHJK` → `ABCDE-FGHJK`, as the wall prints it. */
export function formatLobbyCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A code as typed or scanned (`abcde-fghjk`, spaces, a `#`): its canonical form, or null if it cannot be one. */
export function parseLobbyCode(input: string): string | null {
  if (input.length > 40) return null;
  const code = input.replace(/^#/, '').replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== LOBBY_CODE_LENGTH) return null;
  for (const ch of code) if (!LOBBY_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

const role = z.enum(ROLES, { error: 'must be facilitator, practitioner, family, network or viewer' });
const code = z.string({ error: 'must be a string' }).check(z.maxLength(40, { error: 'is too long' }));
const token = z.string({ error: 'must be a string' }).check(z.maxLength(100, { error: 'is too long' }));
/** "Grandma", "Alex's teacher": who they are to the family, optional. */
const about = z
  .string({ error: 'must be a string' })
  .check(
    z.trim(),
    z.maxLength(60, { error: 'must be at most 60 characters' }),
    z.refine(isWellFormedText, { error: 'contains an unpaired surrogate' }),
  );

/** The open code, as the wall shows it and the facilitator sees it. */
export const lobbyCodeSchema = z.object({
  code: z.string(),
  link: z.string().check(z.startsWith(LOBBY_LINK_PREFIX)),
  expiresAt: z.number(),
});
export type LobbyCode = z.output<typeof lobbyCodeSchema>;

/** `GET /api/boards/:id/lobby/code` (any member: the wall) and `POST /api/boards/:id/lobby` (201). */
export const lobbyCodeResponse = z.object({ code: z.nullable(lobbyCodeSchema) });
export type LobbyCodeResponse = z.output<typeof lobbyCodeResponse>;

export const lobbyRequestSchema = z.object({
  id: z.string(),
  name: z.string(),
  about: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
});
export type LobbyRequest = z.output<typeof lobbyRequestSchema>;

/** `GET /api/boards/:id/lobby` (facilitator): the open code and the people waiting, oldest first. */
export const lobbyStateResponse = z.object({
  code: z.nullable(lobbyCodeSchema),
  requests: z.array(lobbyRequestSchema),
});
export type LobbyStateResponse = z.output<typeof lobbyStateResponse>;

/** `POST /api/boards/:id/lobby/:requestId/admit`: family, network or viewer only (`mayAdmitAs`). */
export const lobbyAdmitRequest = z.strictObject({ role });
export type LobbyAdmitRequest = Wire<z.input<typeof lobbyAdmitRequest>>;

/** `POST /api/lobby/ask` (no session): a name, optionally who they are, and the code off the wall. */
export const lobbyAskRequest = z.strictObject({
  code,
  name: displayNameSchema,
  about: z.optional(about),
});
export type LobbyAskRequest = Wire<z.input<typeof lobbyAskRequest>>;

/** The asker's own secret for their request: only this device can see the answer. */
export const lobbyAskResponse = z.object({ token: z.string(), expiresAt: z.number() });
export type LobbyAskResponse = z.output<typeof lobbyAskResponse>;

/** `POST /api/lobby/status {token}` */
export const lobbyStatusRequest = z.strictObject({ token });
export type LobbyStatusRequest = Wire<z.input<typeof lobbyStatusRequest>>;

export const LOBBY_STATUSES = ['waiting', 'admitted', 'declined'] as const;
export type LobbyStatus = (typeof LOBBY_STATUSES)[number];

/**
 * Waiting, declined, or admitted with the one-person invite to open (`/api/invites/open`, as a
 * personal link); an unknown or expired request is 404 `not-found`.
 */
export const lobbyStatusResponse = z.object({
  status: z.enum(LOBBY_STATUSES),
  expiresAt: z.number(),
  invite: z.nullable(z.string().check(z.startsWith(INVITE_LINK_PREFIX))),
});
export type LobbyStatusResponse = z.output<typeof lobbyStatusResponse>;
