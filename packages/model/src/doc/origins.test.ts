import { describe, expect, it } from 'vitest';
import { isOrigin, Origins, originKind } from './origins.js';

describe('Origins', () => {
  it('are frozen objects labelled by kind', () => {
    expect(Origins.local).toEqual({ kind: 'local' });
    expect(Object.isFrozen(Origins)).toBe(true);
    expect(Object.isFrozen(Origins.remote)).toBe(true);
  });

  it('isOrigin recognises our origins by shape, even copies from another module instance', () => {
    expect(isOrigin(Origins.storage)).toBe(true);
    expect(isOrigin({ kind: 'migration' })).toBe(true);
    for (const other of [null, undefined, 'local', {}, { kind: 'provider' }, { kind: 3 }]) {
      expect(isOrigin(other)).toBe(false);
    }
  });

  it('originKind names the kind or returns null for foreign origins', () => {
    expect(originKind(Origins.remote)).toBe('remote');
    expect(originKind({ provider: true })).toBeNull();
    expect(originKind(null)).toBeNull();
  });
});
