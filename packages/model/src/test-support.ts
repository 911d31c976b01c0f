// Shared fixtures for this package's tests (excluded from the build).
import { expect } from 'vitest';
import * as Y from 'yjs';
import { initBoard } from './board.js';
import { asParticipantId } from './ids.js';
import type { Actor, Result } from './types.js';

export const practitioner: Actor = { participantId: asParticipantId('sam'), role: 'practitioner' };
export const parent: Actor = { participantId: asParticipantId('mum'), role: 'family' };

/** A fresh, initialised board. */
export function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Review meeting', createdAt: 1_000 });
  return doc;
}

/** The value of a successful result; fails the test with the reason otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.detail ?? ''}`);
  return result.value;
}

/** Runs `op`, asserting it emitted no update and left the document byte-for-byte as it was. */
export function expectUnchanged<T>(doc: Y.Doc, op: () => T): T {
  const before = Y.encodeStateAsUpdate(doc);
  let updates = 0;
  const count = () => {
    updates++;
  };
  doc.on('update', count);
  try {
    return op();
  } finally {
    doc.off('update', count);
    expect(updates).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  }
}

/** Counts the transactions `op` ran and returns their origins. */
export function originsOf(doc: Y.Doc, op: () => unknown): unknown[] {
  const origins: unknown[] = [];
  const record = (tr: Y.Transaction) => {
    origins.push(tr.origin);
  };
  doc.on('afterTransaction', record);
  try {
    op();
  } finally {
    doc.off('afterTransaction', record);
  }
  return origins;
}
