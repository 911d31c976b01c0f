import { describe, expect, it } from 'vitest';
import { textDirection } from './textDirection';

describe('textDirection', () => {
  it('runs Arabic and Urdu right to left', () => {
    expect(textDirection('الأم تأخذ الطفل إلى المدرسة')).toBe('rtl');
    expect(textDirection('نانی بچی کو اسکول لے جاتی ہیں')).toBe('rtl');
    expect(textDirection('אמא מתקשרת לבית הספר')).toBe('rtl');
  });

  it('runs Welsh, Polish and English left to right', () => {
    expect(textDirection('Mae Nain yn mynd â Mia i’r ysgol')).toBe('ltr');
    expect(textDirection('Babcia zabiera Mię do szkoły')).toBe('ltr');
    expect(textDirection('Nan takes Mia to school')).toBe('ltr');
  });

  it('decides by the first letter, skipping digits, spaces and punctuation', () => {
    expect(textDirection('  3) — «الأم» then English')).toBe('rtl');
    expect(textDirection('7. Mum then الأم')).toBe('ltr');
    expect(textDirection('123 — !?')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
  });
});
