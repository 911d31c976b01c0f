import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { encodeSyncStep1 } from './protocol.js';
import { decodeRejected, encodeRejected, REJECTED_MESSAGE_TYPE } from './rejection.js';

describe('the rejected frame', () => {
  it('is message type 100 carrying the rule and reason as JSON, and decodes back', () => {
    const frame = encodeRejected({ rule: 'AC5', reason: "family may not delete another person's card" });
    expect(frame[0]).toBe(REJECTED_MESSAGE_TYPE);
    expect(decodeRejected(frame)).toEqual({
      rule: 'AC5',
      reason: "family may not delete another person's card",
    });
  });

  it('decodes any other frame, or a malformed one, as null', () => {
    const frame = (json: string) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, REJECTED_MESSAGE_TYPE);
      encoding.writeVarString(encoder, json);
      return encoding.toUint8Array(encoder);
    };
    expect(decodeRejected(encodeSyncStep1(new Uint8Array([0])))).toBeNull();
    expect(decodeRejected(frame('not json'))).toBeNull();
    expect(decodeRejected(frame('{"rule":5,"reason":"x"}'))).toBeNull();
    expect(decodeRejected(new Uint8Array([100]))).toBeNull();
  });
});
