import { describe, expect, it } from 'vitest';
import { isRole, ROLES } from './types.js';

describe('isRole', () => {
  it('accepts the five roles and nothing else read from outside', () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const other of ['admin', 'Facilitator', '', null, undefined, 3, { role: 'family' }])
      expect(isRole(other)).toBe(false);
  });
});
