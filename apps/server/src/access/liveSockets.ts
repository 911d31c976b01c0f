import { ACCESS_REVOKED_REASON, CloseCode } from '@kinmap/protocol';

/** A live connection as revocation sees it: who holds it and how to end it. */
export interface LiveSocket {
  readonly memberId: string | null;
  readonly sessionId: string | null;
  /** The room it is joined to (absent in tests of revocation alone). */
  readonly room?: string;
  close(code: number, reason: string): void;
}

export interface LiveSockets {
  /** Registers a connection; call the returned function when it closes. */
  add(socket: LiveSocket): () => void;
  /** Closes every connection of a member with 4403 "access revoked"; returns how many. */
  closeMember(memberId: string): number;
  /**
   * Closes the connections to one room whose member `keep` no longer admits (a child's changed
   * choice, [CT3]) with 4403 and `reason`; returns how many.
   */
  closeInRoom(room: string, keep: (memberId: string | null) => boolean, reason: string): number;
  /** Closes every connection opened from a session (logout, session revoked). */
  closeSession(sessionId: string): number;
  /** False once the member holds `maxPerMember` open sockets: the upgrade refuses another (429). */
  admits(memberId: string): boolean;
  /** Open sockets of one member. */
  countMember(memberId: string): number;
  size(): number;
}

export interface LiveSocketsOptions {
  /** Open sockets one member may hold at once (all boards, both rooms); Infinity: no bound. */
  readonly maxPerMember?: number;
}

/** A person's phone, laptop and a wall, a few tabs each, each tab a shared and a restricted socket. */
export const DEFAULT_SOCKETS_PER_MEMBER = 16;

/** WebSocket close code and reason for a revoked member or session. */
export const REVOKED_CLOSE = { code: CloseCode.forbidden, reason: ACCESS_REVOKED_REASON } as const;

/**
 * The server's index of live sockets by member and by session, so revoking access closes the
 * person's open board at once instead of at their next reconnect.
 */
export function createLiveSockets({
  maxPerMember = DEFAULT_SOCKETS_PER_MEMBER,
}: LiveSocketsOptions = {}): LiveSockets {
  const sockets = new Set<LiveSocket>();
  // Kept beside the set, so the upgrade's check does not walk every socket of the server.
  const perMember = new Map<string, number>();
  const remove = (socket: LiveSocket): void => {
    if (!sockets.delete(socket) || socket.memberId === null) return;
    const left = (perMember.get(socket.memberId) ?? 1) - 1;
    if (left > 0) perMember.set(socket.memberId, left);
    else perMember.delete(socket.memberId);
  };
  const closeWhere = (
    matches: (socket: LiveSocket) => boolean,
    reason: string = REVOKED_CLOSE.reason,
  ): number => {
    let closed = 0;
    for (const socket of [...sockets]) {
      if (!matches(socket)) continue;
      remove(socket);
      socket.close(REVOKED_CLOSE.code, reason);
      closed++;
    }
    return closed;
  };
  const countMember = (memberId: string): number => perMember.get(memberId) ?? 0;
  return {
    add(socket) {
      if (!sockets.has(socket)) {
        sockets.add(socket);
        if (socket.memberId !== null) perMember.set(socket.memberId, countMember(socket.memberId) + 1);
      }
      return () => remove(socket);
    },
    closeMember: (memberId) => closeWhere((socket) => socket.memberId === memberId),
    closeInRoom: (room, keep, reason) =>
      closeWhere((socket) => socket.room === room && !keep(socket.memberId), reason),
    closeSession: (sessionId) => closeWhere((socket) => socket.sessionId === sessionId),
    admits: (memberId) => countMember(memberId) < maxPerMember,
    countMember,
    size: () => sockets.size,
  };
}
