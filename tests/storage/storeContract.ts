import type { AuditChange, DocStore, UpdateAuthor } from '@kinmap/sync';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

/** One store under test, plus how to reopen its durable storage when it has one. */
export interface StoreHarness {
  readonly store: DocStore;
  /** Close the store and open the same storage again (absent for stores that forget on close). */
  readonly reopen?: () => Promise<DocStore>;
  /**
   * The audit records kept for a board's authored updates, in seq order; absent for a store that
   * keeps no audit (the in-memory one). The SQLite store's are read through the audit log.
   */
  readonly readAudit?: (boardId: string) => readonly AuditedUpdate[];
  /** Remove files and the like, after the store is closed. */
  readonly cleanup?: () => Promise<void> | void;
}

export interface AuditedUpdate extends UpdateAuthor {
  readonly seq: number;
  readonly changes: readonly AuditChange[];
}

const bytes = (...values: number[]) => new Uint8Array(values);

/** A real Yjs document whose every update is appended to the store, in order. */
function recordedDoc(store: DocStore, boardId: string) {
  const doc = new Y.Doc();
  const appends: Promise<number>[] = [];
  doc.on('update', (update: Uint8Array) => appends.push(store.append(boardId, update)));
  return { doc, settled: () => Promise.all(appends) };
}

function editDoc(doc: Y.Doc, rounds: number): void {
  const cards = doc.getMap<Y.Map<unknown>>('cards');
  for (let i = 0; i < rounds; i++) {
    const card = new Y.Map<unknown>();
    doc.transact(() => {
      cards.set(`card-${i}`, card);
      card.set('text', new Y.Text(`card ${i}`));
      card.set('order', i);
    });
    (card.get('text') as Y.Text).insert(0, '✓ ');
    if (i % 3 === 2) cards.delete(`card-${i - 1}`);
  }
  doc.getMap('meta').set('title', 'Contract board');
}

function docFrom(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

function stateOf(doc: Y.Doc) {
  return {
    cards: doc.getMap('cards').toJSON(),
    meta: doc.getMap('meta').toJSON(),
    stateVector: Array.from(Y.encodeStateVector(doc)),
  };
}

/**
 * The DocStore contract: every implementation (in-memory, SQLite, a later PostgreSQL) must pass it.
 * `durable` stores also run the restart-recovery test through `reopen`; `audited` stores (the
 * SQLite one) the audit test through `readAudit`.
 * @example describeDocStoreContract('memory', () => ({ store: createMemoryStore() }))
 */
export function describeDocStoreContract(
  name: string,
  makeHarness: () => Promise<StoreHarness> | StoreHarness,
  { durable = false, audited = false }: { readonly durable?: boolean; readonly audited?: boolean } = {},
): void {
  describe(`DocStore contract: ${name}`, () => {
    let harness: StoreHarness | null = null;
    let current: DocStore | null = null;

    const open = async (): Promise<DocStore> => {
      harness = await makeHarness();
      current = harness.store;
      return current;
    };

    afterEach(async () => {
      await current?.close();
      await harness?.cleanup?.();
      harness = null;
      current = null;
    });

    it('loads an unknown board as an empty history at seq 0', async () => {
      const store = await open();
      expect(await store.load('nobody')).toEqual({ updates: [], lastSeq: 0 });
      expect(await store.pendingCount('nobody')).toBe(0);
    });

    it('numbers appends 1, 2, 3 per board and loads them in append order', async () => {
      const store = await open();
      expect(await store.append('a', bytes(1))).toBe(1);
      expect(await store.append('a', bytes(2))).toBe(2);
      expect(await store.append('b', bytes(9))).toBe(1);
      expect(await store.append('a', bytes(3))).toBe(3);
      expect(await store.load('a')).toEqual({ updates: [bytes(1), bytes(2), bytes(3)], lastSeq: 3 });
      expect(await store.load('b')).toEqual({ updates: [bytes(9)], lastSeq: 1 });
      expect(await store.pendingCount('a')).toBe(3);
    });

    it('keeps the order of appends issued concurrently', async () => {
      const store = await open();
      const updates = Array.from({ length: 50 }, (_, i) => bytes(i, i + 1));
      const seqs = await Promise.all(updates.map((update) => store.append('a', update)));
      expect(seqs).toEqual(updates.map((_, i) => i + 1));
      expect((await store.load('a')).updates).toEqual(updates);
    });

    it('stores a copy: changing the array after append does not change the history', async () => {
      const store = await open();
      const update = bytes(1, 2, 3);
      await store.append('a', update);
      update[0] = 99;
      expect((await store.load('a')).updates).toEqual([bytes(1, 2, 3)]);
    });

    it('loads the snapshot first, then the updates appended after it', async () => {
      const store = await open();
      for (const value of [1, 2, 3, 4]) await store.append('a', bytes(value));
      await store.compact('a', bytes(12), 2);
      expect(await store.load('a')).toEqual({ updates: [bytes(12), bytes(3), bytes(4)], lastSeq: 4 });
      expect(await store.pendingCount('a')).toBe(2);
      expect(await store.append('a', bytes(5))).toBe(5);
      await store.compact('a', bytes(45), 5);
      expect(await store.load('a')).toEqual({ updates: [bytes(45)], lastSeq: 5 });
      expect(await store.pendingCount('a')).toBe(0);
      expect(await store.append('a', bytes(6))).toBe(6);
    });

    it('rebuilds a document equal to the original from the loaded history', async () => {
      const store = await open();
      const { doc, settled } = recordedDoc(store, 'board');
      editDoc(doc, 12);
      await settled();
      const loaded = await store.load('board');
      expect(loaded.lastSeq).toBeGreaterThan(12);
      expect(stateOf(docFrom(loaded.updates))).toEqual(stateOf(doc));
    });

    it('keeps the document identical across compaction, and later edits apply on top', async () => {
      const store = await open();
      const { doc, settled } = recordedDoc(store, 'board');
      editDoc(doc, 6);
      const seqs = await settled();
      const before = await store.load('board');
      await store.compact('board', Y.mergeUpdates(before.updates as Uint8Array[]), before.lastSeq);
      doc.getMap('meta').set('title', 'After compaction');
      await settled();
      const after = await store.load('board');
      expect(after.updates).toHaveLength(2);
      expect(after.lastSeq).toBe((seqs.at(-1) ?? 0) + 1);
      expect(stateOf(docFrom(after.updates))).toEqual(stateOf(doc));
    });

    // Only a store that keeps the audit writes an authored update's record beside it.
    if (audited)
      it('[AU16] keeps each authored update’s audit record, also after the update is compacted away', async () => {
        const store = await open();
        const readAudit = harness?.readAudit;
        if (!readAudit) throw new Error('an audited store harness must provide readAudit()');
        const author = {
          participantId: 'alex',
          role: 'family' as const,
          sessionId: 'session-1',
          at: 1000,
          changes: [{ kind: 'card-added', cardId: 'c1', category: 'harm' }],
        };
        expect(await store.append('a', bytes(1))).toBe(1);
        expect(await store.append('a', bytes(2), author)).toBe(2);
        expect(
          await store.append('a', bytes(3), {
            ...author,
            participantId: null,
            role: null,
            sessionId: null,
            at: 2000,
            changes: [],
          }),
        ).toBe(3);
        await store.compact('a', bytes(123), 3);
        expect(await store.load('a')).toEqual({ updates: [bytes(123)], lastSeq: 3 });
        const expected = [
          { seq: 2, ...author },
          { seq: 3, participantId: null, role: null, sessionId: null, at: 2000, changes: [] },
        ];
        expect(readAudit('a')).toEqual(expected);
        expect(readAudit('b')).toEqual([]);
      });

    // Only a durable store outlives close(); the in-memory one forgets by design.
    if (!durable) return;
    it('recovers the same history after the store is closed and reopened', async () => {
      const store = await open();
      if (!harness?.reopen) throw new Error('a durable store harness must provide reopen()');
      const { doc, settled } = recordedDoc(store, 'board');
      editDoc(doc, 5);
      await settled();
      const before = await store.load('board');
      await store.compact('board', Y.mergeUpdates(before.updates.slice(0, 3) as Uint8Array[]), 3);
      const expected = await store.load('board');
      current = await harness.reopen();
      expect(await current.load('board')).toEqual(expected);
      expect(stateOf(docFrom((await current.load('board')).updates))).toEqual(stateOf(doc));
      expect(await current.append('board', bytes(0))).toBe(expected.lastSeq + 1);
    });
  });
}
