import { isRole, type Role } from '@kinmap/model';
import { stashKey } from './unloadStash';

/**
 * Which boards this device keeps a local copy of (IndexedDB, see localCopy.ts), so the copies
 * can be found again: to open a board while offline, and to wipe them. The index lives in
 * localStorage; each copy is its own IndexedDB database named by {@link localDocName}.
 */
export interface LocalBoard {
  readonly boardId: string;
  /** The person on the board (their member id): a device may hold several. */
  readonly memberId: string;
  readonly role: Role;
  /** Their name on the board, shown to others; the board's copy holds it anyway. */
  readonly name: string;
  readonly openedAt: number;
  /** The documents holding changes the server had not confirmed when last seen. */
  readonly unsaved: readonly LocalDocument[];
}

export type LocalDocument = 'shared' | 'restricted';
const DOCUMENTS: readonly LocalDocument[] = ['shared', 'restricted'];

const PREFIX = 'kinmap:';
const INDEX_KEY = 'kinmap:offline-boards';

/** `kinmap:<boardId>:<memberId>`, plus `:restricted` for the professionals-only document. */
export function localDocName(boardId: string, memberId: string, document: LocalDocument): string {
  return `${PREFIX}${boardId}:${memberId}${document === 'restricted' ? ':restricted' : ''}`;
}

export type IndexStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface LocalDatabases {
  delete(name: string): Promise<void>;
  /** Every database name of this origin, when the browser can list them (catches strays). */
  names?(): Promise<string[]>;
}

export interface LocalBoards {
  /** The most recently opened copy of a board on this device, if any. */
  find(boardId: string): LocalBoard | null;
  list(): LocalBoard[];
  /** Records a copy before it is written, so no copy exists that the index does not know. */
  remember(board: Omit<LocalBoard, 'openedAt' | 'unsaved'>, now?: number): void;
  /** Notes whether a document of a board holds unsaved changes (told if access ends meanwhile). */
  markUnsaved(boardId: string, memberId: string, document: LocalDocument, unsaved: boolean): void;
  /** Wipes one board's copies (one member's, or every member's on this device). */
  forgetBoard(boardId: string, memberId?: string): Promise<void>;
  /** Wipes every board's copies (sign-out). */
  forgetAll(): Promise<void>;
  /** Wipes one document's copy but keeps the board listed (a refused change: start afresh). */
  wipeDocument(name: string): Promise<void>;
  /** Called with the board id when a board's copies are wiped, so a live session can stop. */
  onForget(listener: (boardId: string) => void): () => void;
}

function readEntry(x: unknown): LocalBoard | null {
  if (typeof x !== 'object' || x === null) return null;
  const { boardId, memberId, role, name, openedAt, unsaved } = x as Record<string, unknown>;
  if (typeof boardId !== 'string' || boardId === '' || boardId.includes(':')) return null;
  if (typeof memberId !== 'string' || memberId === '' || memberId.includes(':')) return null;
  if (!isRole(role) || typeof name !== 'string' || typeof openedAt !== 'number') return null;
  const documents = Array.isArray(unsaved) ? DOCUMENTS.filter((d) => unsaved.includes(d)) : [];
  return { boardId, memberId, role, name, openedAt, unsaved: documents };
}

export function createLocalBoards(
  storage: IndexStorage | null,
  databases: LocalDatabases | null,
): LocalBoards {
  const listeners = new Set<(boardId: string) => void>();

  const read = (): LocalBoard[] => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(INDEX_KEY) ?? '[]');
      return Array.isArray(parsed) ? parsed.map(readEntry).filter((e): e is LocalBoard => e !== null) : [];
    } catch {
      return [];
    }
  };
  const write = (entries: readonly LocalBoard[]) => {
    try {
      if (entries.length === 0) storage?.removeItem(INDEX_KEY);
      else storage?.setItem(INDEX_KEY, JSON.stringify(entries));
    } catch {
      // Storage full or blocked: the copies are still found by name when wiping (names()).
    }
  };
  const namesOf = (entry: LocalBoard) => [
    localDocName(entry.boardId, entry.memberId, 'shared'),
    localDocName(entry.boardId, entry.memberId, 'restricted'),
  ];
  const strays = async (prefix: string): Promise<string[]> => {
    try {
      return ((await databases?.names?.()) ?? []).filter((name) => name.startsWith(prefix));
    } catch {
      return [];
    }
  };
  const wipe = async (names: Iterable<string>) => {
    const unique = [...new Set(names)];
    for (const name of unique) storage?.removeItem(stashKey(name));
    await Promise.all(unique.map((name) => databases?.delete(name).catch(() => undefined)));
  };

  return {
    find(boardId) {
      const found = read().filter((e) => e.boardId === boardId);
      return found.sort((a, b) => b.openedAt - a.openedAt)[0] ?? null;
    },
    list: read,
    remember(board, now = Date.now()) {
      const all = read();
      const same = (e: LocalBoard) => e.boardId === board.boardId && e.memberId === board.memberId;
      const entry = readEntry({ ...board, openedAt: now, unsaved: all.find(same)?.unsaved ?? [] });
      if (entry) write([...all.filter((e) => !same(e)), entry]);
    },
    markUnsaved(boardId, memberId, document, unsaved) {
      const all = read();
      const entry = all.find((e) => e.boardId === boardId && e.memberId === memberId);
      if (!entry || entry.unsaved.includes(document) === unsaved) return;
      const documents = unsaved ? [...entry.unsaved, document] : entry.unsaved.filter((d) => d !== document);
      write(all.map((e) => (e === entry ? { ...entry, unsaved: documents } : e)));
    },
    async forgetBoard(boardId, memberId) {
      const all = read();
      const gone = all.filter(
        (e) => e.boardId === boardId && (memberId === undefined || e.memberId === memberId),
      );
      // Out of the index first: from now on the board is not offered offline, whatever happens next.
      write(all.filter((e) => !gone.includes(e)));
      for (const listener of listeners) listener(boardId);
      const prefix = `${PREFIX}${boardId}:${memberId === undefined ? '' : `${memberId}`}`;
      const stray = (await strays(prefix)).filter(
        (n) => memberId === undefined || n.split(':')[2] === memberId,
      );
      await wipe([...gone.flatMap(namesOf), ...stray]);
    },
    async forgetAll() {
      const all = read();
      write([]);
      for (const boardId of new Set(all.map((e) => e.boardId)))
        for (const listener of listeners) listener(boardId);
      await wipe([...all.flatMap(namesOf), ...(await strays(PREFIX))]);
    },
    async wipeDocument(name) {
      await wipe([name]);
    },
    onForget(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Deletes an IndexedDB database; resolves once it is gone (open copies close on 'versionchange'). */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
}

function browserStorage(): IndexStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function browserDatabases(): LocalDatabases | null {
  if (typeof indexedDB === 'undefined') return null;
  return {
    delete: deleteDatabase,
    names: async () => {
      if (typeof indexedDB.databases !== 'function') return [];
      return (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name !== '');
    },
  };
}

/** This browser's local boards (inert where there is no localStorage or IndexedDB). */
export const localBoards: LocalBoards = createLocalBoards(browserStorage(), browserDatabases());
