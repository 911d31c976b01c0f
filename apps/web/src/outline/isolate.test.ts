import { beforeAll, describe, expect, it } from 'vitest';
import { loadOnDemandWords, t } from '../lib/messages';
import { isolate } from './isolate';

// The outline's words load with it, on demand.
beforeAll(() => loadOnDemandWords());

describe('isolate', () => {
  it('wraps a name in first-strong isolate marks inside a sentence', () => {
    const line = t('outline.addedBy', { name: isolate('سارة'), role: 'Family' });
    expect(line).toBe('Added by \u2068سارة\u2069 (Family)');
  });
});
