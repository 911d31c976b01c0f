import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Bearer secrets (session cookies, invites, tickets, the setup code, participant keys): 32 random
 * bytes, URL-safe base64 (43 characters). Only their SHA-256 is stored, so a copy of the database
 * does not hold a usable secret.
 */
export interface NewSecret {
  /** Handed to the holder once; never stored. */
  readonly secret: string;
  /** What is stored and looked up. */
  readonly hash: Buffer;
}

const SECRET_BYTES = 32;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** @example const { secret, hash } = newSecret(); insert.run(hash); return secret; */
export function newSecret(): NewSecret {
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

/** SHA-256 of a presented secret: what is stored instead of it. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** True when `value` has the shape `newSecret` gives out; checked before any lookup. */
export function isSecretShaped(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

/** Constant-time comparison of a stored hash with a presented secret. */
export function secretMatches(storedHash: Buffer, secret: string): boolean {
  const presented = hashSecret(secret);
  return storedHash.length === presented.length && timingSafeEqual(storedHash, presented);
}
