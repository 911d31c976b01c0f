import type { Trajectory, TrajectoryLine } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { type ChartBox, chartGeometry, lineStyle, momentX, valuesByMoment, valueY } from './chartGeometry';

const BOX: ChartBox = { width: 240, height: 120, padding: { top: 10, right: 20, bottom: 10, left: 20 } };
// The plot is then x 20..220 (200 wide) and y 10..110 (100 high): 10 units per scale point.

function line(key: string, values: (number | null)[], extra: Partial<TrajectoryLine> = {}): TrajectoryLine {
  return {
    key,
    kind: key.startsWith('group:') ? 'average' : 'person',
    label: key,
    role: 'family',
    // A person's line names their group too (the model's trajectory does); only averages are means.
    group: 'family',
    series: 0,
    points: values.map((value, i) => ({ versionId: i === 2 ? null : `v${i + 1}`, at: 1000 * i, value })),
    ...extra,
  };
}

function trajectory(lines: TrajectoryLine[]): Trajectory {
  return {
    moments: [
      { versionId: 'v1', at: 0, label: 'Initial conference' },
      { versionId: 'v2', at: 1000, label: 'Review conference' },
      { versionId: null, at: 2000, label: 'Now' },
    ],
    scales: [{ scaleId: 'overall', title: '', lines }],
  };
}

const BOTH = { people: true, groups: true };

describe('chartGeometry', () => {
  it('places the moments evenly from the left to the right edge of the plot', () => {
    const t = trajectory([]);
    const chart = chartGeometry(t, t.scales[0]!, BOTH, BOX);
    expect(chart.plot).toEqual({ x: 20, y: 10, width: 200, height: 100 });
    expect(chart.xTicks).toEqual([
      { x: 20, moment: 0 },
      { x: 120, moment: 1 },
      { x: 220, moment: 2 },
    ]);
  });

  it('puts 0 at the bottom of the plot and 10 at the top', () => {
    const t = trajectory([]);
    const chart = chartGeometry(t, t.scales[0]!, BOTH, BOX);
    expect(chart.yTicks[0]).toEqual({ y: 110, value: 0 });
    expect(chart.yTicks.at(-1)).toEqual({ y: 10, value: 10 });
  });

  it('gives one point per scored moment and joins them into one path', () => {
    const t = trajectory([line('alex', [3, 6, 7])]);
    const [alex] = chartGeometry(t, t.scales[0]!, BOTH, BOX).lines;
    expect(alex?.points.map((p) => [p.x, p.y, p.value])).toEqual([
      [20, 80, 3],
      [120, 50, 6],
      [220, 40, 7],
    ]);
    expect(alex?.path).toBe('M20 80 L120 50 L220 40');
  });

  it('breaks the line where a moment has no score, and draws no point there', () => {
    const t = trajectory([line('alex', [3, null, 7])]);
    const [alex] = chartGeometry(t, t.scales[0]!, BOTH, BOX).lines;
    expect(alex?.points.map((p) => p.moment)).toEqual([0, 2]);
    expect(alex?.path).toBe('M20 80 M220 40');
  });

  it('matches points to moments by version id, whatever order the server sent them in', () => {
    const shuffled: TrajectoryLine = {
      ...line('sam', []),
      points: [
        { versionId: null, at: 2000, value: 9 },
        { versionId: 'v1', at: 0, value: 1 },
        { versionId: 'gone', at: 5, value: 5 },
      ],
    };
    const t = trajectory([shuffled]);
    expect(valuesByMoment(shuffled, t)).toEqual([1, null, 9]);
  });

  it('centres a single moment', () => {
    expect(momentX(0, 1, { x: 20, y: 10, width: 200, height: 100 })).toBe(120);
  });

  it('keeps a value outside 0–10 on the plot', () => {
    const plot = { x: 0, y: 0, width: 10, height: 100 };
    expect(valueY(12, plot)).toBe(0);
    expect(valueY(-1, plot)).toBe(100);
  });

  it('shows people, groups or both as the toggles say', () => {
    const mean = line('group:family', [4, 5, 6], { group: 'family', role: null });
    const t = trajectory([line('alex', [3, 6, 7]), mean]);
    const keys = (people: boolean, groups: boolean) =>
      chartGeometry(t, t.scales[0]!, { people, groups }, BOX).lines.map((l) => l.key);
    expect(keys(true, true)).toEqual(['alex', 'group:family']);
    expect(keys(true, false)).toEqual(['alex']);
    expect(keys(false, true)).toEqual(['group:family']);
    expect(keys(false, false)).toEqual([]);
  });
});

describe('lineStyle', () => {
  it('draws each family member in their own colour and their own dash', () => {
    const family = [0, 1, 2].map((series) => lineStyle(line(`p${series}`, [], { series })));
    expect(new Set(family.map((s) => s.color)).size).toBe(3);
    expect(new Set(family.map((s) => s.dash)).size).toBe(3);
    expect(family.every((s) => s.marker === 'circle')).toBe(true);
  });

  it('draws a group mean dashed, thicker and square-marked, unlike any person', () => {
    const person = lineStyle(line('alex', [], { role: 'network', group: 'network' }));
    const group = lineStyle(line('group:professionals', [], { group: 'professionals', role: null }));
    expect(group.dash).not.toBe('');
    expect(group.marker).toBe('square');
    expect(group.width).toBeGreaterThan(person.width);
  });
});
