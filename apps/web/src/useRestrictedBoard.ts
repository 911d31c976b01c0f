import { type Actor, type BoardState, type ParticipantId, readBoard } from '@kinmap/model';
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { wsUrl } from './api';
import { REJECTED_MESSAGE_TYPE } from './rejection';
import { mayOpenRestricted, restrictedRoomName } from './restricted';
import type { BoardSession, Me } from './useBoard';

export interface RestrictedBoard {
  /** Null for family, network and viewers (they never open it), and until it exists. */
  readonly session: BoardSession | null;
  /** The professionals-only cards, once the first sync brought them; null before. */
  readonly state: BoardState | null;
}

const CLOSED: RestrictedBoard = { session: null, state: null };

/**
 * The board's restricted document (professionals-only cards), opened only for facilitators and
 * practitioners, with the same connection as the main board: the session cookie, same origin.
 * No awareness is shared there (presence lives in the main room). A refused change (type 100)
 * rebuilds it from a fresh doc, as the main board does.
 */
export function useRestrictedBoard(boardId: string, me: Me): RestrictedBoard {
  const [board, setBoard] = useState<RestrictedBoard>(CLOSED);
  const [generation, setGeneration] = useState(0);
  const { participantId, role } = me;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation rebuilds from a fresh doc after a refusal
  useEffect(() => {
    if (!mayOpenRestricted(role)) return;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(wsUrl('/sync'), restrictedRoomName(boardId), doc, {
      connect: false,
      disableBc: true,
    });
    provider.awareness.setLocalState(null);
    const session: BoardSession = {
      doc,
      provider,
      actor: { participantId: participantId as ParticipantId, role } satisfies Actor,
    };
    let alive = true;
    let synced = false;
    const publish = () => {
      if (alive && synced) setBoard({ session, state: readBoard(doc) });
    };
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      synced = true;
      publish();
    };
    provider.messageHandlers[REJECTED_MESSAGE_TYPE] = () => {
      if (alive) setTimeout(() => setGeneration((g) => g + 1), 0);
    };
    doc.on('update', publish);
    provider.on('sync', onSync);
    const connectTimer = setTimeout(() => provider.connect(), 0);
    return () => {
      alive = false;
      clearTimeout(connectTimer);
      provider.off('sync', onSync);
      doc.off('update', publish);
      provider.destroy();
      doc.destroy();
      setBoard(CLOSED);
    };
  }, [boardId, participantId, role, generation]);

  return board;
}
