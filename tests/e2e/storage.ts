import type { Page } from '@playwright/test';

/** Where this page's browser storage holds the UTF-8 bytes of `text`: IndexedDB records, localStorage values. */
export async function storedCopiesOf(
  page: Page,
  text: string,
): Promise<{ indexedDb: boolean; localStorage: boolean }> {
  return page.evaluate(async (needleText) => {
    const needle = new TextEncoder().encode(needleText);
    const has = (bytes: Uint8Array) => {
      outer: for (let start = 0; start + needle.length <= bytes.length; start++) {
        for (let i = 0; i < needle.length; i++) if (bytes[start + i] !== needle[i]) continue outer;
        return true;
      }
      return false;
    };
    const inValue = (value: unknown): boolean => {
      if (value instanceof Uint8Array) return has(value);
      if (value instanceof ArrayBuffer) return has(new Uint8Array(value));
      if (typeof value === 'string') return has(new TextEncoder().encode(value));
      if (Array.isArray(value)) return value.some(inValue);
      if (typeof value === 'object' && value !== null) return Object.values(value).some(inValue);
      return false;
    };
    let indexedDb = false;
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        if (values.some(inValue)) indexedDb = true;
      }
      db.close();
    }
    let local = false;
    for (let i = 0; i < localStorage.length; i++) {
      const value = localStorage.getItem(localStorage.key(i) ?? '') ?? '';
      if (inValue(value)) local = true;
      // The unload stash is base64 of a Yjs update.
      try {
        const decoded = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
        if (has(decoded)) local = true;
      } catch {
        // Not base64.
      }
    }
    return { indexedDb, localStorage: local };
  }, text);
}

/** What `storedCopiesOf` answers for a device that holds none of the text. */
export const NOTHING = { indexedDb: false, localStorage: false };
