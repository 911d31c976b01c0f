import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { decodeRejected, encodeRejected, REJECTED_MESSAGE_TYPE, readRejected } from './rejection.js';

/** A type-100 frame around any JSON text. */
const frame = (json: string) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, REJECTED_MESSAGE_TYPE);
  encoding.writeVarString(encoder, json);
  return encoding.toUint8Array(encoder);
};

/** The decoder a provider's message handler gets: the type already read. */
const afterType = (data: Uint8Array) => {
  const decoder = decoding.createDecoder(data);
  expect(decoding.readVarUint(decoder)).toBe(REJECTED_MESSAGE_TYPE);
  return decoder;
};

describe('the rejected frame', () => {
  it('is message type 100 carrying the rule and reason as JSON, and decodes back', () => {
    const data = encodeRejected({ rule: 'AC5', reason: "family may not delete another person's card" });
    expect(data[0]).toBe(REJECTED_MESSAGE_TYPE);
    expect(decodeRejected(data)).toEqual({
      rule: 'AC5',
      reason: "family may not delete another person's card",
    });
  });

  it('decodes any other frame, or a malformed one, as null', () => {
    const syncStep1 = new Uint8Array([0, 0, 1, 0]);
    expect(decodeRejected(syncStep1)).toBeNull();
    expect(decodeRejected(frame('not json'))).toBeNull();
    expect(decodeRejected(frame('{"rule":5,"reason":"x"}'))).toBeNull();
    expect(decodeRejected(new Uint8Array([100]))).toBeNull();
  });

  it('reads the rule and reason after the type, as a client’s message handler does', () => {
    const json = JSON.stringify({ rule: 'AC5', reason: 'family may not delete' });
    expect(readRejected(afterType(frame(json)))).toEqual({ rule: 'AC5', reason: 'family may not delete' });
  });

  it('reads a malformed payload after the type as null, never throwing', () => {
    expect(readRejected(afterType(frame('not json')))).toBeNull();
    expect(readRejected(afterType(frame('{"rule":5,"reason":"x"}')))).toBeNull();
    expect(readRejected(afterType(frame('null')))).toBeNull();
    expect(readRejected(decoding.createDecoder(new Uint8Array([])))).toBeNull();
  });
});
