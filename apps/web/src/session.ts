import { ROLES, type Role } from '@kinmap/model';

/**
 * What the browser remembers between page loads. Board tokens and share links live in
 * sessionStorage (per tab, gone when the tab closes); the person's name and participant id in
 * localStorage so they are the same person next time.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type ShareTokens = Readonly<Record<Role, string>>;

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

/** Reads `token` from a URL fragment such as `#token=abc`. */
export function readTokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.length <= 512 ? token : null;
}

export function loadBoardToken(store: KeyValueStore, boardId: string): string | null {
  return store.getItem(`kinmap.token.${boardId}`);
}

export function saveBoardToken(store: KeyValueStore, boardId: string, token: string): void {
  store.setItem(`kinmap.token.${boardId}`, token);
}

export function loadShareTokens(store: KeyValueStore, boardId: string): ShareTokens | null {
  const raw = store.getItem(`kinmap.shareTokens.${boardId}`);
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const entries = ROLES.map((role) => [role, (parsed as Record<string, unknown>)[role]] as const);
    if (!entries.every(([, token]) => typeof token === 'string')) return null;
    return Object.fromEntries(entries) as ShareTokens;
  } catch {
    return null;
  }
}

export function saveShareTokens(store: KeyValueStore, boardId: string, tokens: ShareTokens): void {
  store.setItem(`kinmap.shareTokens.${boardId}`, JSON.stringify(tokens));
}

export function loadDisplayName(store: KeyValueStore): string {
  return store.getItem('kinmap.displayName') ?? '';
}

export function saveDisplayName(store: KeyValueStore, name: string): void {
  store.setItem('kinmap.displayName', name);
}

/** The same random id for this browser on every board, created on first use. */
export function loadParticipantId(store: KeyValueStore, makeId: () => string): string {
  const existing = store.getItem('kinmap.participantId');
  if (existing) return existing;
  const id = makeId();
  store.setItem('kinmap.participantId', id);
  return id;
}

/** Whether this tab already joined the board, so a reload goes straight back in. */
export function hasJoined(store: KeyValueStore, boardId: string): boolean {
  return store.getItem(`kinmap.joined.${boardId}`) === '1';
}

export function markJoined(store: KeyValueStore, boardId: string): void {
  store.setItem(`kinmap.joined.${boardId}`, '1');
}
