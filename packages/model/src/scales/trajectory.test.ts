import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addPair } from '../cards/analysis.js';
import { setCardText } from '../cards/cards.js';
import { asParticipantId, asScaleId, OVERALL_SCALE_ID } from '../doc/ids.js';
import { readBoard } from '../doc/read.js';
import type { Actor, Role } from '../doc/types.js';
import { registerParticipant } from '../plan/participants.js';
import { newBoard, unwrap } from '../test-support.js';
import { rate, setScaleMode } from './scales.js';
import { groupOfRole, type TrajectoryMoment, trajectory } from './trajectory.js';

const person = (id: string, role: Role): Actor => ({ participantId: asParticipantId(id), role });
const mum = person('mum', 'family');
const dad = person('dad', 'family');
const gran = person('gran', 'network');
const sam = person('sam', 'practitioner');
const fac = person('fac', 'facilitator');

function register(doc: Y.Doc, actor: Actor, displayName: string): void {
  unwrap(registerParticipant(doc, { id: actor.participantId, displayName, role: actor.role }));
}

function moment(doc: Y.Doc, versionId: string | null, at: number): TrajectoryMoment {
  return { versionId, at, label: versionId ?? 'Now', board: readBoard(doc) };
}

const values = (line: { points: readonly { value: number | null }[] } | undefined) =>
  line?.points.map((point) => point.value);

describe('trajectory', () => {
  it('follows the overall scale first, then each pair titled by its danger statement', () => {
    const doc = newBoard();
    for (const [actor, name] of [
      [mum, 'Mum'],
      [sam, 'Sam'],
    ] as const)
      register(doc, actor, name);
    unwrap(rate(doc, mum, OVERALL_SCALE_ID, { value: 3 }));
    const first = moment(doc, 'v1', 100);
    const { pairId, dangerStatementId } = unwrap(
      addPair(doc, sam, { dangerStatement: 'Worried Dad drinks', safetyGoal: 'Dad will not drink' }),
    );
    unwrap(rate(doc, mum, OVERALL_SCALE_ID, { value: 6 }));
    unwrap(rate(doc, sam, asScaleId(pairId), { value: 4 }));
    const second = moment(doc, 'v2', 200);
    unwrap(setCardText(doc, sam, dangerStatementId, 'Worried Dad drinks at home'));
    const now = moment(doc, null, 300);

    const result = trajectory([now, first, second]);
    expect(result.moments).toEqual([
      { versionId: 'v1', at: 100, label: 'v1' },
      { versionId: 'v2', at: 200, label: 'v2' },
      { versionId: null, at: 300, label: 'Now' },
    ]);
    expect(result.scales.map((scale) => [scale.scaleId, scale.title])).toEqual([
      [OVERALL_SCALE_ID, ''],
      [pairId, 'Worried Dad drinks at home'],
    ]);
    const overall = result.scales[0];
    expect(overall?.lines.find((line) => line.key === 'mum')).toEqual({
      key: 'mum',
      kind: 'person',
      label: 'Mum',
      role: 'family',
      group: 'family',
      series: 0,
      points: [
        { versionId: 'v1', at: 100, value: 3 },
        { versionId: 'v2', at: 200, value: 6 },
        { versionId: null, at: 300, value: 6 },
      ],
    });
    expect(values(result.scales[1]?.lines.find((line) => line.key === 'sam'))).toEqual([null, 4, 4]);
  });

  it('draws a mean line per group and ignores scales that were collecting privately', () => {
    const doc = newBoard();
    for (const [actor, name] of [
      [mum, 'Mum'],
      [dad, 'Dad'],
      [gran, 'Gran'],
      [sam, 'Sam'],
      [fac, 'Alex'],
    ] as const)
      register(doc, actor, name);
    for (const [actor, value] of [
      [mum, 4],
      [dad, 7],
      [gran, 5],
      [sam, 2],
      [fac, 3],
    ] as const)
      unwrap(rate(doc, actor, OVERALL_SCALE_ID, { value }));
    const first = moment(doc, 'v1', 1);
    unwrap(setScaleMode(doc, fac, OVERALL_SCALE_ID, 'private'));
    const second = moment(doc, 'v2', 2);

    const [overall] = trajectory([first, second]).scales;
    const line = (key: string) => overall?.lines.find((l) => l.key === key);
    expect(values(line('group:family'))).toEqual([5.5, null]);
    expect(values(line('group:network'))).toEqual([5, null]);
    expect(values(line('group:professionals'))).toEqual([2.5, null]);
    expect(values(line('mum'))).toEqual([4, null]);
    // People first (family, network, professionals; by name), then the group means.
    expect(overall?.lines.map((l) => l.key)).toEqual([
      'dad',
      'mum',
      'gran',
      'fac',
      'sam',
      'group:family',
      'group:network',
      'group:professionals',
    ]);
  });

  it('gives every person their own series, the same on every scale, and marks averages as averages', () => {
    const doc = newBoard();
    for (const [actor, name] of [
      [mum, 'Mum'],
      [dad, 'Dad'],
      [gran, 'Gran'],
      [sam, 'Sam'],
    ] as const)
      register(doc, actor, name);
    const { pairId } = unwrap(addPair(doc, sam, { dangerStatement: 'Worry', safetyGoal: 'Goal' }));
    // Dad scores only the pair: his series is still his own, and the same as if he scored both.
    for (const [actor, value] of [
      [mum, 4],
      [gran, 5],
      [sam, 2],
    ] as const)
      unwrap(rate(doc, actor, OVERALL_SCALE_ID, { value }));
    for (const actor of [dad, mum, sam]) unwrap(rate(doc, actor, asScaleId(pairId), { value: 6 }));
    const { scales } = trajectory([moment(doc, 'v1', 1)]);
    const people = scales.flatMap((scale) => scale.lines.filter((line) => line.kind === 'person'));
    const seriesOf = new Map<string, Set<number>>();
    for (const line of people) seriesOf.set(line.key, (seriesOf.get(line.key) ?? new Set()).add(line.series));
    // One series per person across scales, and no two people share one.
    expect([...seriesOf.values()].map((set) => set.size)).toEqual([1, 1, 1, 1]);
    expect(new Set([...seriesOf.values()].map((set) => [...set][0])).size).toBe(4);
    expect(Object.fromEntries([...seriesOf].map(([key, set]) => [key, [...set][0]]))).toEqual({
      dad: 0,
      mum: 1,
      gran: 2,
      sam: 3,
    });
    const averages = scales[0]?.lines.filter((line) => line.kind === 'average') ?? [];
    expect(averages.map((line) => [line.key, line.group, line.label])).toEqual([
      ['group:family', 'family', 'family'],
      ['group:network', 'network', 'network'],
      ['group:professionals', 'professionals', 'professionals'],
    ]);
    // A person's line belongs to a group too, but is never an average.
    expect(scales[0]?.lines.find((line) => line.key === 'mum')).toMatchObject({
      kind: 'person',
      group: 'family',
    });
  });

  it('names people as the latest board that knows them does', () => {
    const early = newBoard();
    register(early, mum, 'Mum');
    unwrap(rate(early, mum, OVERALL_SCALE_ID, { value: 2 }));
    const later = newBoard();
    register(later, mum, 'Sarah (Mum)');
    const result = trajectory([moment(early, 'v1', 1), moment(later, 'v2', 2)]);
    expect(result.scales[0]?.lines[0]).toMatchObject({ key: 'mum', label: 'Sarah (Mum)' });
    expect(values(result.scales[0]?.lines[0])).toEqual([2, null]);
  });

  it('gives a rater nobody registered an empty label and no group', () => {
    const doc = newBoard();
    unwrap(rate(doc, mum, OVERALL_SCALE_ID, { value: 9 }));
    const [overall] = trajectory([moment(doc, null, 1)]).scales;
    expect(overall?.lines).toEqual([
      {
        key: 'mum',
        kind: 'person',
        label: '',
        role: null,
        group: null,
        series: 0,
        points: [{ versionId: null, at: 1, value: 9 }],
      },
    ]);
  });

  it('has only the overall scale and no lines when there are no moments', () => {
    expect(trajectory([])).toEqual({
      moments: [],
      scales: [{ scaleId: OVERALL_SCALE_ID, title: '', lines: [] }],
    });
  });

  it('shows no value for a scale that is private at that moment, even if a reading carries ratings', () => {
    const doc = newBoard();
    unwrap(rate(doc, mum, OVERALL_SCALE_ID, { value: 8 }));
    const revealed = moment(doc, 'v1', 1);
    const scale = revealed.board.scales[OVERALL_SCALE_ID];
    if (scale === undefined) throw new Error('no overall scale');
    const hidden = {
      ...revealed,
      versionId: 'v2',
      at: 2,
      board: { ...revealed.board, scales: { [OVERALL_SCALE_ID]: { ...scale, mode: 'private' as const } } },
    };
    expect(values(trajectory([revealed, hidden]).scales[0]?.lines[0])).toEqual([8, null]);
  });

  it('counts facilitators and practitioners as professionals and viewers nowhere', () => {
    expect(
      (['facilitator', 'practitioner', 'family', 'network', 'viewer'] as const).map((role) =>
        groupOfRole(role),
      ),
    ).toEqual(['professionals', 'professionals', 'family', 'network', null]);
  });
});

describe('trajectory: scores recorded for someone without a device (issue 14)', () => {
  it('gives a child their own line under their name, counted in the family’s mean', async () => {
    const { addPerson } = await import('../plan/people.js');
    const { recordRating } = await import('./scales.js');
    const doc = newBoard();
    register(doc, mum, 'Mum');
    register(doc, sam, 'Sam');
    const jo = unwrap(addPerson(doc, sam, { name: 'Jo', age: 8 })).personId;
    const grandad = unwrap(addPerson(doc, sam, { name: 'Grandad', kind: 'adult' })).personId;
    unwrap(rate(doc, mum, OVERALL_SCALE_ID, { value: 6 }));
    unwrap(recordRating(doc, sam, OVERALL_SCALE_ID, jo, { value: 2 }));
    unwrap(recordRating(doc, sam, OVERALL_SCALE_ID, grandad, { value: 7 }));
    const lines = trajectory([moment(doc, null, 100)]).scales[0]?.lines ?? [];
    const joLine = lines.find((line) => line.key === jo);
    expect(joLine).toMatchObject({ kind: 'person', label: 'Jo', role: null, group: 'family' });
    expect(lines.find((line) => line.key === grandad)).toMatchObject({ label: 'Grandad', group: null });
    expect(values(lines.find((line) => line.key === 'group:family'))).toEqual([4]);
  });
});
