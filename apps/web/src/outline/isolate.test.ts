import { describe, expect, it } from 'vitest';
import { t } from '../lib/messages';
import { isolate } from './isolate';

describe('isolate', () => {
  it('wraps a name in first-strong isolate marks inside a sentence', () => {
    const line = t('outline.addedBy', { name: isolate('سارة'), role: 'Family' });
    expect(line).toBe('Added by \u2068سارة\u2069 (Family)');
  });
});
