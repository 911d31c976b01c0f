import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep1 } from '../protocol.js';
import { frameKind } from './harness.js';
import { createSocketPair } from './socketPair.js';
import { createTestClient } from './testClient.js';

describe('createTestClient', () => {
  it('opens like the official provider: sync step 1, then its own awareness', () => {
    const client = createTestClient();
    client.awareness.setLocalStateField('name', 'Sam');
    const pair = createSocketPair();
    const sent: string[] = [];
    pair.server.onmessage = (data) => sent.push(frameKind(data));
    client.attach(pair.client);
    pair.flush();
    expect(sent).toEqual(['step1', 'awareness']);
    client.destroy();
  });

  it('answers a sync step 1 with a step 2 holding what the asker lacks', () => {
    const client = createTestClient();
    client.doc.getText('t').insert(0, 'from the client');
    const pair = createSocketPair();
    const replies: Uint8Array[] = [];
    pair.server.onmessage = (data) => replies.push(data);
    client.attach(pair.client);
    pair.server.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    pair.flush();
    expect(replies.map(frameKind)).toEqual(['step1', 'awareness', 'step2']);
    client.destroy();
  });

  it('ignores late frames of a socket it has replaced', () => {
    const client = createTestClient();
    const old = createSocketPair();
    client.attach(old.client);
    const server = new Y.Doc();
    server.getText('t').insert(0, 'stale');
    old.server.send(encodeSyncStep1(Y.encodeStateVector(server)));
    client.attach(createSocketPair().client);
    old.flush();
    expect(client.received).toHaveLength(0);
    client.destroy();
  });

  it('says goodbye with a null awareness state before it closes', () => {
    const client = createTestClient();
    client.awareness.setLocalStateField('name', 'Sam');
    const pair = createSocketPair();
    client.attach(pair.client);
    const sent: string[] = [];
    pair.server.onmessage = (data) => sent.push(frameKind(data));
    pair.flush();
    sent.length = 0;
    client.disconnect();
    pair.flush();
    expect(sent).toEqual(['awareness']);
    expect(pair.server.closed?.code).toBe(1000);
    client.destroy();
  });
});
