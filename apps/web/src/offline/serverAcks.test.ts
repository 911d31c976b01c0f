import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createPendingChanges } from './pendingChanges';
import { createSnapshotReader, peekServerSync } from './serverAcks';

/** The room's answer to a client's sync step 1: step 2 for that state vector, then its own step 1. */
function serverAnswer(server: Y.Doc, clientStateVector: Uint8Array): decoding.Decoder[] {
  const step2 = encoding.createEncoder();
  syncProtocol.writeSyncStep2(step2, server, clientStateVector);
  const step1 = encoding.createEncoder();
  syncProtocol.writeSyncStep1(step1, server);
  return [encoding.toUint8Array(step2), encoding.toUint8Array(step1)].map((b) => decoding.createDecoder(b));
}

describe('reading the server’s answer to a sync step 1', () => {
  it('confirms exactly the changes the server had stored when it answered', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const pending = createPendingChanges();
    const updates: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => {
      pending.record(u);
      updates.push(u);
    });
    client.getText('t').insert(0, 'Mum calls the school');
    client.getText('t').delete(0, 4);
    Y.applyUpdate(server, updates[0] as Uint8Array);

    const reader = createSnapshotReader();
    const [step2, step1] = serverAnswer(server, Y.encodeStateVector(client));
    if (!step2 || !step1) throw new Error('no frames');
    expect(reader.read(peekServerSync(step2))).toBeNull();
    const snapshot = reader.read(peekServerSync(step1));
    if (!snapshot) throw new Error('no snapshot from step 2 + step 1');
    expect(pending.confirm(snapshot)).toEqual([updates[0]]);
    expect(pending.count).toBe(1);

    Y.applyUpdate(server, updates[1] as Uint8Array);
    const [again2, again1] = serverAnswer(server, Y.encodeStateVector(client));
    if (!again2 || !again1) throw new Error('no frames');
    reader.read(peekServerSync(again2));
    const later = reader.read(peekServerSync(again1));
    expect(later && pending.confirm(later)).toEqual([updates[1]]);
    expect(pending.count).toBe(0);
    // Each step 2 pairs with the one step 1 right after it, never with a later one.
    const [, alone] = serverAnswer(server, Y.encodeStateVector(client));
    expect(alone && reader.read(peekServerSync(alone))).toBeNull();
  });

  it('leaves the decoder where it was, for the official client to read', () => {
    const server = new Y.Doc();
    server.getMap('m').set('k', 'v');
    const [step2] = serverAnswer(server, new Uint8Array([0]));
    if (!step2) throw new Error('no frame');
    const frame = peekServerSync(step2);
    expect(frame.kind).toBe('diff');
    expect(step2.pos).toBe(0);
    const doc = new Y.Doc();
    syncProtocol.readSyncMessage(step2, encoding.createEncoder(), doc, null);
    expect(doc.getMap('m').get('k')).toBe('v');
  });

  it('proves nothing from a step 1 alone, an update, or a malformed frame', () => {
    const server = new Y.Doc();
    server.getText('t').insert(0, 'x');
    const reader = createSnapshotReader();
    const [, step1] = serverAnswer(server, new Uint8Array([0]));
    if (!step1) throw new Error('no frame');
    expect(reader.read(peekServerSync(step1))).toBeNull();

    const update = encoding.createEncoder();
    syncProtocol.writeUpdate(update, Y.encodeStateAsUpdate(server));
    expect(peekServerSync(decoding.createDecoder(encoding.toUint8Array(update))).kind).toBe('other');
    expect(peekServerSync(decoding.createDecoder(Uint8Array.of(1, 200))).kind).toBe('other');
    // A step 2 that cannot be decoded is not half-believed.
    expect(reader.read({ kind: 'diff', update: Uint8Array.of(1, 2, 3) })).toBeNull();
    expect(reader.read(peekServerSync(step1))).toBeNull();
  });
});
