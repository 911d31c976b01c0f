/** What the person sees about the link to the server. */
export type ConnectionState = 'connecting' | 'connected' | 'synced' | 'offline' | 'denied';

export type ProviderEvent =
  | { readonly type: 'status'; readonly status: 'connecting' | 'connected' | 'disconnected' }
  | { readonly type: 'sync'; readonly synced: boolean }
  | { readonly type: 'closed' };

/**
 * Folds provider events into one state. Once the link was lost, retries keep saying "offline"
 * rather than flickering between offline and connecting every backoff step.
 */
export function nextConnectionState(current: ConnectionState, event: ProviderEvent): ConnectionState {
  if (current === 'denied') return 'denied';
  switch (event.type) {
    case 'closed':
      return 'denied';
    case 'sync':
      if (event.synced) return 'synced';
      return current === 'synced' ? 'connected' : current;
    case 'status':
      if (event.status === 'connected') return 'connected';
      if (event.status === 'disconnected') return 'offline';
      return current === 'offline' ? 'offline' : 'connecting';
  }
}
