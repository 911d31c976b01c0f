import {
  type BoardState,
  type CardId,
  type CardState,
  type Category,
  emptyBoardState,
  type PairId,
  type PairState,
  type ParticipantId,
  type ScaleId,
  type ScaleState,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { visibleBoard } from '../../board/visibility';
import { layoutBoard } from '../boardLayout';
import type { FontSpec, MeasureText } from '../boardMetrics';
import { boardPoint, containsRect, overlaps } from '../geometry';
import { insertionIndexAt, insertionMarkY, readingOrder, sectionOf } from '../layoutQueries';
import { analysisMembers, analysisRowOf, scaleSlotParts, scaleValueX } from './analysisLayout';

const measure: MeasureText = (text: string, font: FontSpec) => text.length * font.size * 0.55;
const WIDE = { width: 1400, height: 800 };
const PHONE = { width: 390, height: 800 };

function card(
  id: string,
  category: Category,
  order: number,
  pairId: string | null = null,
  text = id,
): CardState {
  return {
    id: id as CardId,
    category,
    text,
    authorId: 'p1' as ParticipantId,
    authorRole: 'practitioner',
    createdAt: 0,
    updatedAt: 0,
    order,
    professionalsOnly: false,
    marks: {},
    pairId: pairId as PairId | null,
  };
}

function pair(id: string, dangerStatementId: string, safetyGoalId: string, createdAt: number): PairState {
  return {
    id: id as PairId,
    dangerStatementId: dangerStatementId as CardId,
    safetyGoalId: safetyGoalId as CardId,
    createdAt,
  };
}

function scale(id: string, values: number[]): ScaleState {
  const ratings = Object.fromEntries(values.map((value, i) => [`r${i}`, { value, reason: '', at: 0 }]));
  return { id: id as ScaleId, mode: 'revealed', ratings, scored: [] };
}

function board(cards: CardState[], pairs: PairState[], scales: ScaleState[] = []): BoardState {
  return {
    ...emptyBoardState('Case 1'),
    cards: Object.fromEntries(cards.map((c) => [c.id, c])),
    pairs: Object.fromEntries(pairs.map((p) => [p.id, p])),
    scales: Object.fromEntries(scales.map((s) => [s.id, s])),
  };
}

// Two pairs (made in the order B then A), one unpaired danger statement between them in order.
const TWO_PAIRS = board(
  [
    card('d1', 'dangerStatement', 1, 'pA', 'We worry Mia will be hurt when Dad drinks, '.repeat(4)),
    card('d2', 'dangerStatement', 2),
    card('d3', 'dangerStatement', 3, 'pB'),
    card('g1', 'safetyGoal', 1, 'pA'),
    card('g3', 'safetyGoal', 2, 'pB'),
    card('h', 'harm', 1),
  ],
  [pair('pA', 'd1', 'g1', 20), pair('pB', 'd3', 'g3', 10)],
);

describe('the analysis row', () => {
  it('puts one row per pair below the columns, in the order the pairs were made', () => {
    const layout = layoutBoard(TWO_PAIRS, WIDE, measure);
    expect(layout.analysis.rows.map((r) => [r.pairId, r.number])).toEqual([
      ['pB', 1],
      ['pA', 2],
    ]);
    for (const column of layout.columns)
      expect(layout.analysis.rect.y).toBeGreaterThan(column.rect.y + column.rect.height);
    const [first, second] = layout.analysis.rows;
    expect(first && second && first.rect.y + first.rect.height < second.rect.y).toBe(true);
  });

  it('sets the danger statement under the worries, the scale in the middle and the goal on the right, at one height', () => {
    const layout = layoutBoard(TWO_PAIRS, WIDE, measure);
    const row = analysisRowOf(layout.analysis, 'd1' as CardId);
    const danger = layout.cards.d1;
    const goal = layout.cards.g1;
    const [worries, workingWell, needsToHappen] = layout.columns;
    if (!row || !danger || !goal || !worries || !workingWell || !needsToHappen)
      throw new Error('not laid out');
    expect(danger.rect.y).toBe(goal.rect.y);
    expect(danger.rect.x).toBeGreaterThan(worries.rect.x);
    expect(danger.rect.x + danger.rect.width).toBeLessThan(worries.rect.x + worries.rect.width);
    expect(row.scaleSlot.x).toBeGreaterThan(workingWell.rect.x);
    expect(goal.rect.x).toBeGreaterThan(needsToHappen.rect.x);
    // The long danger statement makes the row; the goal keeps its own height.
    expect(row.rect.height).toBeGreaterThanOrEqual(danger.rect.height);
    expect(goal.rect.height).toBeLessThan(danger.rect.height);
    // As wide as in the section, so the text wraps the same in both places.
    expect(danger.rect.width).toBe(layout.cards.d2?.rect.width);
  });

  it('stacks each pair on a phone: the worry, its scale, then its goal', () => {
    const layout = layoutBoard(TWO_PAIRS, PHONE, measure);
    const row = analysisRowOf(layout.analysis, 'd3' as CardId);
    const danger = layout.cards.d3;
    const goal = layout.cards.g3;
    if (!row || !danger || !goal) throw new Error('not laid out');
    expect(danger.rect.x).toBe(goal.rect.x);
    expect(danger.rect.y + danger.rect.height).toBeLessThanOrEqual(row.scaleSlot.y);
    expect(row.scaleSlot.y + row.scaleSlot.height).toBeLessThanOrEqual(goal.rect.y);
    for (const r of [danger.rect, row.scaleSlot, goal.rect]) expect(containsRect(row.rect, r)).toBe(true);
    // Too narrow for the two anchors side by side: they take a line each.
    expect(scaleSlotParts(0, row.scaleSlot.width).anchorsOnTwoLines).toBe(true);
    const wide = layoutBoard(TWO_PAIRS, WIDE, measure).analysis.rows[0];
    expect(wide && scaleSlotParts(0, wide.scaleSlot.width).anchorsOnTwoLines).toBe(false);
  });

  it('takes paired cards out of their sections and says there how many are in the row', () => {
    const layout = layoutBoard(TWO_PAIRS, WIDE, measure);
    const dangers = sectionOf(layout, 'dangerStatement');
    const goals = sectionOf(layout, 'safetyGoal');
    expect(dangers?.cardIds).toEqual(['d2']);
    expect(dangers?.noteLines.join(' ')).toBe('2 are in the worries and goals row below');
    expect(goals?.cardIds).toEqual([]);
    expect(goals?.noteLines.length).toBeGreaterThan(0);
    expect(sectionOf(layout, 'harm')?.noteLines).toEqual([]);
  });

  it('reads the columns first, then each worry followed by its own goal', () => {
    const layout = layoutBoard(TWO_PAIRS, WIDE, measure);
    expect(readingOrder(layout)).toEqual(['h', 'd2', 'd3', 'g3', 'd1', 'g1']);
  });

  it('counts the paired cards when a card is dropped in the section, as the model does', () => {
    const layout = layoutBoard(TWO_PAIRS, WIDE, measure);
    const d2 = layout.cards.d2;
    if (!d2) throw new Error('not laid out');
    const x = d2.rect.x + 10;
    // Above d2 is before it in the model too (index 1: after the paired d1); below it is the end.
    expect(insertionIndexAt(layout, 'dangerStatement', boardPoint(x, d2.rect.y - 2))).toBe(1);
    expect(insertionIndexAt(layout, 'dangerStatement', boardPoint(x, d2.rect.y + d2.rect.height + 2))).toBe(
      3,
    );
    expect(insertionMarkY(layout, 'dangerStatement', 1)).toBeLessThan(d2.rect.y);
    expect(insertionMarkY(layout, 'dangerStatement', 3)).toBeGreaterThan(d2.rect.y + d2.rect.height);
  });

  it('leaves a hidden card’s slot empty and draws no row for a pair hidden on both sides', () => {
    const secret = board(
      [
        { ...card('d1', 'dangerStatement', 1, 'pA'), professionalsOnly: true },
        card('g1', 'safetyGoal', 1, 'pA'),
        { ...card('d2', 'dangerStatement', 2, 'pB'), professionalsOnly: true },
        { ...card('g2', 'safetyGoal', 2, 'pB'), professionalsOnly: true },
      ],
      [pair('pA', 'd1', 'g1', 1), pair('pB', 'd2', 'g2', 2)],
    );
    const family = layoutBoard(visibleBoard(secret, 'family'), WIDE, measure);
    expect(family.analysis.rows).toHaveLength(1);
    const [row] = family.analysis.rows;
    expect(row?.dangerStatementId).toBeNull();
    expect(row?.safetyGoalId).toBe('g1');
    expect(Object.keys(family.cards)).toEqual(['g1']);
    expect(sectionOf(family, 'dangerStatement')?.noteLines).toEqual([]);
    const chair = layoutBoard(secret, WIDE, measure);
    expect(chair.analysis.rows).toHaveLength(2);
  });

  it('keeps a card whose pair does not name it in its section (a malformed board draws it once)', () => {
    const odd = board(
      [card('d1', 'dangerStatement', 1, 'pA'), card('g1', 'safetyGoal', 1, 'pA'), card('x', 'harm', 1, 'pA')],
      [pair('pA', 'd1', 'g1', 1), pair('pZ', 'd1', 'x', 2)],
    );
    const members = analysisMembers(odd);
    expect(members.rows.map((r) => r.pairId)).toEqual(['pA']);
    const layout = layoutBoard(odd, WIDE, measure);
    expect(sectionOf(layout, 'harm')?.cardIds).toEqual(['x']);
    expect(layout.cards.d1?.rowPairId).toBe('pA');
  });

  it('makes room below the scale for markers stacked at one value', () => {
    const flat = layoutBoard(TWO_PAIRS, WIDE, measure);
    const crowded = layoutBoard({ ...TWO_PAIRS, scales: { pB: scale('pB', [5, 5, 5, 3]) } }, WIDE, measure);
    const before = flat.analysis.rows[0];
    const after = crowded.analysis.rows[0];
    if (!before || !after) throw new Error('no row');
    expect(after.markerDepth).toBe(3);
    expect(after.scaleSlot.height).toBeGreaterThanOrEqual(scaleSlotParts(3, after.scaleSlot.width).height);
    expect(after.scaleSlot.height).toBeGreaterThan(before.scaleSlot.height);
    expect(overlaps(after.scaleSlot, crowded.cards.d3?.rect ?? after.scaleSlot)).toBe(false);
    expect(scaleValueX(after.scaleSlot, 0)).toBeGreaterThan(after.scaleSlot.x);
    expect(scaleValueX(after.scaleSlot, 10)).toBeLessThan(after.scaleSlot.x + after.scaleSlot.width);
  });

  it('shows the band with a hint on a board with no pair yet', () => {
    const layout = layoutBoard(board([card('h', 'harm', 1)], []), WIDE, measure);
    expect(layout.analysis.rows).toEqual([]);
    const { analysis } = layout;
    expect(analysis.emptyLines.join(' ')).toContain('Add its safety goal');
    // Room for the heading, the prompt and the hint, inside the band.
    const text = (analysis.titleLines.length + analysis.promptLines.length + analysis.emptyLines.length) * 19;
    expect(analysis.rect.height).toBeGreaterThan(text + 2 * 10);
    expect(layout.height).toBeGreaterThan(layout.analysis.rect.y + layout.analysis.rect.height);
  });
});
