import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPendingChanges, type PendingChanges } from './pendingChanges';

/** A client doc whose local updates are recorded, and a server doc that receives some of them. */
function setUp() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const pending = createPendingChanges();
  const sent: Uint8Array[] = [];
  client.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'remote') return;
    pending.record(update);
    sent.push(update);
  });
  const deliver = (update: Uint8Array) => Y.applyUpdate(server, update, 'remote');
  return { server, client, pending, sent, deliver };
}

/** Confirms against a snapshot and says how many changes are still unsaved. */
function confirmCount(pending: PendingChanges, server: Y.Snapshot): number {
  pending.confirm(server);
  return pending.count;
}

describe('pending changes', () => {
  it('counts each local transaction until a server snapshot holds it', () => {
    const { server, client, pending, sent, deliver } = setUp();
    const text = client.getText('t');
    text.insert(0, 'Nan takes Mia');
    text.insert(13, ' to school');
    client.getMap('m').set('k', 1);
    expect(pending.count).toBe(3);

    // The server stored the first two only.
    deliver(sent[0] as Uint8Array);
    deliver(sent[1] as Uint8Array);
    expect(confirmCount(pending, Y.snapshot(server))).toBe(1);
    deliver(sent[2] as Uint8Array);
    expect(confirmCount(pending, Y.snapshot(server))).toBe(0);
  });

  it('keeps a deletion unsaved until the server has deleted the same text', () => {
    const { server, client, pending, sent, deliver } = setUp();
    client.getText('t').insert(0, 'hello world');
    deliver(sent[0] as Uint8Array);
    expect(confirmCount(pending, Y.snapshot(server))).toBe(0);

    client.getText('t').delete(0, 6);
    // A deletion adds no item: the state vectors already match, yet the server lacks it.
    expect(Y.encodeStateVector(server)).toEqual(Y.encodeStateVector(client));
    expect(confirmCount(pending, Y.snapshot(server))).toBe(1);
    deliver(sent[1] as Uint8Array);
    expect(confirmCount(pending, Y.snapshot(server))).toBe(0);
  });

  it('is confirmed by a reconnect in which the server received everything at once', () => {
    const { server, client, pending } = setUp();
    for (let i = 0; i < 5; i++) client.getArray('a').push([i]);
    client.getArray('a').delete(0, 2);
    expect(pending.count).toBe(6);
    // Sync step 2 from the client after a reconnect: one update with all it had.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)), 'remote');
    expect(confirmCount(pending, Y.snapshot(server))).toBe(0);
  });

  it('is not confirmed by an older snapshot, even after others changed the board', () => {
    const { server, client, pending, sent, deliver } = setUp();
    const before = Y.snapshot(server);
    client.getText('t').insert(0, 'offline words');
    server.getText('other').insert(0, 'someone else');
    expect(confirmCount(pending, before)).toBe(1);
    expect(confirmCount(pending, Y.snapshot(server))).toBe(1);
    deliver(sent[0] as Uint8Array);
    expect(confirmCount(pending, Y.snapshot(server))).toBe(0);
  });

  it('returns the changes a snapshot confirmed, so their kept copies can go', () => {
    const { server, client, pending, sent, deliver } = setUp();
    client.getText('t').insert(0, 'a');
    client.getText('t').insert(1, 'b');
    deliver(sent[0] as Uint8Array);
    expect(pending.confirm(Y.snapshot(server))).toEqual([sent[0]]);
    expect(pending.confirm(Y.snapshot(server))).toEqual([]);
  });

  it('puts changes kept by an earlier page before the ones made on this page', () => {
    const pending = createPendingChanges();
    pending.record(Uint8Array.of(9));
    pending.restore([Uint8Array.of(1), Uint8Array.of(2)]);
    expect(pending.count).toBe(3);
    expect(pending.list()).toEqual([Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(9)]);
  });
});
