import { describe, expect, it } from 'vitest';
import { ID_PATTERN, isId, newId } from './ids.js';

describe('newId', () => {
  it('makes 22 URL-safe characters (128 random bits)', () => {
    const id = newId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(ID_PATTERN.test(id)).toBe(true);
  });

  it('does not repeat across many calls and uses the whole alphabet', () => {
    const ids = Array.from({ length: 2_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    const seen = new Set(ids.join(''));
    expect(seen.size).toBe(64);
  });
});

describe('isId', () => {
  it('accepts URL-safe ids and refuses anything else', () => {
    expect(isId('overall')).toBe(true);
    expect(isId('a-b_C9')).toBe(true);
    for (const bad of ['', 'has space', 'a/b', 'é', 'x'.repeat(129), 7, null]) expect(isId(bad)).toBe(false);
  });
});
