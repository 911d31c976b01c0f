import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores scrypt$N$r$p$salt$hash and verifies only the same password', async () => {
    const stored = await hashPassword('correct horse battery', FAST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts every hash, so one password never hashes the same twice', async () => {
    const a = await hashPassword('same password here', FAST);
    const b = await hashPassword('same password here', FAST);
    expect(a).not.toBe(b);
  });

  it('uses N=2^15, r=8, p=1 by default', async () => {
    expect(await hashPassword('default cost pass')).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('treats a malformed or tampered stored value as a mismatch, never a throw', async () => {
    const stored = await hashPassword('correct horse battery', FAST);
    for (const bad of [
      '',
      'plain',
      'scrypt$1$8$1$AAAA$AAAA',
      stored.replace('$1024$', '$1023$'),
      `${stored}x`,
    ]) {
      expect(await verifyPassword('correct horse battery', bad)).toBe(false);
    }
  });
});
