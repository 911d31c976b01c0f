import {
  encodeAwarenessMessage,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeUpdate,
  MessageType,
  SyncStep,
} from '@kinmap/sync';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import {
  EMPTY_STEP2,
  type Gen,
  mutatedUpdate,
  randomBytes,
  refusedUpdate,
  toleratedFrame,
  truncatedUpdate,
} from './fuzzFrames.js';

/** How each fuzz connection ends (the frame that should make the server close it) and what close to expect. */

/** How a fuzz connection ends: the frame that should make the server close it. */
export type Ending =
  | 'randomBytes'
  | 'truncated'
  | 'trailing'
  | 'unknownType'
  | 'unknownStep'
  | 'badStateVector'
  | 'badAwareness'
  | 'varintOverflow'
  | 'text'
  | 'oversized'
  | 'overCap'
  | 'malformedUpdate'
  | 'refusedUpdate'
  | 'mutatedUpdate'
  | 'rateLimited'
  | 'none';

export const ENDINGS: readonly Ending[] = [
  'randomBytes',
  'truncated',
  'trailing',
  'unknownType',
  'unknownStep',
  'badStateVector',
  'badAwareness',
  'varintOverflow',
  'text',
  'oversized',
  'malformedUpdate',
  'refusedUpdate',
  'refusedUpdate',
  'mutatedUpdate',
  'rateLimited',
  'none',
];

function frameWith(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** The frame (or frames) that should end a connection, by kind. */
export function endingFrames(gen: Gen, ending: Ending): Array<Uint8Array | string> {
  switch (ending) {
    case 'randomBytes':
      return [randomBytes(gen, prng.bool(gen) ? 64 : 4096)];
    case 'truncated': {
      const whole = toleratedFrame(gen, false).frame;
      return [whole.slice(0, prng.int31(gen, 0, whole.length - 1))];
    }
    case 'trailing': {
      const whole = toleratedFrame(gen, false).frame;
      return [new Uint8Array([...whole, ...prng.uint8Array(gen, prng.int31(gen, 1, 8))])];
    }
    case 'unknownType':
      return [frameWith((e) => encoding.writeVarUint(e, prng.oneOf(gen, [2, 4, 5, 100, 255, 2 ** 20])))];
    case 'unknownStep':
      return [
        frameWith((e) => {
          encoding.writeVarUint(e, MessageType.sync);
          encoding.writeVarUint(e, prng.int31(gen, 3, 1000));
          encoding.writeVarUint8Array(e, randomBytes(gen, 20));
        }),
      ];
    case 'badStateVector':
      // Claims entries it does not have.
      return [encodeSyncStep1(new Uint8Array([prng.int31(gen, 5, 100), 1]))];
    case 'badAwareness':
      return [
        encodeAwarenessMessage(
          frameWith((e) => {
            encoding.writeVarUint(e, 1);
            encoding.writeVarUint(e, prng.uint32(gen, 0, 2 ** 31));
            encoding.writeVarUint(e, 1);
            encoding.writeVarString(e, prng.oneOf(gen, ['[1,2]', '"text"', '{"open":', 'nul', '42']));
          }),
        ),
      ];
    case 'varintOverflow':
      return [new Uint8Array(12).fill(0xff)];
    case 'text':
      return [prng.utf16String(gen, 100)];
    case 'oversized':
      return [prng.uint8Array(gen, 1024 * 1024 + prng.int31(gen, 1, 200_000))];
    case 'overCap':
      return [new Uint8Array(16 * 1024 * 1024 + 1)];
    case 'malformedUpdate':
      return [encodeUpdate(truncatedUpdate(gen)), EMPTY_STEP2];
    case 'refusedUpdate':
      return [
        frameWith((e) => syncFrame(e, prng.bool(gen) ? SyncStep.update : SyncStep.step2, refusedUpdate(gen))),
        EMPTY_STEP2,
      ];
    case 'mutatedUpdate':
      return [encodeUpdate(mutatedUpdate(gen)), EMPTY_STEP2];
    case 'rateLimited':
      return Array.from({ length: 400 }, () => encodeQueryAwareness());
    default:
      return [];
  }
}

function syncFrame(encoder: encoding.Encoder, step: number, payload: Uint8Array): void {
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
}

/** The text frame every connection ends with: closed 4400 "binary frames only" if nothing closed it before. */
export const SENTINEL = 'end of fuzz connection';
export const SENTINEL_REASON = 'binary frames only';

/**
 * The close codes an ending may bring, for a writing member or a viewer. `sentinel` means the
 * ending frame was taken (e.g. a viewer's update, dropped) and the sentinel text frame closed it.
 */
export function expectedCloses(ending: Ending, viewer: boolean): ReadonlyArray<number | 'sentinel'> {
  switch (ending) {
    case 'randomBytes':
      return [4400, 4409, 4413, 4429, 'sentinel'];
    case 'text':
    case 'none':
      return ['sentinel'];
    case 'oversized':
      return [4413];
    case 'overCap':
      return [1009, 1006];
    case 'rateLimited':
      return [4429];
    case 'malformedUpdate':
      return viewer ? ['sentinel'] : [4400];
    case 'refusedUpdate':
      return viewer ? ['sentinel'] : [4409];
    case 'mutatedUpdate':
      return viewer ? ['sentinel'] : [4400, 4409, 'sentinel'];
    default:
      return [4400];
  }
}
