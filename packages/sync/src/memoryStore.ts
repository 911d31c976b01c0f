import type { DocStore, StoredDoc } from './roomContracts.js';

interface Entry {
  readonly seq: number;
  readonly update: Uint8Array;
  /** True for the compacted snapshot, which stands for every update up to its seq. */
  readonly snapshot: boolean;
}

interface Board {
  entries: Entry[];
  lastSeq: number;
}

/**
 * A `DocStore` in memory, for tests and for running without a disk. Buffers are copied in and
 * out, so a caller that reuses its buffer cannot change stored history.
 * @example
 * const rooms = createRooms({ store: createMemoryStore() });
 */
export function createMemoryStore(): DocStore {
  const boards = new Map<string, Board>();
  let closed = false;

  function board(boardId: string): Board {
    if (closed) throw new Error('store is closed');
    let found = boards.get(boardId);
    if (found === undefined) {
      found = { entries: [], lastSeq: 0 };
      boards.set(boardId, found);
    }
    return found;
  }

  return {
    async load(boardId): Promise<StoredDoc> {
      const { entries, lastSeq } = board(boardId);
      return { updates: entries.map((entry) => entry.update.slice()), lastSeq };
    },
    // The author is the audit's business: the server's SQLite store keeps it, this one does not.
    async append(boardId, update) {
      const target = board(boardId);
      target.lastSeq += 1;
      target.entries.push({ seq: target.lastSeq, update: update.slice(), snapshot: false });
      return target.lastSeq;
    },
    async compact(boardId, snapshot, throughSeq) {
      const target = board(boardId);
      if (!Number.isInteger(throughSeq) || throughSeq < 0 || throughSeq > target.lastSeq) {
        throw new RangeError(`throughSeq ${throughSeq} is outside 0..${target.lastSeq}`);
      }
      const kept = target.entries.filter((entry) => entry.seq > throughSeq);
      target.entries = [{ seq: throughSeq, update: snapshot.slice(), snapshot: true }, ...kept];
    },
    async pendingCount(boardId) {
      return board(boardId).entries.filter((entry) => !entry.snapshot).length;
    },
    async close() {
      closed = true;
      boards.clear();
    },
  };
}
