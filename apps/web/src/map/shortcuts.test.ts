import { describe, expect, it } from 'vitest';
import { t } from '../lib/messages';
import { isHelpKey, letterCommand, SHORTCUTS, withKey } from './shortcuts';

const chord = (
  key: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('maps N, A and D without modifiers, and nothing with Ctrl, Cmd or Alt', () => {
    expect(letterCommand(chord('n'))).toBe('add');
    expect(letterCommand(chord('A', { shiftKey: true }))).toBe('agree');
    expect(letterCommand(chord('d'))).toBe('dispute');
    expect(letterCommand(chord('a', { ctrlKey: true }))).toBeNull();
    expect(letterCommand(chord('d', { metaKey: true }))).toBeNull();
    expect(letterCommand(chord('n', { altKey: true }))).toBeNull();
    expect(letterCommand(chord('x'))).toBeNull();
  });

  it('opens help with ? only', () => {
    expect(isHelpKey(chord('?', { shiftKey: true }))).toBe(true);
    expect(isHelpKey(chord('/'))).toBe(false);
    expect(isHelpKey(chord('?', { ctrlKey: true }))).toBe(false);
  });

  it('describes every shortcut in words and writes tooltips with the key', () => {
    for (const entry of Object.values(SHORTCUTS)) expect(t(entry.what)).not.toBe(entry.what);
    expect(withKey('I agree', 'agree')).toBe('I agree (A)');
  });
});
