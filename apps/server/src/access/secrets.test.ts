import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashSecret, isSecretShaped, newSecret, secretMatches } from './secrets.js';

describe('secrets', () => {
  it('gives out 43 URL-safe characters and their SHA-256', () => {
    const { secret, hash } = newSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash.equals(createHash('sha256').update(secret, 'utf8').digest())).toBe(true);
  });

  it('never gives the same secret twice', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => newSecret().secret));
    expect(secrets.size).toBe(50);
  });

  it('hashes a presented secret the way it was stored', () => {
    const { secret, hash } = newSecret();
    expect(hashSecret(secret).equals(hash)).toBe(true);
    expect(secretMatches(hash, secret)).toBe(true);
    expect(secretMatches(hash, newSecret().secret)).toBe(false);
    expect(secretMatches(Buffer.alloc(3), secret)).toBe(false);
  });

  it('tells a secret-shaped value from anything else', () => {
    expect(isSecretShaped(newSecret().secret)).toBe(true);
    expect(isSecretShaped('short')).toBe(false);
    expect(isSecretShaped(`${'a'.repeat(42)}=`)).toBe(false);
  });
});
