import { type Actor, type BoardState, type ParticipantId, readBoard } from '@kinmap/model';
import { CloseCode, REJECTED_MESSAGE_TYPE, restrictedRoomName, SYNC_PATH } from '@kinmap/protocol';
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { wsUrl } from '../lib/api';
import { linkBoard } from '../offline/boardLink';
import { localBoards, localDocName } from '../offline/localBoards';
import { createBoardPublisher } from './boardPublisher';
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

const CLOSED: RestrictedBoard = { session: null, state: null, unsaved: 0 };
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
  const [board, setBoard] = useState<RestrictedBoard>(CLOSED);
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
    const publisher = createBoardPublisher(() => {
      if (alive && shown) setBoard({ session, state: readBoard(doc), unsaved });
    });
    const show = () => {
      shown = true;
      publisher.now();
    };
    const link = linkBoard({
      doc,
      provider,
      localName,
      onUnsaved: (count) => {
        unsaved = count;
        if (alive) localBoards.markUnsaved(boardId, participantId, 'restricted', count > 0);
        if (alive && shown) setBoard((current) => ({ ...current, unsaved: count }));
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
    const onDocUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) =>
      publisher.changed(tr);
    doc.on('update', onDocUpdate);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    return () => {
      alive = false;
      stopForgetting();
      link.stop();
      publisher.cancel();
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      doc.off('update', onDocUpdate);
      provider.destroy();
      doc.destroy();
      setBoard(CLOSED);
    };
  }, [boardId, participantId, role, generation]);

  return board;
}
