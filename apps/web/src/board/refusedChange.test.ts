import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { t } from '../lib/messages';
import { REJECTED_MESSAGE_TYPE, readRejection, rejectionMessage } from './refusedChange';

/** A type-100 frame as the server's permission guard sends it, with the type already read. */
function payload(text: string): decoding.Decoder {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, REJECTED_MESSAGE_TYPE);
  encoding.writeVarString(encoder, text);
  const decoder = decoding.createDecoder(encoding.toUint8Array(encoder));
  expect(decoding.readVarUint(decoder)).toBe(REJECTED_MESSAGE_TYPE);
  return decoder;
}

describe('rejection', () => {
  it('reads the rule and reason the server sent', () => {
    const json = JSON.stringify({ rule: 'AC5', reason: "family may not delete another person's card" });
    expect(readRejection(payload(json))).toEqual({
      rule: 'AC5',
      reason: "family may not delete another person's card",
    });
  });

  it('reads a malformed frame as null instead of throwing', () => {
    expect(readRejection(payload('not json'))).toBeNull();
    expect(readRejection(payload('{"rule":5,"reason":"x"}'))).toBeNull();
    expect(readRejection(payload('null'))).toBeNull();
    expect(readRejection(decoding.createDecoder(new Uint8Array([])))).toBeNull();
  });

  it('tells the person in plain words from the catalogue, chosen by rule', () => {
    expect(t(rejectionMessage({ rule: 'AC5', reason: 'x' }))).toContain('only staff can delete or move');
    expect(rejectionMessage({ rule: 'AC1', reason: 'x' })).toBe('rejected.AC1');
    expect(rejectionMessage({ rule: 'AC99', reason: 'x' })).toBe('rejected.other');
    expect(rejectionMessage({ rule: 'constructor', reason: 'x' })).toBe('rejected.other');
    expect(rejectionMessage(null)).toBe('rejected.other');
  });
});
