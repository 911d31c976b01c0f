import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createBoardPublisher, onlyTextChanged } from './boardPublisher';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A doc shaped like a board: a card map with its text, and a publisher counting publishes. */
function setUp() {
  const doc = new Y.Doc();
  const cards = doc.getMap<Y.Map<unknown>>('cards');
  const card = new Y.Map<unknown>();
  card.set('text', new Y.Text('Nan'));
  card.set('updatedAt', 1);
  cards.set('c1', card);
  let published = 0;
  const publisher = createBoardPublisher(() => {
    published += 1;
  });
  doc.on('update', (_u: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) => publisher.changed(tr));
  const text = card.get('text') as Y.Text;
  return { doc, cards, card, text, publisher, published: () => published };
}

describe('createBoardPublisher', () => {
  it('publishes a structural change at once, in the same task as its cause', () => {
    const { cards, published } = setUp();
    cards.set('c2', new Y.Map());
    expect(published()).toBe(1);
    cards.delete('c2');
    expect(published()).toBe(2);
  });

  it('publishes typing once, in a task of its own, however many keys came first', () => {
    const { doc, text, card, published } = setUp();
    for (const ch of ' takes Mia') {
      doc.transact(() => {
        text.insert(text.length, ch);
        card.set('updatedAt', Date.now());
      });
    }
    expect(published()).toBe(0);
    vi.runAllTimers();
    expect(published()).toBe(1);
  });

  it('lets a structural change carry the typing that was still waiting', () => {
    const { cards, text, published } = setUp();
    text.insert(0, 'x');
    cards.set('c3', new Y.Map());
    expect(published()).toBe(1);
    vi.runAllTimers();
    expect(published()).toBe(1);
  });

  it('publishes nothing after it is cancelled', () => {
    const { text, publisher, published } = setUp();
    text.insert(0, 'x');
    publisher.cancel();
    vi.runAllTimers();
    expect(published()).toBe(0);
  });

  it('counts a moved card or a changed mark as structural, not as text', () => {
    const { doc, card } = setUp();
    const seen: boolean[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(onlyTextChanged(tr)));
    doc.transact(() => {
      card.set('category', 'existingSafety');
      card.set('updatedAt', 2);
    });
    doc.transact(() => card.set('updatedAt', 3));
    expect(seen).toEqual([false, true]);
  });
});

describe('publishing now', () => {
  it('replaces a waiting publish', () => {
    vi.useFakeTimers();
    const { text, publisher, published } = setUp();
    text.insert(0, 'x');
    publisher.now();
    vi.runAllTimers();
    expect(published()).toBe(1);
  });
});
