import { describe, expect, it } from 'vitest';
import { t } from '../lib/messages';
import { rejectionMessage } from './refusedChange';

describe('rejection', () => {
  it('tells the person in plain words from the catalogue, chosen by rule', () => {
    expect(t(rejectionMessage({ rule: 'AC5', reason: 'x' }))).toContain('only staff can delete or move');
    expect(rejectionMessage({ rule: 'AC1', reason: 'x' })).toBe('rejected.AC1');
    expect(rejectionMessage({ rule: 'AC99', reason: 'x' })).toBe('rejected.other');
    expect(rejectionMessage({ rule: 'constructor', reason: 'x' })).toBe('rejected.other');
    expect(rejectionMessage(null)).toBe('rejected.other');
  });
});
