import type { ChildToolState } from '@kinmap/model';
import { CloseCode, childToolRoomName, REJECTED_MESSAGE_TYPE, SYNC_PATH } from '@kinmap/protocol';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { wsUrl } from '../lib/api';
import { driveReconnection } from '../offline/reconnect';
import { type ChildToolStore, createChildToolStore, NO_TOOL, noTool } from './childToolStore';

/**
 * `connecting` until the first sync; `live` while synced; `offline` while the link is down after
 * that; `not-shared` once the child's choice leaves this person out; `gone` when the tool (or the
 * board) is no longer there.
 */
export type ChildToolStatus = 'connecting' | 'live' | 'offline' | 'not-shared' | 'gone';

export interface OpenedChildTool {
  /** The tool's document, to write to; null before it opens and once it is closed. */
  readonly doc: Y.Doc | null;
  /** The tool as it stands; null before the first sync brought the server's meta. */
  readonly state: ChildToolState | null;
  readonly status: ChildToolStatus;
}

type Ending = 'not-shared' | 'gone';

/**
 * Opens one child's tool: its own document in its own room (`/sync/<board>/child/<tool>`), with the
 * board's session cookie. Unlike the board it is never kept on this device (no local copy, no
 * stash): a child's work lives only in memory while the screen is open. When the child's choice no
 * longer admits this person the server closes the socket with 4403; the document is then dropped
 * at once (provider and doc destroyed) and only the calm message remains. A change the server
 * refused (4409) starts again from a fresh document.
 */
export function useChildTool(boardId: string, toolId: string): OpenedChildTool {
  const [opened, setOpened] = useState<{ readonly doc: Y.Doc; readonly store: ChildToolStore } | null>(null);
  const [status, setStatus] = useState<ChildToolStatus>('connecting');
  const [ending, setEnding] = useState<Ending | null>(null);
  const [generation, setGeneration] = useState(0);
  const state = useSyncExternalStore(opened?.store.subscribe ?? noTool, opened?.store.getSnapshot ?? NO_TOOL);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation starts again from a fresh doc after a refusal
  useEffect(() => {
    if (ending !== null) {
      setStatus(ending);
      return;
    }
    const doc = new Y.Doc();
    // No BroadcastChannel: another tab gets its copy from the server, after the server's checks.
    const provider = new WebsocketProvider(wsUrl(SYNC_PATH), childToolRoomName(boardId, toolId), doc, {
      connect: false,
      disableBc: true,
    });
    // Nobody's presence in a child's tool: the board's room says who is here.
    provider.awareness.setLocalState(null);
    const store = createChildToolStore(doc);
    let alive = true;
    let synced = false;

    const onSync = (isSynced: boolean) => {
      if (!alive || !isSynced) return;
      synced = true;
      setStatus('live');
    };
    const onStatus = ({ status: s }: { status: 'connecting' | 'connected' | 'disconnected' }) => {
      if (alive && synced && s === 'disconnected') setStatus('offline');
    };
    const onClosed = ({ code }: { code: number; reason: string }) => {
      if (!alive) return;
      // Not from inside the provider's own handler: the effect's cleanup destroys this provider.
      if (code === CloseCode.refused) queueMicrotask(() => alive && setGeneration((g) => g + 1));
      else queueMicrotask(() => alive && setEnding(code === CloseCode.forbidden ? 'not-shared' : 'gone'));
    };
    provider.messageHandlers[REJECTED_MESSAGE_TYPE] = () => {
      // The close (4409) that follows starts again; the frame is registered so it is not logged.
    };
    provider.on('sync', onSync);
    provider.on('status', onStatus);
    provider.on('closed', onClosed);
    const { reconnector, unwire } = driveReconnection(provider, {});
    setStatus('connecting');
    setOpened({ doc, store });
    reconnector.start();

    return () => {
      alive = false;
      unwire();
      store.destroy();
      provider.off('sync', onSync);
      provider.off('status', onStatus);
      provider.off('closed', onClosed);
      provider.destroy();
      doc.destroy();
      setOpened(null);
    };
  }, [boardId, toolId, generation, ending]);

  return { doc: opened?.doc ?? null, state: opened ? state : null, status };
}
