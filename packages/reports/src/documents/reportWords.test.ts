import { CATEGORIES, COLUMNS, MEETING_TYPES, ROLES } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_HEADINGS,
  COLUMN_HEADINGS,
  FAMILY_CATEGORY_HEADINGS,
  FAMILY_COLUMN_HEADINGS,
  firstName,
  MEETING_TYPE_LABELS,
  ROLE_LABELS,
} from './reportWords.js';

describe('report words', () => {
  it('has words for every role, meeting type, column and category, in both registers', () => {
    for (const role of ROLES) expect(ROLE_LABELS[role]).toMatch(/^[A-Z]/);
    for (const type of MEETING_TYPES) expect(MEETING_TYPE_LABELS[type]).toMatch(/^[A-Z]/);
    for (const column of COLUMNS) {
      expect(COLUMN_HEADINGS[column]).not.toBe('');
      expect(FAMILY_COLUMN_HEADINGS[column]).not.toBe('');
    }
    for (const category of CATEGORIES) {
      expect(CATEGORY_HEADINGS[category]).not.toBe('');
      expect(FAMILY_CATEGORY_HEADINGS[category]).not.toBe('');
    }
  });

  it('keeps the family summary free of the practice’s jargon', () => {
    const family = [
      ...Object.values(FAMILY_COLUMN_HEADINGS),
      ...Object.values(FAMILY_CATEGORY_HEADINGS),
    ].join(' ');
    expect(family).not.toMatch(/danger statement|safety goal|complicating|existing/i);
  });

  it('takes the first word of a name, and says "Someone" for an empty one', () => {
    expect(firstName('  Mariam   Khan ')).toBe('Mariam');
    expect(firstName('مريم خان')).toBe('مريم');
    expect(firstName('   ')).toBe('Someone');
  });
});
