import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, setMark } from '../cards/cards.js';
import { readBoard } from '../doc/read.js';
import { newBoard, parent, practitioner, unwrap } from '../test-support.js';
import { writeBoardState } from './restoreWrites.js';

/** The entries of one update, as yjs decodes it: how many structs it carries. */
function structCount(update: Uint8Array): number {
  return Y.decodeUpdate(update).structs.length;
}

describe('writeBoardState', () => {
  it('writes only the marks that differ, and does not touch the card that did not change', () => {
    const doc = newBoard();
    const { cardId } = unwrap(addCard(doc, parent, { category: 'harm', text: 'Dad shouted' }));
    unwrap(addCard(doc, parent, { category: 'harm', text: 'Untouched' }));
    const target = readBoard(doc);
    unwrap(setMark(doc, practitioner, cardId, 'agree'));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const changed = doc.transact(() => writeBoardState(doc, target, 10));
    expect(changed).toBe(1);
    expect(updates).toHaveLength(1);
    // A deletion only: no struct is written, the mark is removed through the delete set.
    expect(structCount(updates[0] as Uint8Array)).toBe(0);
    expect(readBoard(doc).cards[cardId]).toEqual(target.cards[cardId]);
  });

  it('keeps the updatedAt of re-created cards when asked to (an import), and stamps now otherwise', () => {
    const source = newBoard();
    const { cardId } = unwrap(addCard(source, parent, { category: 'harm', text: 'Kept' }, { now: 77 }));
    const target = readBoard(source);
    const imported = newBoard();
    imported.transact(() => writeBoardState(imported, target, 999, { keepUpdatedAt: true }));
    expect(readBoard(imported).cards[cardId]?.updatedAt).toBe(77);
    const restored = newBoard();
    restored.transact(() => writeBoardState(restored, target, 999));
    expect(readBoard(restored).cards[cardId]?.updatedAt).toBe(999);
  });
});
