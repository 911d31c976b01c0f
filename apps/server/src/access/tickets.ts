import type { Role } from '@kinmap/model';
import { hashSecret, isSecretShaped, newSecret } from './secrets.js';

/** Who a ticket admits: one member on one board, from one session. */
export interface TicketGrant {
  readonly boardId: string;
  readonly memberId: string;
  readonly role: Role;
  readonly sessionId: string | null;
}

export interface Tickets {
  /** A single-use ticket for the WebSocket upgrade, valid `ttlMs` (≤ 60 s). */
  issue(grant: TicketGrant): { readonly ticket: string; readonly expiresAt: number };
  /** The grant of an unexpired, unused ticket for this board; the ticket is spent either way. */
  redeem(ticket: string, boardId: string): TicketGrant | null;
  size(): number;
}

export interface TicketOptions {
  readonly now?: () => number;
  readonly ttlMs?: number;
  /** Outstanding tickets beyond this are refused until some expire (memory bound). */
  readonly maxOutstanding?: number;
}

export const TICKET_TTL_MS = 60_000;

/**
 * Tickets live in memory only: a restart invalidates them, which costs a client one retry.
 * Keys are SHA-256 hashes, so a heap dump holds no usable ticket. Expired tickets are swept on
 * every issue, so the map never outgrows a minute of requests.
 */
export function createTickets({
  now = Date.now,
  ttlMs = TICKET_TTL_MS,
  maxOutstanding = 10_000,
}: TicketOptions = {}): Tickets & { readonly full: () => boolean } {
  const outstanding = new Map<string, TicketGrant & { expiresAt: number }>();
  const sweep = (): void => {
    const at = now();
    for (const [key, entry] of outstanding) if (entry.expiresAt <= at) outstanding.delete(key);
  };
  return {
    issue(grant) {
      sweep();
      const { secret: ticket, hash } = newSecret();
      const expiresAt = now() + Math.min(ttlMs, TICKET_TTL_MS);
      outstanding.set(hash.toString('hex'), { ...grant, expiresAt });
      return { ticket, expiresAt };
    },
    redeem(ticket, boardId) {
      if (!isSecretShaped(ticket)) return null;
      const key = hashSecret(ticket).toString('hex');
      const entry = outstanding.get(key);
      outstanding.delete(key);
      if (!entry || entry.expiresAt <= now() || entry.boardId !== boardId) return null;
      const { expiresAt: _expiresAt, ...grant } = entry;
      return grant;
    },
    size: () => outstanding.size,
    full() {
      sweep();
      return outstanding.size >= maxOutstanding;
    },
  };
}
