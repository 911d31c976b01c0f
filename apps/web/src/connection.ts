/** What the person sees about the link to the server. */
export type ConnectionState = 'connecting' | 'connected' | 'synced' | 'offline' | 'denied' | 'ended';

/** The server closes a member's sockets with this code when their access is revoked. */
export const ACCESS_REVOKED_CLOSE = 4403;
/**
 * The server ends a connection with this code right after refusing one of its changes (frame 100
 * first); the client then starts again from a fresh document, so this is not the end of the board.
 */
export const UPDATE_REFUSED_CLOSE = 4409;

export type ProviderEvent =
  | { readonly type: 'status'; readonly status: 'connecting' | 'connected' | 'disconnected' }
  | { readonly type: 'sync'; readonly synced: boolean }
  /** The server closed the socket for good (a 44xx code); the provider stops reconnecting. */
  | { readonly type: 'closed'; readonly code: number }
  /** The server no longer lets this person open the board (seen over HTTP). */
  | { readonly type: 'access-ended' };

/**
 * Folds provider events into one state; 'denied' and 'ended' are final. Once the link was lost, retries keep saying "offline"
 * rather than flickering between offline and connecting every backoff step.
 */
export function nextConnectionState(current: ConnectionState, event: ProviderEvent): ConnectionState {
  if (current === 'denied' || current === 'ended') return current;
  switch (event.type) {
    case 'closed':
      if (event.code === UPDATE_REFUSED_CLOSE) return 'connecting';
      return event.code === ACCESS_REVOKED_CLOSE ? 'ended' : 'denied';
    case 'access-ended':
      return 'ended';
    case 'sync':
      if (event.synced) return 'synced';
      return current === 'synced' ? 'connected' : current;
    case 'status':
      if (event.status === 'connected') return 'connected';
      if (event.status === 'disconnected') return 'offline';
      return current === 'offline' ? 'offline' : 'connecting';
  }
}
