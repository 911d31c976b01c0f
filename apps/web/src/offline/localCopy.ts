import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

/**
 * A board document's copy on this device (IndexedDB through y-indexeddb): loaded into the doc
 * before the first connection, so the board shows while offline, and written on every change,
 * so nothing typed is lost when the tab or the browser closes before the server has it.
 * The unsaved changes (pendingChanges.ts) are kept beside it, one record per change, written as
 * the change happens (like y-indexeddb's own records), so a reload knows what is still unsaved.
 */
export interface LocalCopy {
  /** Settles once the stored board is in the doc; true when it loaded, false when it gave up. */
  readonly loaded: Promise<boolean>;
  /** Whether a doc update is the copy being loaded (not this person's change). */
  isOrigin(origin: unknown): boolean;
  /** The unsaved changes kept by earlier pages, oldest first. */
  loadPending(): Promise<Uint8Array[]>;
  keepPending(update: Uint8Array): void;
  /** Drops kept changes the server has confirmed (the same objects given or loaded). */
  dropPending(updates: readonly Uint8Array[]): void;
  /**
   * Rewrites the stored board as the doc's current state, one record, and deletes every earlier
   * record: y-indexeddb keeps each change as it came (a card's text typed before it was made
   * professionals-only, words deleted since), while the doc itself has dropped deleted content.
   * Resolves true once the rewrite is committed.
   */
  compact(): Promise<boolean>;
  /** Stops reading and writing the copy (it stays on the device unless wiped). */
  close(): void;
}

/** A copy that does not load within this time is left out: the board then comes from the server. */
const LOAD_TIMEOUT_MS = 10_000;
/** y-indexeddb's store of the doc's updates (auto-incremented keys). */
const UPDATES_STORE = 'updates';
/** y-indexeddb's store for anything beside the doc's updates. */
const CUSTOM_STORE = 'custom';
const PENDING = 'pending';
const pendingRange = () => IDBKeyRange.bound([PENDING, 0], [PENDING, Number.MAX_SAFE_INTEGER]);

/** Reads every [key, value] of the pending changes, in key order. */
function readPending(db: IDBDatabase): Promise<Array<[IDBValidKey, unknown]>> {
  return new Promise((resolve) => {
    const found: Array<[IDBValidKey, unknown]> = [];
    try {
      const request = db
        .transaction(CUSTOM_STORE, 'readonly')
        .objectStore(CUSTOM_STORE)
        .openCursor(pendingRange());
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve(found);
        found.push([cursor.key, cursor.value]);
        cursor.continue();
      };
      request.onerror = () => resolve([]);
    } catch {
      resolve([]);
    }
  });
}

export function openLocalCopy(name: string, doc: Y.Doc): LocalCopy | null {
  if (typeof indexedDB === 'undefined') return null;
  const persistence = new IndexeddbPersistence(name, doc);
  let closed = false;
  let nextSeq = 0;
  const keys = new Map<Uint8Array, IDBValidKey>();

  /** Runs `write` on the custom store once the database is open (in call order). */
  const withStore = (write: (store: IDBObjectStore) => void) => {
    if (closed) return;
    persistence._db.then(
      (db) => {
        try {
          write(db.transaction(CUSTOM_STORE, 'readwrite').objectStore(CUSTOM_STORE));
        } catch {
          // Closing (a wipe is under way): the record is not needed any more.
        }
      },
      () => undefined,
    );
  };
  const close = () => {
    if (closed) return;
    closed = true;
    // Closes the database once its last write is done; no later doc change is written.
    void persistence.destroy();
  };
  persistence._db.then(
    (db) => {
      // Someone deletes this copy (a wipe, here or in another tab): let go at once, or the
      // deletion waits, and later writes would fail on a closing connection.
      db.addEventListener('versionchange', close);
      db.addEventListener('close', close);
    },
    () => close(),
  );
  let giveUp: ReturnType<typeof setTimeout> | null = null;
  const loaded = Promise.race([
    persistence.whenSynced.then(() => true),
    new Promise<boolean>((resolve) => {
      giveUp = setTimeout(() => resolve(false), LOAD_TIMEOUT_MS);
    }),
  ]).then((ok) => {
    if (giveUp !== null) clearTimeout(giveUp);
    // A copy that loads after the connection would be sent as one big change: never let it.
    if (!ok) close();
    return ok && !closed;
  });

  return {
    loaded,
    isOrigin: (origin) => origin === persistence,
    async loadPending() {
      if (closed) return [];
      const records = await readPending(await persistence._db);
      const updates: Uint8Array[] = [];
      for (const [key, value] of records) {
        const seq = Array.isArray(key) ? Number(key[1]) : Number.NaN;
        if (Number.isFinite(seq)) nextSeq = Math.max(nextSeq, seq + 1);
        if (!(value instanceof Uint8Array)) continue;
        keys.set(value, key);
        updates.push(value);
      }
      return updates;
    },
    async compact() {
      if (closed || !(await loaded)) return false;
      let db: IDBDatabase;
      try {
        db = await persistence._db;
      } catch {
        return false;
      }
      return new Promise<boolean>((resolve) => {
        try {
          const tx = db.transaction(UPDATES_STORE, 'readwrite');
          const store = tx.objectStore(UPDATES_STORE);
          const rows = store.getAll();
          rows.onsuccess = () => {
            // Whatever another tab of this person stored is merged in first, so nothing is lost.
            Y.transact(
              doc,
              () => {
                for (const row of rows.result) if (row instanceof Uint8Array) Y.applyUpdate(doc, row);
              },
              persistence,
              false,
            );
            const added = store.add(Y.encodeStateAsUpdate(doc));
            added.onsuccess = () => store.delete(IDBKeyRange.upperBound(added.result, true));
          };
          tx.oncomplete = () => resolve(true);
          tx.onerror = () => resolve(false);
          tx.onabort = () => resolve(false);
        } catch {
          // Closing (a wipe is under way): nothing left to rewrite.
          resolve(false);
        }
      });
    },
    keepPending(update) {
      const key = [PENDING, nextSeq++];
      keys.set(update, key);
      withStore((store) => store.put(update, key));
    },
    dropPending(updates) {
      const gone = updates.flatMap((update) => {
        const key = keys.get(update);
        keys.delete(update);
        return key === undefined ? [] : [key];
      });
      if (gone.length === 0) return;
      withStore((store) => {
        for (const key of gone) store.delete(key);
      });
    },
    close,
  };
}
