import type { CardId } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { keyCommand } from './boardKeys';

const a = 'a' as CardId;
const b = 'b' as CardId;
const c = 'c' as CardId;
const order = [a, b, c];

describe('keyCommand', () => {
  it('walks the cards in reading order with the arrow keys and stops at the ends', () => {
    expect(keyCommand('ArrowDown', order, null)).toEqual({ kind: 'select', cardId: 'a' });
    expect(keyCommand('ArrowDown', order, a)).toEqual({ kind: 'select', cardId: 'b' });
    expect(keyCommand('ArrowRight', order, c)).toEqual({ kind: 'select', cardId: 'c' });
    expect(keyCommand('ArrowUp', order, b)).toEqual({ kind: 'select', cardId: 'a' });
    expect(keyCommand('ArrowLeft', order, a)).toEqual({ kind: 'select', cardId: 'a' });
    expect(keyCommand('ArrowUp', order, null)).toEqual({ kind: 'select', cardId: 'a' });
  });

  it('edits and deletes only a chosen card that is still on the board', () => {
    expect(keyCommand('Enter', order, b)).toEqual({ kind: 'edit', cardId: 'b' });
    expect(keyCommand('Delete', order, c)).toEqual({ kind: 'delete', cardId: 'c' });
    expect(keyCommand('Backspace', order, c)).toEqual({ kind: 'delete', cardId: 'c' });
    expect(keyCommand('Enter', order, null)).toBeNull();
    expect(keyCommand('Delete', order, 'gone' as CardId)).toBeNull();
  });

  it('leaves other keys and an empty board alone', () => {
    expect(keyCommand('x', order, a)).toBeNull();
    expect(keyCommand('ArrowDown', [], null)).toBeNull();
  });
});
