import type { CardId } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { historyCommand, keyCommand, viewCommand } from './boardKeys';

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

describe('historyCommand', () => {
  const chord = (
    key: string,
    mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }>,
  ) => ({
    key,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    shiftKey: mods.shift ?? false,
    altKey: mods.alt ?? false,
  });

  it('undoes with Ctrl+Z or Cmd+Z', () => {
    expect(historyCommand(chord('z', { ctrl: true }))).toBe('undo');
    expect(historyCommand(chord('z', { meta: true }))).toBe('undo');
  });

  it('redoes with Ctrl+Shift+Z and Ctrl+Y', () => {
    expect(historyCommand(chord('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(historyCommand(chord('y', { ctrl: true }))).toBe('redo');
  });

  it('leaves plain letters and other shortcuts alone', () => {
    expect(historyCommand(chord('z', {}))).toBeNull();
    expect(historyCommand(chord('z', { ctrl: true, alt: true }))).toBeNull();
    expect(historyCommand(chord('x', { ctrl: true }))).toBeNull();
  });
});

describe('viewCommand', () => {
  const key = (k: string, ctrlKey = false) => ({
    key: k,
    ctrlKey,
    metaKey: false,
    shiftKey: false,
    altKey: false,
  });

  it('zooms with + and −, and fits the board with 0', () => {
    expect(viewCommand(key('+'))).toBe('zoomIn');
    expect(viewCommand(key('='))).toBe('zoomIn');
    expect(viewCommand(key('-'))).toBe('zoomOut');
    expect(viewCommand(key('0'))).toBe('fit');
  });

  it('leaves Ctrl with + and − to the browser’s own page zoom', () => {
    expect(viewCommand(key('+', true))).toBeNull();
    expect(viewCommand(key('0', true))).toBeNull();
    expect(viewCommand(key('a'))).toBeNull();
  });
});
