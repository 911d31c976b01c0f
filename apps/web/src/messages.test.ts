import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS, t } from './messages';

describe('t', () => {
  it('returns the English text for a key', () => {
    expect(t('category.dangerStatement')).toBe('Danger statements');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('card.agree', { count: 3 })).toBe('Agree 3');
    expect(t('join.role')).toBe('You are joining as: {role}');
  });

  it('never names the trademarked method in the interface', () => {
    expect(MESSAGE_KEYS.length).toBeGreaterThan(50);
    for (const key of MESSAGE_KEYS) expect(t(key).toLowerCase()).not.toContain('signs of safety');
  });
});
