import type { Role } from '@kinmap/model';
import { hashSecret, isSecretShaped, newSecret } from './secrets.js';

/** Who a ticket admits: one member on one board, from one session. */
export interface TicketGrant {
  readonly boardId: string;
  readonly memberId: string;
  readonly role: Role;
  readonly sessionId: string | null;
}

/** Whether a member may have another ticket now; when not, whose bound it hit and when to retry. */
export type TicketAllowance =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'member-limit' | 'server-full'; readonly retryAfterS: number };

export interface Tickets {
  /** A single-use ticket for the WebSocket upgrade, valid `ttlMs` (≤ 60 s). Ask `allows` first. */
  issue(grant: TicketGrant): { readonly ticket: string; readonly expiresAt: number };
  /** The grant of an unexpired, unused ticket for this board; the ticket is spent either way. */
  redeem(ticket: string, boardId: string): TicketGrant | null;
  /** Whether `memberId` may get another ticket: under its own bound and the server's. */
  allows(memberId: string): TicketAllowance;
  /** Voids a member's outstanding tickets (revocation); returns how many. */
  voidMember(memberId: string): number;
  /** Voids the tickets issued to a session (logout, a new sign-in); returns how many. */
  voidSession(sessionId: string): number;
  size(): number;
}

export interface TicketOptions {
  readonly now?: () => number;
  readonly ttlMs?: number;
  /** Outstanding tickets beyond this are refused until some expire (memory bound). */
  readonly maxOutstanding?: number;
  /** Outstanding tickets of one member beyond this are refused, so nobody drains the server's pool. */
  readonly maxPerMember?: number;
}

export const TICKET_TTL_MS = 60_000;
/** A person's devices and tabs, each a shared and a restricted socket, reconnecting: well under 32 a minute. */
export const DEFAULT_TICKETS_PER_MEMBER = 32;

type Entry = TicketGrant & { readonly expiresAt: number };

/**
 * Tickets live in memory only: a restart invalidates them, which costs a client one retry.
 * Keys are SHA-256 hashes, so a heap dump holds no usable ticket. Expired tickets are swept on
 * every issue, so the map never outgrows a minute of requests.
 */
export function createTickets({
  now = Date.now,
  ttlMs = TICKET_TTL_MS,
  maxOutstanding = 10_000,
  maxPerMember = DEFAULT_TICKETS_PER_MEMBER,
}: TicketOptions = {}): Tickets {
  const outstanding = new Map<string, Entry>();
  const perMember = new Map<string, number>();
  const drop = (key: string, entry: Entry): void => {
    outstanding.delete(key);
    const left = (perMember.get(entry.memberId) ?? 1) - 1;
    if (left > 0) perMember.set(entry.memberId, left);
    else perMember.delete(entry.memberId);
  };
  const dropWhere = (matches: (entry: Entry) => boolean): number => {
    let dropped = 0;
    for (const [key, entry] of outstanding) {
      if (!matches(entry)) continue;
      drop(key, entry);
      dropped++;
    }
    return dropped;
  };
  const sweep = (): void => {
    const at = now();
    dropWhere((entry) => entry.expiresAt <= at);
  };
  /** Seconds until the earliest of these tickets expires (Map order is issue order). */
  const retryAfter = (matches: (entry: Entry) => boolean): number => {
    for (const entry of outstanding.values()) {
      if (matches(entry)) return Math.max(1, Math.ceil((entry.expiresAt - now()) / 1000));
    }
    return 1;
  };
  return {
    issue(grant) {
      sweep();
      const { secret: ticket, hash } = newSecret();
      const expiresAt = now() + Math.min(ttlMs, TICKET_TTL_MS);
      outstanding.set(hash.toString('hex'), { ...grant, expiresAt });
      perMember.set(grant.memberId, (perMember.get(grant.memberId) ?? 0) + 1);
      return { ticket, expiresAt };
    },
    redeem(ticket, boardId) {
      if (!isSecretShaped(ticket)) return null;
      const key = hashSecret(ticket).toString('hex');
      const entry = outstanding.get(key);
      if (!entry) return null;
      drop(key, entry);
      if (entry.expiresAt <= now() || entry.boardId !== boardId) return null;
      const { expiresAt: _expiresAt, ...grant } = entry;
      return grant;
    },
    allows(memberId) {
      sweep();
      if ((perMember.get(memberId) ?? 0) >= maxPerMember) {
        const retryAfterS = retryAfter((entry) => entry.memberId === memberId);
        return { ok: false, reason: 'member-limit', retryAfterS };
      }
      if (outstanding.size >= maxOutstanding) {
        return { ok: false, reason: 'server-full', retryAfterS: retryAfter(() => true) };
      }
      return { ok: true };
    },
    voidMember: (memberId) => dropWhere((entry) => entry.memberId === memberId),
    voidSession: (sessionId) => dropWhere((entry) => entry.sessionId === sessionId),
    size: () => outstanding.size,
  };
}
