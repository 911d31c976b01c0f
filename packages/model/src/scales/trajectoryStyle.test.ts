import { describe, expect, it } from 'vitest';
import { PERSON_COLORS, PERSON_DASHES, trajectoryLineStyle } from './trajectoryStyle.js';

const person = (series: number) => trajectoryLineStyle({ kind: 'person', group: 'family', series });

describe('trajectoryLineStyle', () => {
  it('gives each of the first 40 people a colour and dash pair of their own', () => {
    const looks = Array.from({ length: 40 }, (_, i) => person(i)).map(
      (s) => `${s.color}|${s.dash.join(' ')}`,
    );
    expect(new Set(looks).size).toBe(40);
  });

  it('gives the people of one family different colours AND different dashes (up to five)', () => {
    const five = [0, 1, 2, 3, 4].map(person);
    expect(new Set(five.map((s) => s.color)).size).toBe(5);
    expect(new Set(five.map((s) => s.dash.join(' '))).size).toBe(5);
  });

  it('draws an average thick, dashed and square-marked in its group colour, unlike any person', () => {
    const family = trajectoryLineStyle({ kind: 'average', group: 'family', series: 0 });
    expect(family).toMatchObject({ width: 3.5, marker: 'square' });
    expect(family.dash.length).toBeGreaterThan(0);
    expect(PERSON_COLORS).not.toContain(family.color);
    expect(PERSON_DASHES.map((d) => d.join(' '))).not.toContain(family.dash.join(' '));
    expect(person(0)).toMatchObject({ width: 2, marker: 'circle' });
  });

  it('never fails on an odd series number', () => {
    expect(PERSON_COLORS).toContain(person(-3).color);
    expect(PERSON_COLORS).toContain(person(Number.NaN).color);
  });
});
