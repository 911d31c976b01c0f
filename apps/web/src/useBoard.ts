import {
  type Actor,
  type BoardState,
  type ParticipantId,
  type Role,
  readBoard,
  registerParticipant,
} from '@kinmap/model';
import { useCallback, useEffect, useRef, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { wsUrl } from './api';
import { ROLE_COLORS } from './colors';
import { type ConnectionState, nextConnectionState, type ProviderEvent } from './connection';
import type { BoardPoint } from './geometry';
import { type Peer, type Presence, readPeers } from './presence';
import { type Throttled, throttle } from './throttle';

export interface BoardSession {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly actor: Actor;
}

export interface Me {
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
}

const CURSOR_INTERVAL_MS = 50;

/**
 * Owns one board's Y.Doc and WebSocket provider for as long as the component is mounted:
 * created on mount, destroyed (provider first, then doc) on unmount or when the board changes.
 */
export function useBoard(boardId: string, token: string, me: Me): UseBoardResult {
  const [session, setSession] = useState<BoardSession | null>(null);
  const [state, setState] = useState<BoardState | null>(null);
  const [status, setStatus] = useState<ConnectionState>('connecting');
  const [peers, setPeers] = useState<readonly Peer[]>([]);
  const cursorRef = useRef<Throttled<BoardPoint | null> | null>(null);
  const { participantId, name, role } = me;

  useEffect(() => {
    const doc = new Y.Doc();
    // No BroadcastChannel: every change must pass the server's permission checks, even between
    // two tabs of one browser holding different roles.
    const provider = new WebsocketProvider(wsUrl('/sync'), boardId, doc, {
      params: { token },
      connect: false,
      disableBc: true,
    });
    const actor: Actor = { participantId: participantId as ParticipantId, role };
    const presence: Presence = { participantId, name, role, color: ROLE_COLORS[role], cursor: null };
    provider.awareness.setLocalState(presence);
    let alive = true;
    let registered = false;

    // Read synchronously: a local change and the selection it causes (a new card opening in
    // the editor) must reach React in the same batch. A whole sync step is one transaction anyway.
    const onDocUpdate = () => {
      if (alive) setState(readBoard(doc));
    };
    const onProvider = (event: ProviderEvent) => setStatus((current) => nextConnectionState(current, event));
    const onStatus = ({ status: s }: { status: 'connecting' | 'connected' | 'disconnected' }) =>
      onProvider({ type: 'status', status: s });
    const onSync = (synced: boolean) => {
      onProvider({ type: 'sync', synced });
      // Register after the first sync so the entry merges into the board the server holds;
      // a viewer's writes are dropped by the server, so a viewer is only shown through awareness.
      if (synced && !registered && role !== 'viewer') {
        registered = true;
        registerParticipant(doc, { id: actor.participantId, displayName: name, role });
      }
    };
    const onClosed = () => onProvider({ type: 'closed' });
    const onAwareness = () => setPeers(readPeers(provider.awareness.getStates(), doc.clientID));

    doc.on('update', onDocUpdate);
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    provider.awareness.on('change', onAwareness);
    const cursor = throttle((point: BoardPoint | null) => {
      provider.awareness.setLocalStateField('cursor', point ? { x: point.x, y: point.y } : null);
    }, CURSOR_INTERVAL_MS);
    cursorRef.current = cursor;
    setState(readBoard(doc));
    setStatus('connecting');
    setSession({ doc, provider, actor });
    // Connecting one task later lets React's development double-mount cancel the first
    // provider before it opens a socket.
    const connectTimer = setTimeout(() => provider.connect(), 0);

    return () => {
      alive = false;
      clearTimeout(connectTimer);
      cursor.cancel();
      cursorRef.current = null;
      provider.awareness.off('change', onAwareness);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      doc.off('update', onDocUpdate);
      provider.destroy();
      doc.destroy();
      setSession(null);
      setPeers([]);
    };
  }, [boardId, token, participantId, name, role]);

  const setCursor = useCallback((point: BoardPoint | null) => cursorRef.current?.(point), []);
  return { session, state, status, peers, setCursor };
}
