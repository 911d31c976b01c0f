import { describe, expect, it } from 'vitest';
import { readFragmentValue, safeStore } from './storage';

describe('session', () => {
  it('reads a secret from the link fragment by name', () => {
    expect(readFragmentValue('#invite=abc-123', 'invite')).toBe('abc-123');
    expect(readFragmentValue('#x=1&code=t', 'code')).toBe('t');
    expect(readFragmentValue('#invite=abc', 'code')).toBeNull();
    expect(readFragmentValue('', 'invite')).toBeNull();
    expect(readFragmentValue('#invite=', 'invite')).toBeNull();
  });

  it('ignores a fragment value too long to be one of ours', () => {
    expect(readFragmentValue(`#invite=${'a'.repeat(513)}`, 'invite')).toBeNull();
    expect(readFragmentValue(`#invite=${'a'.repeat(512)}`, 'invite')).toHaveLength(512);
  });

  it('keeps working in memory when the browser refuses storage', () => {
    const store = safeStore(() => {
      throw new Error('storage disabled');
    });
    store.setItem('k', 'v');
    expect(store.getItem('k')).toBe('v');
    store.removeItem('k');
    expect(store.getItem('k')).toBeNull();
  });
});
