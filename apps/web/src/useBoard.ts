import { type Actor, type BoardState, type ParticipantId, type Role, readBoard } from '@kinmap/model';
import { useCallback, useEffect, useRef, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { fetchBoardAccess, wsUrl } from './api';
import { ROLE_COLORS } from './colors';
import {
  ACCESS_REVOKED_CLOSE,
  type ConnectionState,
  nextConnectionState,
  type ProviderEvent,
} from './connection';
import type { BoardPoint } from './geometry';
import type { MessageKey } from './messages';
import { type Peer, type Presence, readPeers } from './presence';
import { REJECTED_MESSAGE_TYPE, type Rejection, readRejection, rejectionMessage } from './rejection';
import { type Throttled, throttle } from './throttle';

export interface BoardSession {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly actor: Actor;
}

export interface Me {
  /** The server's member id for this person on this board: the id they write under. */
  readonly participantId: string;
  readonly name: string;
  readonly role: Role;
}

export interface UseBoardResult {
  readonly session: BoardSession | null;
  readonly state: BoardState | null;
  readonly status: ConnectionState;
  readonly peers: readonly Peer[];
  /** Shares this person's pointer with the others (about 20 times a second at most). */
  readonly setCursor: (point: BoardPoint | null) => void;
  /** Why the board was just loaded again: the server refused one of this person's changes. */
  readonly notice: MessageKey | null;
  readonly dismissNotice: () => void;
}

const CURSOR_INTERVAL_MS = 50;
/** After a lost connection, asks the server at most this often whether the board still opens. */
const ACCESS_CHECK_INTERVAL_MS = 5000;

/**
 * Whether a failed (re)connection means the person's access ended: revoked while offline, the
 * upgrade answers 403 and the socket never opens, so the close code cannot say it.
 */
function watchAccess(boardId: string, ended: () => void): { check: () => void; stop: () => void } {
  let last = 0;
  let stopped = false;
  return {
    check() {
      const now = Date.now();
      if (stopped || now - last < ACCESS_CHECK_INTERVAL_MS) return;
      last = now;
      void fetchBoardAccess(boardId).then((result) => {
        if (!stopped && !result.ok && (result.reason === 'unauthorized' || result.reason === 'forbidden')) {
          ended();
        }
      });
    },
    stop() {
      stopped = true;
    },
  };
}

/**
 * Owns one board's Y.Doc and WebSocket provider for as long as the component is mounted:
 * created on mount, destroyed (provider first, then doc) on unmount or when the board changes.
 * The socket authenticates with the session cookie (same origin): no secret in its address.
 * When the server refuses a change, the doc still holds it, so the session is rebuilt from a
 * fresh doc (the screen around it stays as it was).
 */
export function useBoard(boardId: string, me: Me): UseBoardResult {
  const [session, setSession] = useState<BoardSession | null>(null);
  const [state, setState] = useState<BoardState | null>(null);
  const [status, setStatus] = useState<ConnectionState>('connecting');
  const [peers, setPeers] = useState<readonly Peer[]>([]);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [generation, setGeneration] = useState(0);
  const cursorRef = useRef<Throttled<BoardPoint | null> | null>(null);
  const { participantId, name, role } = me;

  useEffect(() => {
    const doc = new Y.Doc();
    // No BroadcastChannel: every change must pass the server's permission checks, even between
    // two tabs of one browser holding different roles.
    const provider = new WebsocketProvider(wsUrl('/sync'), boardId, doc, {
      connect: false,
      disableBc: true,
    });
    const actor: Actor = { participantId: participantId as ParticipantId, role };
    const presence: Presence = { participantId, name, role, color: ROLE_COLORS[role], cursor: null };
    provider.awareness.setLocalState(presence);
    let alive = true;
    let rebuilding = false;

    // Read synchronously: a local change and the selection it causes (a new card opening in
    // the editor) must reach React in the same batch. A whole sync step is one transaction anyway.
    const onDocUpdate = () => {
      if (alive) setState(readBoard(doc));
    };
    const onProvider = (event: ProviderEvent) => setStatus((current) => nextConnectionState(current, event));
    const onStatus = ({ status: s }: { status: 'connecting' | 'connected' | 'disconnected' }) =>
      onProvider({ type: 'status', status: s });
    // No participants entry from here: the server writes each member's name and role from the
    // member record when they connect (SPEC [AC17]); a client's own entry would be refused.
    const onSync = (synced: boolean) => onProvider({ type: 'sync', synced });
    const access = watchAccess(boardId, () => {
      onProvider({ type: 'access-ended' });
      provider.disconnect();
    });
    const onClosed = ({ code }: { code: number; reason: string }) => {
      onProvider({ type: 'closed', code });
      // The provider stops by itself on a 44xx code; disconnecting also stops its timers.
      if (code === ACCESS_REVOKED_CLOSE) provider.disconnect();
    };
    // A 44xx close says why by itself ('closed' below); any other loss may hide a revocation.
    const onConnectionClose = (event: CloseEvent | null) => {
      const final = event !== null && event.code >= 4400 && event.code < 4500;
      if (alive && !final) access.check();
    };
    const onRejected = (rejection: Rejection | null) => {
      if (!alive || rebuilding) return;
      rebuilding = true;
      setNotice(rejectionMessage(rejection));
      // Not from inside the provider's message handler: the rebuild destroys this provider.
      setTimeout(() => setGeneration((g) => g + 1), 0);
    };
    // Registered, so the official client does not log "Unable to compute message" for it.
    provider.messageHandlers[REJECTED_MESSAGE_TYPE] = (_encoder, decoder) =>
      onRejected(readRejection(decoder));
    const onAwareness = () => setPeers(readPeers(provider.awareness.getStates(), doc.clientID));

    doc.on('update', onDocUpdate);
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    provider.on('connection-close', onConnectionClose);
    provider.awareness.on('change', onAwareness);
    const cursor = throttle((point: BoardPoint | null) => {
      provider.awareness.setLocalStateField('cursor', point ? { x: point.x, y: point.y } : null);
    }, CURSOR_INTERVAL_MS);
    cursorRef.current = cursor;
    // A rebuild keeps showing the last board until the fresh doc has synced.
    if (generation === 0) setState(readBoard(doc));
    setStatus('connecting');
    setSession({ doc, provider, actor });
    // Connecting one task later lets React's development double-mount cancel the first
    // provider before it opens a socket.
    const connectTimer = setTimeout(() => provider.connect(), 0);

    return () => {
      alive = false;
      access.stop();
      clearTimeout(connectTimer);
      cursor.cancel();
      cursorRef.current = null;
      provider.awareness.off('change', onAwareness);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.off('connection-close', onConnectionClose);
      doc.off('update', onDocUpdate);
      provider.destroy();
      doc.destroy();
      setSession(null);
      setPeers([]);
    };
  }, [boardId, participantId, name, role, generation]);

  const setCursor = useCallback((point: BoardPoint | null) => cursorRef.current?.(point), []);
  const dismissNotice = useCallback(() => setNotice(null), []);
  return { session, state, status, peers, setCursor, notice, dismissNotice };
}
