import { describe, expect, it } from 'vitest';
import { transformCaret } from './caret';

describe('transformCaret', () => {
  it('moves the caret right when text is inserted before it', () => {
    expect(transformCaret(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8);
  });

  it('leaves the caret alone when text is inserted after it or exactly at it', () => {
    expect(transformCaret(5, [{ retain: 7 }, { insert: 'abc' }])).toBe(5);
    expect(transformCaret(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5);
  });

  it('moves the caret left by the deleted text before it, and to the start of a deletion around it', () => {
    expect(transformCaret(5, [{ delete: 2 }])).toBe(3);
    expect(transformCaret(5, [{ retain: 3 }, { delete: 4 }])).toBe(3);
    expect(transformCaret(5, [{ retain: 6 }, { delete: 4 }])).toBe(5);
  });

  it('adds up several changes and counts an embed as one character', () => {
    expect(transformCaret(10, [{ insert: 'xy' }, { retain: 4 }, { delete: 3 }, { insert: {} }])).toBe(10);
  });
});
