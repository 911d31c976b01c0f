import {
  addCard,
  asParticipantId,
  type CardId,
  cardsInCategory,
  initBoard,
  moveCard,
  readBoard,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { historyCommand, keyCommand, moveCommand, viewCommand } from './boardKeys';

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

describe('moveCommand', () => {
  const actor = { participantId: asParticipantId('sam'), role: 'facilitator' } as const;
  function board() {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Case', createdAt: 1 });
    const ids = ['first', 'second', 'third'].map((text) => {
      const added = addCard(doc, actor, { category: 'harm', text });
      if (!added.ok) throw new Error(added.reason);
      return added.value.cardId;
    });
    return { doc, ids: ids as [CardId, CardId, CardId] };
  }
  const alt = (key: string) => ({ key, altKey: true, ctrlKey: false, metaKey: false, shiftKey: false });

  it('swaps the chosen card with its neighbour on Alt+Up and Alt+Down, and stops at the ends', () => {
    const { doc, ids } = board();
    const state = readBoard(doc);
    expect(moveCommand(alt('ArrowDown'), state, ids[0])).toEqual({
      cardId: ids[0],
      category: 'harm',
      index: 1,
    });
    expect(moveCommand(alt('ArrowUp'), state, ids[2])).toEqual({
      cardId: ids[2],
      category: 'harm',
      index: 1,
    });
    expect(moveCommand(alt('ArrowUp'), state, ids[0])).toBeNull();
    expect(moveCommand(alt('ArrowDown'), state, ids[2])).toBeNull();
    // Applied through the model, Alt+Down really puts the first card second.
    const move = moveCommand(alt('ArrowDown'), state, ids[0]);
    if (!move) throw new Error('no move');
    expect(moveCard(doc, actor, move.cardId, { category: move.category, index: move.index }).ok).toBe(true);
    expect(cardsInCategory(readBoard(doc), 'harm').map((card) => card.text)).toEqual([
      'second',
      'first',
      'third',
    ]);
  });

  it('sends the chosen card to the end of the section before or after on Alt+Left and Alt+Right', () => {
    const { doc, ids } = board();
    const state = readBoard(doc);
    expect(moveCommand(alt('ArrowRight'), state, ids[1])).toEqual({
      cardId: ids[1],
      category: 'dangerStatement',
      index: 0,
    });
    expect(moveCommand(alt('ArrowLeft'), state, ids[1])).toBeNull(); // harm is the first section
  });

  it('skips the cards shown in the worries-and-goals row, and never moves one of them', () => {
    const { doc, ids } = board();
    const state = readBoard(doc);
    const inRow = (id: CardId) => id === ids[1];
    // first, (second in the row), third: Alt+Down on "first" puts it after "third".
    const down = moveCommand(alt('ArrowDown'), state, ids[0], inRow);
    expect(down).toEqual({ cardId: ids[0], category: 'harm', index: 2 });
    const up = moveCommand(alt('ArrowUp'), state, ids[2], inRow);
    expect(up).toEqual({ cardId: ids[2], category: 'harm', index: 0 });
    expect(moveCommand(alt('ArrowUp'), state, ids[1], inRow)).toBeNull();
    if (!down) throw new Error('no move');
    expect(moveCard(doc, actor, down.cardId, { category: down.category, index: down.index }).ok).toBe(true);
    const shown = cardsInCategory(readBoard(doc), 'harm').filter((card) => !inRow(card.id));
    expect(shown.map((card) => card.text)).toEqual(['third', 'first']);
  });

  it('leaves plain arrows, other modifiers and no choice alone', () => {
    const { doc, ids } = board();
    const state = readBoard(doc);
    expect(moveCommand({ ...alt('ArrowDown'), altKey: false }, state, ids[0])).toBeNull();
    expect(moveCommand({ ...alt('ArrowDown'), ctrlKey: true }, state, ids[0])).toBeNull();
    expect(moveCommand(alt('ArrowDown'), state, null)).toBeNull();
    expect(moveCommand(alt('Enter'), state, ids[0])).toBeNull();
  });
});
