import type { Actor, BoardState, ParticipantId } from '@kinmap/model';
import { CloseCode, REJECTED_MESSAGE_TYPE, restrictedRoomName, SYNC_PATH } from '@kinmap/protocol';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { wsUrl } from '../lib/api';
import { linkBoard } from '../offline/boardLink';
import { localBoards, localDocName } from '../offline/localBoards';
import { type BoardStore, createBoardStore, NO_BOARD, noBoard } from './boardStore';
import { mayOpenRestricted } from './bothDocuments';
import type { BoardSession, Me } from './useBoard';

export interface RestrictedBoard {
  /** Null for family, network and viewers (they never open it), and until it exists. */
  readonly session: BoardSession | null;
  /** The professionals-only cards, once the first sync (or this device's copy) brought them; null before. */
  readonly state: BoardState | null;
  /** This person's changes to it that the server has not confirmed yet. */
  readonly unsaved: number;
}

interface Opened {
  readonly session: BoardSession;
  readonly store: BoardStore;
  readonly unsaved: number;
}
/** Close codes after which this document is not opened again: access ended, board gone. */
const FINAL_CLOSES: ReadonlySet<number> = new Set([CloseCode.forbidden, CloseCode.unknownBoard]);

/**
 * The board's restricted document (professionals-only cards), opened only for facilitators and
 * practitioners, with the same connection as the main board: the session cookie, same origin.
 * No awareness is shared there (presence lives in the main room). Like the main board it has a
 * copy on this device (offline/boardLink.ts), wiped when access ends; a refused change (type
 * 100) wipes that copy and rebuilds the document from the server.
 */
export function useRestrictedBoard(boardId: string, me: Me): RestrictedBoard {
  const [opened, setOpened] = useState<Opened | null>(null);
  const state = useSyncExternalStore(
    opened?.store.subscribe ?? noBoard,
    opened?.store.getSnapshot ?? NO_BOARD,
  );
  const [generation, setGeneration] = useState(0);
  const { participantId, role } = me;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation rebuilds from a fresh doc after a refusal
  useEffect(() => {
    if (!mayOpenRestricted(role)) return;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(wsUrl(SYNC_PATH), restrictedRoomName(boardId), doc, {
      connect: false,
      disableBc: true,
    });
    provider.awareness.setLocalState(null);
    const session: BoardSession = {
      doc,
      provider,
      actor: { participantId: participantId as ParticipantId, role } satisfies Actor,
    };
    const localName = localDocName(boardId, participantId, 'restricted');
    let alive = true;
    let shown = false;
    let unsaved = 0;
    // Nothing shows before the first sync or this device's copy: held until then (boardStore.ts).
    const store = createBoardStore(doc, { hold: { shown: null, releaseOnChange: false } });
    const show = () => {
      if (!alive || shown) return;
      shown = true;
      store.release();
      setOpened({ session, store, unsaved });
    };
    const link = linkBoard({
      doc,
      provider,
      localName,
      onUnsaved: (count) => {
        unsaved = count;
        if (alive) localBoards.markUnsaved(boardId, participantId, 'restricted', count > 0);
        if (alive && shown) setOpened((current) => current && { ...current, unsaved: count });
      },
      onReady: (fromCopy) => {
        if (fromCopy) show();
      },
    });
    const stop = () => {
      link.stop();
      provider.disconnect();
    };
    const onSync = (isSynced: boolean) => {
      if (isSynced) show();
    };
    const onClosed = ({ code }: { code: number }) => {
      if (!FINAL_CLOSES.has(code)) return;
      stop();
      void localBoards.wipeDocument(localName);
    };
    // The main board wiped this board's copies (access ended, board gone): stop here too.
    const stopForgetting = localBoards.onForget((id) => {
      if (id === boardId) stop();
    });
    provider.messageHandlers[REJECTED_MESSAGE_TYPE] = () => {
      if (!alive) return;
      link.dropLocalCopy();
      void localBoards.wipeDocument(localName).then(() => {
        if (alive) setGeneration((g) => g + 1);
      });
    };
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    return () => {
      alive = false;
      stopForgetting();
      link.stop();
      store.destroy();
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.destroy();
      doc.destroy();
      setOpened(null);
    };
  }, [boardId, participantId, role, generation]);

  return { session: opened?.session ?? null, state: opened ? state : null, unsaved: opened?.unsaved ?? 0 };
}
