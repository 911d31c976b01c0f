import { describe, expect, it } from 'vitest';
import {
  hasJoined,
  type KeyValueStore,
  loadBoardToken,
  loadParticipantId,
  loadShareTokens,
  markJoined,
  readTokenFromHash,
  safeStore,
  saveBoardToken,
  saveShareTokens,
} from './session';

function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('session', () => {
  it('reads the token from the link fragment', () => {
    expect(readTokenFromHash('#token=abc-123')).toBe('abc-123');
    expect(readTokenFromHash('#x=1&token=t')).toBe('t');
    expect(readTokenFromHash('')).toBeNull();
    expect(readTokenFromHash('#token=')).toBeNull();
  });

  it('keeps a token per board', () => {
    const store = memoryStore();
    saveBoardToken(store, 'b1', 't1');
    expect(loadBoardToken(store, 'b1')).toBe('t1');
    expect(loadBoardToken(store, 'b2')).toBeNull();
  });

  it('round-trips share tokens and rejects a damaged entry', () => {
    const store = memoryStore();
    const tokens = { facilitator: 'f', practitioner: 'p', family: 'fa', network: 'n', viewer: 'v' };
    saveShareTokens(store, 'b1', tokens);
    expect(loadShareTokens(store, 'b1')).toEqual(tokens);
    store.setItem('kinmap.shareTokens.b2', '{"facilitator":1}');
    expect(loadShareTokens(store, 'b2')).toBeNull();
    store.setItem('kinmap.shareTokens.b3', 'not json');
    expect(loadShareTokens(store, 'b3')).toBeNull();
  });

  it('creates the participant id once and then reuses it', () => {
    const store = memoryStore();
    let calls = 0;
    const make = () => `id${++calls}`;
    expect(loadParticipantId(store, make)).toBe('id1');
    expect(loadParticipantId(store, make)).toBe('id1');
  });

  it('remembers that this tab joined a board', () => {
    const store = memoryStore();
    expect(hasJoined(store, 'b1')).toBe(false);
    markJoined(store, 'b1');
    expect(hasJoined(store, 'b1')).toBe(true);
  });

  it('keeps working in memory when the browser refuses storage', () => {
    const store = safeStore(() => {
      throw new Error('storage disabled');
    });
    store.setItem('k', 'v');
    expect(store.getItem('k')).toBe('v');
  });
});
