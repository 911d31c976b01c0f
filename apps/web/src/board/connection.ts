import { CloseCode } from '@kinmap/protocol';
import type { MessageKey } from '../lib/messages';

/** What the person sees about the link to the server. */
export type ConnectionState = 'connecting' | 'connected' | 'synced' | 'offline' | 'denied' | 'ended';

export type ProviderEvent =
  | { readonly type: 'status'; readonly status: 'connecting' | 'connected' | 'disconnected' }
  | { readonly type: 'sync'; readonly synced: boolean }
  /** A connection attempt failed before the socket opened (offline, server down, upgrade refused). */
  | { readonly type: 'unreachable' }
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
      // A refused change (frame 100 first): the client starts again from a fresh document, so
      // this is not the end of the board. `forbidden` is a revoked member's close.
      if (event.code === CloseCode.refused) return 'connecting';
      return event.code === CloseCode.forbidden ? 'ended' : 'denied';
    case 'access-ended':
      return 'ended';
    case 'unreachable':
      return 'offline';
    case 'sync':
      if (event.synced) return 'synced';
      return current === 'synced' ? 'connected' : current;
    case 'status':
      if (event.status === 'connected') return 'connected';
      if (event.status === 'disconnected') return 'offline';
      return current === 'offline' ? 'offline' : 'connecting';
  }
}

/** The words for the link's state, given how many of this person's changes are not saved yet. */
export interface ConnectionWords {
  readonly key: MessageKey;
  readonly count?: number;
}

/**
 * "Up to date" only when the server has confirmed every change; "Saving…" while it has not, on a
 * live link; offline (or still connecting) with the number of changes kept on this device.
 */
export function connectionWords(state: ConnectionState, unsaved: number): ConnectionWords {
  if (unsaved > 0) {
    if (state === 'synced' || state === 'connected') return { key: 'offline.saving' };
    if (state === 'offline') return { key: 'offline.unsaved', count: unsaved };
    if (state === 'connecting') return { key: 'offline.connectingUnsaved', count: unsaved };
  }
  return { key: `status.${state}` };
}
