import { describe, expect, it } from 'vitest';
import { CloseCode, isFinalCloseCode } from './closeCodes.js';

describe('close codes', () => {
  it('mirror HTTP in the 4xxx range, and only 44xx tell the client not to come back', () => {
    expect(CloseCode.forbidden).toBe(4403);
    expect(CloseCode.refused).toBe(4409);
    expect([4400, 4403, 4404, 4409, 4499].every(isFinalCloseCode)).toBe(true);
    expect([null, 1000, 1001, 1006, 4500, 4503, 4504].some(isFinalCloseCode)).toBe(false);
    const finals = Object.entries(CloseCode).filter(([, code]) => isFinalCloseCode(code));
    expect(finals.map(([name]) => name)).toEqual([
      'badMessage',
      'unauthorized',
      'forbidden',
      'unknownBoard',
      'tooLarge',
      'refused',
      'rateLimited',
    ]);
  });
});
