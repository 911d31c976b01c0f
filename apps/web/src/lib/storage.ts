/**
 * What the browser remembers between page loads. Who the person is lives in the server's
 * session cookie (HttpOnly, out of this code's reach); here only small local preferences.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Wraps a Web Storage that may be missing or refuse writes (private modes, quotas) in a safe store. */
export function safeStore(open: () => Storage): KeyValueStore {
  const fallback = new Map<string, string>();
  let storage: Storage | null = null;
  try {
    storage = open();
  } catch {
    storage = null;
  }
  return {
    getItem(key) {
      try {
        return storage ? storage.getItem(key) : (fallback.get(key) ?? null);
      } catch {
        return fallback.get(key) ?? null;
      }
    },
    setItem(key, value) {
      fallback.set(key, value);
      try {
        storage?.setItem(key, value);
      } catch {
        // The in-memory copy keeps this page working; only a reload will forget.
      }
    },
    removeItem(key) {
      fallback.delete(key);
      try {
        storage?.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}

/**
 * Reads one value from a URL fragment such as `#invite=abc` or `#code=abc`. Secrets travel in the
 * fragment because a browser never sends it to a server (nor to its logs).
 */
export function readFragmentValue(hash: string, name: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(name);
  return value && value.length <= 512 ? value : null;
}

/**
 * Takes the fragment (and the secret in it) out of the address bar, where it could be copied,
 * bookmarked or read over a shoulder; the page keeps the secret in memory only. Called from an
 * effect, after the value was read, so React's development double render still sees it.
 */
export function clearFragment(): void {
  if (window.location.hash === '') return;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}
