import {
  type Actor,
  addCard,
  deleteCard,
  editCardText,
  initBoard,
  Origins,
  type ParticipantId,
  readBoard,
  registerParticipant,
  setMark,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardUndo } from './undo';

const alice: Actor = { participantId: 'alice' as ParticipantId, role: 'facilitator' };
const bob: Actor = { participantId: 'bob' as ParticipantId, role: 'family' };

/** Two people's documents, kept in step: each update is delivered with the `remote` origin. */
function twoPeople() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  initBoard(a, { title: 'Case 1', createdAt: 1 });
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), Origins.remote);
  a.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== Origins.remote) Y.applyUpdate(b, u, Origins.remote);
  });
  b.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== Origins.remote) Y.applyUpdate(a, u, Origins.remote);
  });
  return { a, b };
}

function texts(doc: Y.Doc): string[] {
  return Object.values(readBoard(doc).cards)
    .map((c) => c.text)
    .sort();
}

function add(doc: Y.Doc, actor: Actor, text: string) {
  const result = addCard(doc, actor, { category: 'harm', text });
  if (!result.ok) throw new Error(result.reason);
  return result.value.cardId;
}

describe('boardUndo', () => {
  it('undoes only this person’s change, never the card someone else added after it', () => {
    const { a, b } = twoPeople();
    const undoA = boardUndo(a);
    undoA.startStep();
    add(a, alice, 'X');
    add(b, bob, 'Y');
    expect(texts(a)).toEqual(['X', 'Y']);
    expect(undoA.undo()).toBe(true);
    expect(texts(a)).toEqual(['Y']);
    expect(texts(b)).toEqual(['Y']);
    expect(undoA.canUndo()).toBe(false);
  });

  it('has nothing to undo when only other people changed the board', () => {
    const { a, b } = twoPeople();
    const undoA = boardUndo(a);
    add(b, bob, 'Y');
    expect(undoA.canUndo()).toBe(false);
    expect(undoA.undo()).toBe(false);
    expect(texts(a)).toEqual(['Y']);
  });

  it('brings a deleted card back with its words and marks, and redo deletes it again', () => {
    const { a, b } = twoPeople();
    const cardId = add(a, alice, 'Dad shouted');
    setMark(a, alice, cardId, 'agree');
    const undoA = boardUndo(a);
    undoA.startStep();
    deleteCard(a, alice, cardId);
    expect(texts(b)).toEqual([]);
    undoA.undo();
    expect(readBoard(b).cards[cardId]?.text).toBe('Dad shouted');
    expect(readBoard(b).cards[cardId]?.marks).toEqual({ alice: 'agree' });
    expect(undoA.canRedo()).toBe(true);
    undoA.redo();
    expect(texts(b)).toEqual([]);
  });

  it('treats a whole group (adding a card and typing its words) as one step, however slow', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Case 1', createdAt: 1 });
    const undo = boardUndo(doc);
    add(doc, alice, 'earlier');
    undo.beginGroup();
    const cardId = addCard(doc, alice, { category: 'harm' });
    if (!cardId.ok) throw new Error('add failed');
    // The editor opening inside the group must not split it.
    undo.beginGroup();
    undo.manager.lastChange = 1; // as if the typing came long after the card was added
    editCardText(doc, alice, cardId.value.cardId, { index: 0, deleteCount: 0, insert: 'late words' });
    undo.endGroup();
    undo.undo();
    expect(texts(doc)).toEqual(['earlier']);
  });

  it('never takes back joining the board', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Case 1', createdAt: 1 });
    const undo = boardUndo(doc);
    registerParticipant(doc, { id: alice.participantId, displayName: 'Alice', role: 'facilitator' });
    expect(undo.canUndo()).toBe(false);
    expect(Object.keys(readBoard(doc).participants)).toEqual(['alice']);
  });

  it('keeps one history per document', () => {
    const doc = new Y.Doc();
    expect(boardUndo(doc)).toBe(boardUndo(doc));
    expect(boardUndo(new Y.Doc())).not.toBe(boardUndo(doc));
  });
});
