import * as Y from 'yjs';
import { newBoard } from '../test-support.js';
import type { Change } from './changeKinds.js';
import { applyAndClassify } from './changes.js';

// Test-only helpers shared by the test files beside this one.

/** A client board and the server's copy of it; `classify` runs an op on the client and classifies its update. */
export function setup(client: Y.Doc = newBoard()) {
  const shadow = new Y.Doc();
  Y.applyUpdate(shadow, Y.encodeStateAsUpdate(client));
  function updateOf(op: () => unknown): Uint8Array {
    const updates: Uint8Array[] = [];
    const record = (update: Uint8Array) => updates.push(update);
    client.on('update', record);
    op();
    client.off('update', record);
    return Y.mergeUpdates(updates);
  }
  const classify = (op: () => unknown): readonly Change[] => applyAndClassify(shadow, updateOf(op)).changes;
  return { client, shadow, classify, updateOf };
}

export const card = (doc: Y.Doc, id: string) => doc.getMap('cards').get(id) as Y.Map<unknown>;
