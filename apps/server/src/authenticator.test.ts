import { createMemoryStore } from '@kinmap/sync';
import { describe, expect, it } from 'vitest';
import { createTokenAuthenticator, readToken } from './authenticator.js';
import { createBoardRegistry } from './boardRegistry.js';
import { openDatabase } from './sqliteStore.js';

describe('readToken', () => {
  it('takes a Bearer header first, then ?token=, and treats empty values as absent', () => {
    expect(readToken('Bearer abc', 'query')).toBe('abc');
    expect(readToken('bearer  abc ', null)).toBe('abc');
    expect(readToken(undefined, 'query')).toBe('query');
    expect(readToken(undefined, '')).toBeNull();
    expect(readToken(undefined, null)).toBeNull();
  });

  it('treats a malformed Authorization header as no token rather than guessing', () => {
    expect(readToken('Basic abc', 'query')).toBeNull();
    expect(readToken('Bearer a b', null)).toBeNull();
  });
});

describe('createTokenAuthenticator', () => {
  it('checks the board first (404), then that a token is present (401), then the token (403)', async () => {
    const registry = createBoardRegistry({ db: openDatabase(':memory:'), store: createMemoryStore() });
    const created = await registry.create('Board');
    if (!created.ok) throw new Error('create failed');
    const { id, tokens } = created.value;
    const authenticate = createTokenAuthenticator(registry);
    expect(authenticate({ boardId: 'nope', token: null })).toEqual({ ok: false, reason: 'unknown-board' });
    expect(authenticate({ boardId: 'bad/id', token: tokens.family })).toEqual({
      ok: false,
      reason: 'unknown-board',
    });
    expect(authenticate({ boardId: id, token: null })).toEqual({ ok: false, reason: 'missing-token' });
    expect(authenticate({ boardId: id, token: 'guess' })).toEqual({ ok: false, reason: 'wrong-token' });
    expect(authenticate({ boardId: id, token: tokens.viewer })).toEqual({
      ok: true,
      boardId: id,
      role: 'viewer',
    });
  });
});
