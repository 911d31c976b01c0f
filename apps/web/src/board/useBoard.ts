import type { Actor, BoardState, ParticipantId, Role } from '@kinmap/model';
import { CloseCode, REJECTED_MESSAGE_TYPE, type Rejection, readRejected, SYNC_PATH } from '@kinmap/protocol';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ROLE_COLORS } from '../canvas/colors';
import type { Pointer } from '../canvas/pointer';
import { fetchBoardAccess, wsUrl } from '../lib/api';
import type { MessageKey } from '../lib/messages';
import { type Throttled, throttle } from '../lib/throttle';
import { type AccessEnd, watchAccess } from '../offline/accessWatch';
import { linkBoard } from '../offline/boardLink';
import { localBoards, localDocName } from '../offline/localBoards';
import { type BoardStore, createBoardStore, NO_BOARD, noBoard } from './boardStore';
import { type ConnectionState, nextConnectionState, type ProviderEvent } from './connection';
import {
  type AwarenessChange,
  type Peer,
  type Presence,
  readPeers,
  touchesOthers,
} from './presence/presence';
import { rejectionMessage } from './refusedChange';

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
  readonly setCursor: (pointer: Pointer | null) => void;
  /** Why the board was just loaded again: the server refused one of this person's changes. */
  readonly notice: MessageKey | null;
  readonly dismissNotice: () => void;
  /** This person's changes the server has not confirmed yet (offline/pendingChanges.ts). */
  readonly unsaved: number;
  /** Once `status` is 'ended': what to tell the person (access ended, unsaved work lost, board gone). */
  readonly ending: MessageKey | null;
}

const CURSOR_INTERVAL_MS = 50;

/** What the person is told when the board ends for them, and whether their unsaved work was lost. */
function endingMessage(why: AccessEnd, unsaved: number): MessageKey {
  if (why === 'gone') return 'offline.gone';
  return unsaved > 0 ? 'offline.endedUnsaved' : 'access.ended';
}

/**
 * Owns one board's Y.Doc and WebSocket provider for as long as the component is mounted:
 * created on mount, destroyed (provider first, then doc) on unmount or when the board changes.
 * The socket authenticates with the session cookie (same origin): no secret in its address.
 *
 * The doc also lives on this device (offline/boardLink.ts): loaded before the first connection,
 * so a reload while offline still shows the board, and changes made offline are sent when the
 * link is back. That copy is wiped when the person's access ends (4403, or the board's route
 * answers 401/403), when the board is gone (404), and when the server refuses a change (4409):
 * the doc and its copy then hold a change the board never will, so the session is rebuilt from a
 * fresh doc (the screen around it stays as it was).
 */
export function useBoard(boardId: string, me: Me): UseBoardResult {
  const [session, setSession] = useState<BoardSession | null>(null);
  const [store, setStore] = useState<BoardStore | null>(null);
  // What a rebuilt session keeps showing until its fresh document has synced.
  const lastShown = useRef<BoardState | null>(null);
  const state = useSyncExternalStore(store?.subscribe ?? noBoard, store?.getSnapshot ?? NO_BOARD);
  const [status, setStatus] = useState<ConnectionState>('connecting');
  const [peers, setPeers] = useState<readonly Peer[]>([]);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [unsaved, setUnsaved] = useState(0);
  const [ending, setEnding] = useState<MessageKey | null>(null);
  const [generation, setGeneration] = useState(0);
  const cursorRef = useRef<Throttled<Pointer | null> | null>(null);
  const { participantId, name, role } = me;

  useEffect(() => {
    const doc = new Y.Doc();
    // No BroadcastChannel: every change must pass the server's permission checks, even between
    // two tabs of one browser holding different roles.
    const provider = new WebsocketProvider(wsUrl(SYNC_PATH), boardId, doc, {
      connect: false,
      disableBc: true,
    });
    const actor: Actor = { participantId: participantId as ParticipantId, role };
    const presence: Presence = { participantId, name, role, color: ROLE_COLORS[role], cursor: null };
    provider.awareness.setLocalState(presence);
    const localName = localDocName(boardId, participantId, 'shared');
    // Listed before the copy is written, so every copy on the device can be found and wiped.
    localBoards.remember({ boardId, memberId: participantId, role, name });
    let alive = true;
    let rebuilding = false;

    // The board for React: read incrementally, published after each change, never inside it
    // (boardStore.ts). A rebuild keeps showing the last board until the fresh doc has changes.
    const boardStore = createBoardStore(
      doc,
      generation === 0 ? {} : { hold: { shown: lastShown.current, releaseOnChange: true } },
    );
    const onProvider = (event: ProviderEvent) => setStatus((current) => nextConnectionState(current, event));
    const onStatus = ({ status: s }: { status: 'connecting' | 'connected' | 'disconnected' }) =>
      onProvider({ type: 'status', status: s });
    // No participants entry from here: the server writes each member's name and role from the
    // member record when they connect (SPEC [AC17]); a client's own entry would be refused.
    const onSync = (synced: boolean) => onProvider({ type: 'sync', synced });

    const end = (why: AccessEnd) => {
      if (!alive || rebuilding) return;
      rebuilding = true;
      setEnding(endingMessage(why, link.unsaved()));
      onProvider({ type: 'access-ended' });
      // Nothing kept here may reach the board later, and nothing of it stays on the device.
      link.stop();
      provider.disconnect();
      void localBoards.forgetBoard(boardId, why === 'gone' ? undefined : participantId);
    };
    const access = watchAccess({ fetchAccess: () => fetchBoardAccess(boardId), ended: end });
    const link = linkBoard({
      doc,
      provider,
      localName,
      onUnsaved: (count) => {
        if (!alive) return;
        setUnsaved(count);
        localBoards.markUnsaved(boardId, participantId, 'shared', count > 0);
      },
      onAttemptFailed: ({ opened }) => {
        if (!opened) onProvider({ type: 'unreachable' });
        // A close without a 44xx code may hide a revocation: the upgrade is refused before any code.
        access.check();
      },
      onOnline: () => access.check({ force: true }),
    });
    const onClosed = ({ code }: { code: number; reason: string }) => {
      if (code === CloseCode.forbidden) end('revoked');
      else if (code === CloseCode.unknownBoard) end('gone');
      else onProvider({ type: 'closed', code });
    };
    const onRejected = (rejection: Rejection | null) => {
      if (!alive || rebuilding) return;
      rebuilding = true;
      setNotice(rejectionMessage(rejection));
      // The copy holds the refused change too: let go of it, wipe it, then start again from the
      // server (not from inside the provider's message handler: the rebuild destroys this provider).
      link.dropLocalCopy();
      void localBoards.wipeDocument(localName).then(() => {
        if (alive) setGeneration((g) => g + 1);
      });
    };
    // Registered, so the official client does not log "Unable to compute message" for it.
    provider.messageHandlers[REJECTED_MESSAGE_TYPE] = (_encoder, decoder) =>
      onRejected(readRejected(decoder));
    // Others' presence only: this browser's own (its view shared on every layout, its cursor, what it
    // selects or edits) changes the list of peers not at all, and re-rendering the board screen for
    // it cost every keystroke a second render.
    const onAwareness = (change: AwarenessChange) => {
      if (!touchesOthers(change, doc.clientID)) return;
      setPeers(readPeers(provider.awareness.getStates(), doc.clientID));
    };

    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    provider.awareness.on('change', onAwareness);
    const cursor = throttle((pointer: Pointer | null) => {
      provider.awareness.setLocalStateField('cursor', pointer);
    }, CURSOR_INTERVAL_MS);
    cursorRef.current = cursor;
    setStore(boardStore);
    setStatus('connecting');
    setUnsaved(0);
    setSession({ doc, provider, actor });

    return () => {
      alive = false;
      access.stop();
      // Before the provider goes: its last 'connection-close' must not schedule a reconnection.
      link.stop();
      lastShown.current = boardStore.getSnapshot();
      boardStore.destroy();
      cursor.cancel();
      cursorRef.current = null;
      provider.awareness.off('change', onAwareness);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.destroy();
      doc.destroy();
      setSession(null);
      setPeers([]);
    };
  }, [boardId, participantId, name, role, generation]);

  const setCursor = useCallback((pointer: Pointer | null) => cursorRef.current?.(pointer), []);
  const dismissNotice = useCallback(() => setNotice(null), []);
  return { session, state, status, peers, setCursor, notice, dismissNotice, unsaved, ending };
}
