import {
  type Actor,
  addCard,
  type CardId,
  editCardText,
  initBoard,
  initRestricted,
  type ParticipantId,
  readBoard,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardStore } from './boardStore';
import { mergeBoards } from './bothDocuments';
import { visibleBoard } from './visibility';

const sam: Actor = { participantId: 'sam' as ParticipantId, role: 'practitioner' };
const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

function boardWith(count: number, professionalsOnly = false): { doc: Y.Doc; ids: CardId[] } {
  const doc = new Y.Doc();
  if (professionalsOnly) initRestricted(doc, { createdAt: 1 });
  else initBoard(doc, { title: 'Case', createdAt: 1 });
  const ids = Array.from({ length: count }, (_, i) => {
    const result = addCard(doc, sam, { category: 'harm', text: `card ${i}`, professionalsOnly });
    if (!result.ok) throw new Error(result.reason);
    return result.value.cardId;
  });
  return { doc, ids };
}

function type(doc: Y.Doc, cardId: CardId, key: string): void {
  const result = editCardText(doc, sam, cardId, { index: 0, deleteCount: 0, insert: key });
  if (!result.ok) throw new Error(result.reason);
}

describe('createBoardStore', () => {
  it('never tells subscribers from inside a change: once, after the task that changed the document', async () => {
    const { doc, ids } = boardWith(3);
    const store = createBoardStore(doc);
    let told = 0;
    store.subscribe(() => {
      told += 1;
    });
    type(doc, ids[0] as CardId, 'a');
    type(doc, ids[0] as CardId, 'b');
    addCard(doc, sam, { category: 'harm', text: 'structural too' });
    expect(told).toBe(0);
    await tick();
    expect(told).toBe(1);
    await tick();
    expect(told).toBe(1);
  });

  it('a write made during a commit (an effect) is told after that commit, never inside it: no nested renders', async () => {
    // React's #185 loop: a store update delivered inside the commit that wrote to the document
    // starts another synchronous render inside that commit, and a chain of 50 is "maximum update
    // depth". Here each "commit" writes once (as an effect writing on every render would).
    const { doc, ids } = boardWith(2);
    const store = createBoardStore(doc);
    let committing = false;
    let toldInsideCommit = 0;
    let commits = 0;
    const commit = () => {
      committing = true;
      commits += 1;
      if (commits < 100) type(doc, ids[1] as CardId, 'x');
      committing = false;
    };
    store.subscribe(() => {
      if (committing) toldInsideCommit += 1;
      else commit(); // React renders and commits again for the new snapshot
    });
    commit();
    for (let i = 0; i < 120; i++) await tick();
    expect(commits).toBe(100);
    expect(toldInsideCommit).toBe(0);
  });

  it('reads the document as it is, even before subscribers are told, and the same object until it changes', () => {
    const { doc, ids } = boardWith(2);
    const store = createBoardStore(doc);
    const before = store.getSnapshot();
    expect(store.getSnapshot()).toBe(before);
    type(doc, ids[0] as CardId, 'z');
    const after = store.getSnapshot();
    expect(after).not.toBe(before);
    expect(after?.cards[ids[0] as CardId]?.text).toBe('zcard 0');
    expect(store.getSnapshot()).toBe(after);
    expect(after).toEqual(readBoard(doc));
  });

  it('an edit to one card keeps every other card the same object, through the merge and the visible board', () => {
    const shared = boardWith(40);
    const restricted = boardWith(10, true);
    const sharedStore = createBoardStore(shared.doc);
    const restrictedStore = createBoardStore(restricted.doc);
    const merged = () => {
      const board = sharedStore.getSnapshot();
      if (!board) throw new Error('no board');
      return visibleBoard(mergeBoards(board, restrictedStore.getSnapshot()), 'practitioner');
    };
    const changedCards = (a: ReturnType<typeof merged>, b: ReturnType<typeof merged>) =>
      Object.keys(b.cards).filter((id) => a.cards[id] !== b.cards[id]);

    const before = merged();
    expect(Object.keys(before.cards)).toHaveLength(50);
    type(shared.doc, shared.ids[7] as CardId, 'q');
    const afterShared = merged();
    expect(changedCards(before, afterShared)).toEqual([shared.ids[7]]);

    type(restricted.doc, restricted.ids[3] as CardId, 'r');
    const afterRestricted = merged();
    expect(changedCards(afterShared, afterRestricted)).toEqual([restricted.ids[3]]);
    expect(afterRestricted.cards[restricted.ids[3] as CardId]).toMatchObject({
      text: 'rcard 3',
      professionalsOnly: true,
      pairId: null,
    });
  });

  it('holds what it was given until released, or until the first change', async () => {
    const { doc, ids } = boardWith(1);
    const shown = readBoard(boardWith(2).doc);
    const untilChange = createBoardStore(doc, { hold: { shown, releaseOnChange: true } });
    expect(untilChange.getSnapshot()).toBe(shown);
    type(doc, ids[0] as CardId, 'a');
    expect(untilChange.getSnapshot()).toEqual(readBoard(doc));

    const untilRelease = createBoardStore(doc, { hold: { shown: null, releaseOnChange: false } });
    let told = 0;
    untilRelease.subscribe(() => {
      told += 1;
    });
    type(doc, ids[0] as CardId, 'b');
    expect(untilRelease.getSnapshot()).toBeNull();
    untilRelease.release();
    expect(untilRelease.getSnapshot()).toEqual(readBoard(doc));
    await tick();
    expect(told).toBe(1);
  });

  it('after destroy, tells nobody and keeps its last board', async () => {
    const { doc, ids } = boardWith(1);
    const store = createBoardStore(doc);
    let told = 0;
    store.subscribe(() => {
      told += 1;
    });
    const last = store.getSnapshot();
    store.destroy();
    type(doc, ids[0] as CardId, 'a');
    await tick();
    expect(told).toBe(0);
    expect(store.getSnapshot()).toBe(last);
  });
});
