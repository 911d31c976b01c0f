import { describe, expect, it } from 'vitest';
import { sameHost } from './origin.js';

describe('sameHost', () => {
  it('compares host and port only, never trusting a malformed value', () => {
    expect(sameHost('https://kinmap.example', 'http://kinmap.example/api/x')).toBe(true);
    expect(sameHost('http://localhost:3001', 'http://localhost:3000/')).toBe(false);
    expect(sameHost('not a url', 'http://localhost/')).toBe(false);
    expect(sameHost(undefined, 'http://localhost/')).toBe(false);
    expect(sameHost('null', 'http://localhost/')).toBe(false);
  });
});
