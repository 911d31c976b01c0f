import { Origins } from '@kinmap/model';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type LocalCopy, openLocalCopy } from './localCopy';
import { createPendingChanges } from './pendingChanges';
import { type AttemptFailure, driveReconnection } from './reconnect';
import { trackAcknowledgements } from './serverAcks';
import { stashUnsent, takeStash } from './unloadStash';

export interface BoardLinkOptions {
  readonly doc: Y.Doc;
  /** Created with `connect: false`: the link connects it once the local copy is in the doc. */
  readonly provider: WebsocketProvider;
  /** The local copy's database name (localBoards.ts `localDocName`); null keeps no copy. */
  readonly localName: string | null;
  /** The number of unsaved changes, called in its own task (never inside a React commit). */
  readonly onUnsaved: (count: number) => void;
  readonly onAttemptFailed?: (failure: AttemptFailure) => void;
  readonly onOnline?: () => void;
  /** Right before the first connection; `fromCopy` when the local copy put a board in the doc. */
  readonly onReady?: (fromCopy: boolean) => void;
}

export interface BoardLink {
  /** This person's changes the server has not confirmed yet (pendingChanges.ts). */
  unsaved(): number;
  /** Stops keeping the local copy, e.g. before wiping it; syncing goes on. */
  dropLocalCopy(): void;
  /** Stops everything the link started; the owner then destroys the provider and the doc. */
  stop(): void;
}

/** The kept unsaved changes put back into the doc on load come from storage: not a new change. */
const RESTORED = Origins.storage;

/**
 * Everything that keeps one board document usable offline, around an official y-websocket
 * provider: the local copy (loaded first, then the first connection), the count of unsaved
 * changes and their confirmation by the server, our reconnection schedule, and the browser's
 * "leave this page?" question while changes are unsaved.
 */
export function linkBoard({
  doc,
  provider,
  localName,
  onUnsaved,
  onAttemptFailed,
  onOnline,
  onReady,
}: BoardLinkOptions): BoardLink {
  let copy: LocalCopy | null = localName ? openLocalCopy(localName, doc) : null;
  let stopped = false;
  const pending = createPendingChanges();

  let notifyTimer: ReturnType<typeof setTimeout> | null = null;
  const notify = () => {
    notifyTimer ??= setTimeout(() => {
      notifyTimer = null;
      if (!stopped) onUnsaved(pending.count);
    }, 0);
  };
  const acks = trackAcknowledgements({
    doc,
    provider,
    pending,
    isLocal: (origin) => origin !== provider && origin !== RESTORED && !(copy?.isOrigin(origin) ?? false),
    onRecorded: (update) => {
      copy?.keepPending(update);
      notify();
    },
    onConfirmed: (saved) => {
      copy?.dropPending(saved);
      notify();
    },
  });
  const { reconnector, unwire } = driveReconnection(provider, {
    ...(onAttemptFailed ? { onAttemptFailed } : {}),
    ...(onOnline ? { onOnline } : {}),
  });

  void (async () => {
    const loadedCopy = copy;
    if (loadedCopy && (await loadedCopy.loaded)) {
      const kept = await loadedCopy.loadPending();
      // The last changes of the page before, if it went before IndexedDB had them (unloadStash.ts).
      const stashed = localName ? takeStash(localStorage, localName) : null;
      if (stashed) {
        kept.push(stashed);
        loadedCopy.keepPending(stashed);
      }
      pending.restore(kept);
      // The kept changes are the record of what is unsaved: put them in the doc too, in case the
      // copy's own write of the last ones did not finish before the page went (a reload, a crash).
      if (kept.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(kept), RESTORED);
      if (pending.count > 0) notify();
    }
    if (stopped) return;
    onReady?.(doc.store.clients.size > 0);
    reconnector.start();
  })();

  // Synchronous, as the page goes: the IndexedDB writes of its last moments may not land.
  const stash = () => {
    if (localName && copy && pending.count > 0) stashUnsent(localStorage, localName, pending.list());
  };
  window.addEventListener('pagehide', stash);
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (pending.count === 0) return;
    stash();
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);

  return {
    unsaved: () => pending.count,
    dropLocalCopy() {
      copy?.close();
      copy = null;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (notifyTimer !== null) clearTimeout(notifyTimer);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', stash);
      unwire();
      acks.stop();
      copy?.close();
      copy = null;
    },
  };
}
