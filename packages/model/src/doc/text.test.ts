import { describe, expect, it } from 'vitest';
import { applyTextEdit, isWellFormedText, splitsSurrogatePair, textDiff } from './text.js';

function expectRoundTrip(before: string, after: string) {
  const edit = textDiff(before, after);
  expect(applyTextEdit(before, edit)).toBe(after);
  expect(splitsSurrogatePair(before, edit.index)).toBe(false);
  expect(splitsSurrogatePair(before, edit.index + edit.deleteCount)).toBe(false);
  expect(isWellFormedText(edit.insert)).toBe(true);
  return edit;
}

describe('textDiff', () => {
  it.each([
    ['an insertion in the middle', 'cat', 'cart', { index: 2, deleteCount: 0, insert: 'r' }],
    ['a deletion', 'cart', 'cat', { index: 2, deleteCount: 1, insert: '' }],
    ['a replacement', 'Dad shouted', 'Dad hit', { index: 4, deleteCount: 7, insert: 'hit' }],
    ['no change', 'same', 'same', { index: 4, deleteCount: 0, insert: '' }],
    ['from empty', '', 'new', { index: 0, deleteCount: 0, insert: 'new' }],
    ['to empty', 'old', '', { index: 0, deleteCount: 3, insert: '' }],
    [
      'a repeated letter (prefix and suffix never overlap)',
      'aa',
      'aaa',
      { index: 2, deleteCount: 0, insert: 'a' },
    ],
  ])('finds the smallest splice for %s', (_, before, after, expected) => {
    expect(expectRoundTrip(before, after)).toEqual(expected);
  });

  it('keeps Welsh and Polish letters whole (single code units)', () => {
    expect(expectRoundTrip('Mae Dafydd yn dŵad', 'Mae Dafydd yn dŵad adre')).toEqual({
      index: 18,
      deleteCount: 0,
      insert: ' adre',
    });
    expect(expectRoundTrip('Tata pił', 'Tata nie pił')).toEqual({ index: 5, deleteCount: 0, insert: 'nie ' });
  });

  it('handles right-to-left Arabic and Urdu text by code unit position', () => {
    expect(expectRoundTrip('الأم تهتم بالطفل', 'الأم تهتم جيدا بالطفل')).toEqual({
      index: 10,
      deleteCount: 0,
      insert: 'جيدا ',
    });
    const urdu = expectRoundTrip('والد نے وعدہ کیا', 'والد نے پکا وعدہ کیا');
    expect(urdu.deleteCount).toBe(0);
    expect(urdu.insert).toBe('پکا ');
  });

  it('never splits an emoji that shares its high surrogate with the replacement', () => {
    // 😀 (D83D DE00) -> 😁 (D83D DE01): the common prefix would end between the halves.
    expect(expectRoundTrip('hi 😀!', 'hi 😁!')).toEqual({ index: 3, deleteCount: 2, insert: '😁' });
  });

  it('never splits an emoji that shares its low surrogate with the replacement', () => {
    // 🐀 (D83D DC00) -> 𝐀 (D835 DC00): the common suffix would start between the halves.
    expect(expectRoundTrip('a🐀b', 'a𝐀b')).toEqual({ index: 1, deleteCount: 2, insert: '𝐀' });
  });

  it('keeps whole emoji when inserting next to them', () => {
    expectRoundTrip('👍🏽 yes', '👍🏽👍🏽 yes');
    expectRoundTrip('😀😀', '😀😁😀');
    expectRoundTrip('👨‍👩‍👧', '👨‍👩‍👧‍👦');
  });

  it('round-trips random strings of astral, RTL and combining characters without splitting pairs', () => {
    const alphabet = ['a', 'ŵ', 'ł', 'ع', 'ے', '😀', '😁', '🐀', '𝐀', '\u0302', ' '];
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const word = () =>
      Array.from(
        { length: Math.floor(next() * 8) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
    for (let i = 0; i < 500; i++) expectRoundTrip(word(), word());
  });
});

describe('isWellFormedText and splitsSurrogatePair', () => {
  it('rejects lone surrogates and accepts pairs', () => {
    expect(isWellFormedText('ok 😀')).toBe(true);
    expect(isWellFormedText('\ud83d')).toBe(false);
    expect(isWellFormedText('\ude00x')).toBe(false);
    expect(isWellFormedText('x\ud83dx')).toBe(false);
  });

  it('detects an index between the halves of a pair', () => {
    expect(splitsSurrogatePair('a😀', 2)).toBe(true);
    expect(splitsSurrogatePair('a😀', 1)).toBe(false);
    expect(splitsSurrogatePair('a😀', 3)).toBe(false);
  });
});
