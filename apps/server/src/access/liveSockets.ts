import { ACCESS_REVOKED_REASON, CloseCode } from '@kinmap/protocol';

/** A live connection as revocation sees it: who holds it and how to end it. */
export interface LiveSocket {
  readonly memberId: string | null;
  readonly sessionId: string | null;
  close(code: number, reason: string): void;
}

export interface LiveSockets {
  /** Registers a connection; call the returned function when it closes. */
  add(socket: LiveSocket): () => void;
  /** Closes every connection of a member with 4403 "access revoked"; returns how many. */
  closeMember(memberId: string): number;
  /** Closes every connection opened from a session (logout, session revoked). */
  closeSession(sessionId: string): number;
  size(): number;
}

/** WebSocket close code and reason for a revoked member or session. */
export const REVOKED_CLOSE = { code: CloseCode.forbidden, reason: ACCESS_REVOKED_REASON } as const;

/**
 * The server's index of live sockets by member and by session, so revoking access closes the
 * person's open board at once instead of at their next reconnect.
 */
export function createLiveSockets(): LiveSockets {
  const sockets = new Set<LiveSocket>();
  const closeWhere = (matches: (socket: LiveSocket) => boolean): number => {
    let closed = 0;
    for (const socket of [...sockets]) {
      if (!matches(socket)) continue;
      sockets.delete(socket);
      socket.close(REVOKED_CLOSE.code, REVOKED_CLOSE.reason);
      closed++;
    }
    return closed;
  };
  return {
    add(socket) {
      sockets.add(socket);
      return () => void sockets.delete(socket);
    },
    closeMember: (memberId) => closeWhere((socket) => socket.memberId === memberId),
    closeSession: (sessionId) => closeWhere((socket) => socket.sessionId === sessionId),
    size: () => sockets.size,
  };
}
