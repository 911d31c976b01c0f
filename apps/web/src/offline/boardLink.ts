import { Origins } from '@kinmap/model';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type LocalCopy, openLocalCopy } from './localCopy';
import { createPendingChanges } from './pendingChanges';
import { type AttemptFailure, driveReconnection } from './reconnect';
import { trackAcknowledgements } from './serverAcks';
import { dropStash, stashUnsent, takeStash } from './unloadStash';

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

  // What was deleted must not outlive its deletion on this device: a card made professionals-only
  // leaves the shared document, but y-indexeddb keeps every change as it came, its text included.
  // The stored copy is rewritten from the doc (which has dropped deleted content) once the server's
  // state is in (each sync: a device that was offline during the move catches up here), and at
  // once when someone else's change removes a card.
  let compacting = false;
  let compactAgain = false;
  const compact = () => {
    const target = copy;
    if (!target || stopped) return;
    if (compacting) {
      compactAgain = true;
      return;
    }
    compacting = true;
    void target.compact().then((done) => {
      compacting = false;
      // Nothing unsaved: no stash of earlier pages may stay behind either.
      if (done && localName && pending.count === 0) dropStash(localStorage, localName);
      if (compactAgain) {
        compactAgain = false;
        compact();
      }
    });
  };
  const onSynced = (synced: boolean) => {
    if (synced) compact();
  };
  const cards: Y.Map<unknown> = doc.getMap('cards');
  const cardsType: unknown = cards;
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin !== provider) return;
    for (const [type, keys] of transaction.changed) {
      if (type === cardsType && [...keys].some((key) => key !== null && !cards.has(key))) compact();
    }
  };
  provider.on('sync', onSynced);
  doc.on('afterTransaction', onTransaction);

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
      provider.off('sync', onSynced);
      doc.off('afterTransaction', onTransaction);
      unwire();
      acks.stop();
      copy?.close();
      copy = null;
    },
  };
}
