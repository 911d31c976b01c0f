import type { CardId, NetworkMemberId, PairId, ParticipantId, PersonId, RuleId, ScaleId } from './types.js';

/** The board-wide scale every participant rates; per-pair scales use the pair's id. */
export const OVERALL_SCALE_ID = 'overall' as ScaleId;

/** Ids are URL-safe so they can travel in paths, fragments and Yjs map keys unescaped. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

const ID_BYTES = 16; // 128 bits: collisions between replicas are not a practical concern.
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

function randomSource(): RandomSource {
  // The model runs in browsers and Node 20; both expose Web Crypto on globalThis.
  const source = (globalThis as { crypto?: RandomSource }).crypto;
  if (source === undefined) throw new Error('globalThis.crypto.getRandomValues is required');
  return source;
}

/**
 * A fresh random id: 128 bits as 22 URL-safe characters.
 * @example newId() // 'kQ3x0Zr9T1aXb2Yc4De5Fg'
 */
export function newId(): string {
  const bytes = randomSource().getRandomValues(new Uint8Array(ID_BYTES));
  let id = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      id += BASE64URL[(buffer >> bits) & 63];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) id += BASE64URL[(buffer << (6 - bits)) & 63];
  return id;
}

/** True when `value` has the shape of an id (any record kind). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

// Brand helpers: the one place a plain string becomes a typed id. They do not validate;
// ops validate their inputs with zod, and readBoard validates stored values.
export const asCardId = (id: string): CardId => id as CardId;
export const asPairId = (id: string): PairId => id as PairId;
export const asParticipantId = (id: string): ParticipantId => id as ParticipantId;
export const asNetworkMemberId = (id: string): NetworkMemberId => id as NetworkMemberId;
export const asPersonId = (id: string): PersonId => id as PersonId;
export const asRuleId = (id: string): RuleId => id as RuleId;
export const asScaleId = (id: string): ScaleId => id as ScaleId;
