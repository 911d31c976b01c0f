import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  carriesNewContent,
  decodeAwarenessUpdate,
  decodeClientMessage,
  decodeDocUpdate,
  encodeAwarenessMessage,
  encodeAwarenessUpdate,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MAX_AWARENESS_STATE_CHARS,
  MessageType,
} from './protocol.js';

const officialSync = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
};

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('decodeClientMessage', () => {
  it('reads the sync frames the official client writes', () => {
    const doc = docWithText('hello');
    const step1 = decodeClientMessage(officialSync((e) => syncProtocol.writeSyncStep1(e, doc)));
    expect(step1).toEqual({ ok: true, value: { type: 'syncStep1', stateVector: Y.encodeStateVector(doc) } });
    const step2 = decodeClientMessage(officialSync((e) => syncProtocol.writeSyncStep2(e, doc)));
    expect(step2).toEqual({ ok: true, value: { type: 'syncStep2', update: Y.encodeStateAsUpdate(doc) } });
    const update = decodeClientMessage(
      officialSync((e) => syncProtocol.writeUpdate(e, new Uint8Array([0, 0]))),
    );
    expect(update).toEqual({ ok: true, value: { type: 'update', update: new Uint8Array([0, 0]) } });
  });

  it('reads awareness and query-awareness frames', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ name: 'Sam' });
    const frame = encodeAwarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
    );
    expect(decodeClientMessage(frame)).toEqual({
      ok: true,
      value: {
        type: 'awareness',
        entries: [{ clientId: awareness.clientID, clock: 1, state: { name: 'Sam' } }],
      },
    });
    expect(decodeClientMessage(encodeQueryAwareness())).toEqual({
      ok: true,
      value: { type: 'queryAwareness' },
    });
    awareness.destroy();
  });

  it('refuses truncated frames, trailing bytes, unknown types and unknown sync steps with a reason', () => {
    expect(decodeClientMessage(new Uint8Array([]))).toEqual({ ok: false, reason: 'malformed message' });
    expect(decodeClientMessage(new Uint8Array([0, 0, 5, 1]))).toEqual({
      ok: false,
      reason: 'malformed message',
    });
    expect(decodeClientMessage(new Uint8Array([0, 2, 0, 9]))).toEqual({
      ok: false,
      reason: 'trailing bytes after message',
    });
    expect(decodeClientMessage(new Uint8Array([2, 0]))).toEqual({
      ok: false,
      reason: 'unknown message type 2',
    });
    expect(decodeClientMessage(new Uint8Array([0, 3, 0]))).toEqual({
      ok: false,
      reason: 'unknown sync step 3',
    });
  });

  it('refuses a state vector that does not decode', () => {
    expect(decodeClientMessage(encodeSyncStep1(new Uint8Array([3, 1])))).toEqual({
      ok: false,
      reason: 'malformed message',
    });
  });
});

describe('decodeAwarenessUpdate / encodeAwarenessUpdate', () => {
  it('round-trips byte for byte with y-protocols', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ cursor: { x: 1, y: 2 }, name: 'Ünïcode' });
    const official = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
    const decoded = decodeAwarenessUpdate(official);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(encodeAwarenessUpdate(decoded.value)).toEqual(official);
    awareness.destroy();
  });

  it('refuses a state that is not a JSON object or null', () => {
    const entry = (json: string) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 42);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, json);
      return encoding.toUint8Array(encoder);
    };
    expect(decodeAwarenessUpdate(entry('null'))).toEqual({
      ok: true,
      value: [{ clientId: 42, clock: 1, state: null }],
    });
    expect(decodeAwarenessUpdate(entry('5'))).toEqual({
      ok: false,
      reason: 'awareness state is not an object',
    });
    expect(decodeAwarenessUpdate(entry('[1]'))).toEqual({
      ok: false,
      reason: 'awareness state is not an object',
    });
    expect(decodeAwarenessUpdate(entry('{nope'))).toEqual({
      ok: false,
      reason: 'malformed awareness update',
    });
    // [L5] A state past the bound is refused before it is parsed.
    const padded = (length: number) => `{"p":"${'x'.repeat(length - 8)}"}`;
    expect(decodeAwarenessUpdate(entry(padded(MAX_AWARENESS_STATE_CHARS))).ok).toBe(true);
    expect(decodeAwarenessUpdate(entry(padded(MAX_AWARENESS_STATE_CHARS + 1)))).toEqual({
      ok: false,
      reason: 'awareness state too large',
    });
  });
});

describe('encodeSyncStep1 / encodeSyncStep2 / encodeUpdate', () => {
  it('writes frames the official sync protocol reads', () => {
    const source = docWithText('from the room');
    for (const frame of [
      encodeSyncStep2(Y.encodeStateAsUpdate(source)),
      encodeUpdate(Y.encodeStateAsUpdate(source)),
    ]) {
      const target = new Y.Doc();
      const decoder = decoding.createDecoder(frame);
      expect(decoding.readVarUint(decoder)).toBe(MessageType.sync);
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), target, null);
      expect(target.getText('t').toString()).toBe('from the room');
    }
    const reply = encoding.createEncoder();
    const decoder = decoding.createDecoder(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    decoding.readVarUint(decoder);
    syncProtocol.readSyncMessage(decoder, reply, source, null);
    expect(encoding.length(reply)).toBeGreaterThan(2);
  });
});

describe('carriesNewContent', () => {
  const check = (doc: Y.Doc, update: Uint8Array) => {
    const decoded = decodeDocUpdate(update);
    if (!decoded.ok) throw new Error(decoded.reason);
    return carriesNewContent(doc, decoded.value, update, () => Y.snapshot(doc));
  };

  it('is true for new structs and for deletions the doc has not seen', () => {
    const client = docWithText('hello world');
    const room = new Y.Doc();
    expect(check(room, Y.encodeStateAsUpdate(client))).toBe(true);
    Y.applyUpdate(room, Y.encodeStateAsUpdate(client));
    const before = Y.encodeStateVector(client);
    client.getText('t').delete(0, 6);
    expect(check(room, Y.encodeStateAsUpdate(client, before))).toBe(true);
  });

  it("is false for a repeat, such as a reconnecting client's step 2 with its whole delete set", () => {
    const client = docWithText('hello world');
    client.getText('t').delete(0, 6);
    const room = new Y.Doc();
    Y.applyUpdate(room, Y.encodeStateAsUpdate(client));
    expect(check(room, Y.encodeStateAsUpdate(client, Y.encodeStateVector(room)))).toBe(false);
    expect(check(room, Y.encodeStateAsUpdate(client))).toBe(false);
  });

  it('takes a live deletion as new without walking the doc, and still refuses repeated structs', () => {
    const client = docWithText('hello world');
    const room = new Y.Doc();
    Y.applyUpdate(room, Y.encodeStateAsUpdate(client));
    const before = Y.encodeStateVector(client);
    client.getText('t').delete(0, 6);
    const deletion = Y.encodeStateAsUpdate(client, before);
    const decodedDeletion = decodeDocUpdate(deletion);
    if (!decodedDeletion.ok) throw new Error(decodedDeletion.reason);
    expect(carriesNewContent(room, decodedDeletion.value, deletion, null)).toBe(true);
    const repeat = Y.encodeStateAsUpdate(docWithText('hello world'));
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, repeat);
    const decodedRepeat = decodeDocUpdate(repeat);
    if (!decodedRepeat.ok) throw new Error(decodedRepeat.reason);
    expect(carriesNewContent(fresh, decodedRepeat.value, repeat, null)).toBe(false);
  });

  it('refuses bytes that are not a Yjs update', () => {
    expect(decodeDocUpdate(new Uint8Array([5, 200, 200]))).toEqual({
      ok: false,
      reason: 'malformed document update',
    });
  });
});
