import * as Y from 'yjs';
import { Origins } from '../doc/origins.js';
import type { BoardState } from '../doc/types.js';

// Test-only helpers shared by the test files beside this one.

/** What a restore promises to bring back: everything but `updatedAt` and the participants. */
export function content(state: BoardState) {
  const cards = Object.fromEntries(
    Object.entries(state.cards).map(([id, { updatedAt: _, ...card }]) => [id, card]),
  );
  return { ...state, cards, participants: null };
}

export function fork(doc: Y.Doc, clientID: number): Y.Doc {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), Origins.remote);
  return copy;
}

export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), Origins.remote);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), Origins.remote);
}

export const SEEDS = Array.from({ length: 30 }, (_, i) => i * 7919 + 3);
