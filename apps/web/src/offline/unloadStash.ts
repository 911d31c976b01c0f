import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/**
 * The last unsaved changes, written synchronously to localStorage as the page goes (reload, tab
 * closed). IndexedDB writes are asynchronous: the ones issued in the page's last moments can be
 * dropped with it, which lost the last letters typed before a reload while offline. localStorage
 * is written before the page is gone; the next page puts the stash back (and wipes clear it).
 */
export type StashStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const stashKey = (localName: string): string => `kinmap:unsent:${localName}`;

/** Keeps `updates` (merged) under the copy's name; false when storage refused (full, private mode). */
export function stashUnsent(
  storage: StashStorage,
  localName: string,
  updates: readonly Uint8Array[],
): boolean {
  if (updates.length === 0) return true;
  try {
    storage.setItem(stashKey(localName), toBase64(Y.mergeUpdates([...updates])));
    return true;
  } catch {
    return false;
  }
}

/** The stashed changes of this copy, removed from storage; null when there are none or they are unreadable. */
export function takeStash(storage: StashStorage, localName: string): Uint8Array | null {
  try {
    const stored = storage.getItem(stashKey(localName));
    storage.removeItem(stashKey(localName));
    return stored === null ? null : fromBase64(stored);
  } catch {
    return null;
  }
}

/** Removes this copy's stash, if any (nothing is unsaved, so nothing of it may stay behind). */
export function dropStash(storage: StashStorage, localName: string): void {
  try {
    storage.removeItem(stashKey(localName));
  } catch {
    // Storage blocked: there is nothing there to remove either.
  }
}
