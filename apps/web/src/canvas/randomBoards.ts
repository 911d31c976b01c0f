import {
  type BoardState,
  CATEGORIES,
  type CardId,
  type CardState,
  emptyBoardState,
  type Mark,
  type PairId,
  type PairState,
  type ParticipantId,
  type PersonId,
  type PersonState,
  QUOTE_AREAS,
  ROLES,
  type ScaleId,
  type ScaleState,
} from '@kinmap/model';
import fc from 'fast-check';
import { BOARD_WIDTH, type LayoutChoice } from './boardLayout';
import { CARD_TEXT_STYLES, type FontSpec, type MeasureText, TEXT_STYLES } from './boardMetrics';

/**
 * Random boards for the layout's property tests (`overlap.property.test.ts`, `typingLayout.test.ts`):
 * long unbreakable words, right-to-left text, emoji, many people on one scale point, many cards,
 * empty sections, narrow and wide screens, today's layout and the wall's large-text one.
 */

// A measure as in the unit tests: every character 0.55 em.
export const evenMeasure: MeasureText = (text, font) => text.length * font.size * 0.55;
// A measure closer to a real font: wide letters, narrow ones, bold wider, emoji and CJK wide.
export const unevenMeasure: MeasureText = (text: string, font: FontSpec) => {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const em = code > 0x2e80 ? 1.1 : /[mwMW@]/.test(ch) ? 0.9 : /[il.,:;'|!]/.test(ch) ? 0.28 : 0.56;
    width += em * font.size * (font.weight === 'bold' ? 1.08 : 1);
  }
  return width;
};

const WORDS = [
  'dad',
  'shouted',
  'school',
  'Tuesday',
  'a',
  '',
  'Supercalifragilisticexpialidociousandthensomemorewithoutanyspaceatall',
  'مرحبا',
  'الطفل في المدرسة كل يوم',
  'שלום',
  'הילד בבית הספר',
  '👨‍👩‍👧',
  '家庭',
  'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW',
];

const word = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 30, maxLength: 120 }).map((s) => s.replace(/\s/g, 'x')),
);
export const cardText = fc
  .array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: fc.constant('\n') }), {
    maxLength: 30,
  })
  .map((parts) => parts.join(' '));
const name = fc.oneof(
  fc.constantFrom(
    'Ann Smith',
    'Dad',
    'سارة أحمد',
    'דוד כהן',
    'Maximilian-Alexander Featherstonehaugh-Wolfeschlegelsteinhausen',
    '',
  ),
  fc.string({ maxLength: 40 }),
);

export interface Generated {
  readonly board: BoardState;
  readonly width: number;
  readonly watcher: string;
  /** The wall's large-text layout (cards flowing in lanes, larger card text), or today's (null). */
  readonly choice?: LayoutChoice | null;
}

/** Today's layout, or a large-text one: a card text size of the wall's, at a board width around its own. */
const choiceArb: fc.Arbitrary<LayoutChoice | null> = fc.oneof(
  fc.constant(null),
  fc
    .record({
      style: fc.constantFrom(...CARD_TEXT_STYLES),
      stretch: fc.double({ min: 0.5, max: 3, noNaN: true }),
      flow: fc.boolean(),
    })
    .map(({ style, stretch, flow }) => ({
      width: Math.round(BOARD_WIDTH * stretch * (style.size / TEXT_STYLES.cardText.size)),
      cardText: style,
      flow,
    })),
);

export const boardArb: fc.Arbitrary<Generated> = fc
  .record({
    people: fc.array(fc.record({ name, role: fc.constantFrom(...ROLES) }), { minLength: 1, maxLength: 14 }),
    cards: fc.array(
      fc.record({
        category: fc.constantFrom(...CATEGORIES),
        text: cardText,
        author: fc.nat(),
        professionalsOnly: fc.boolean(),
        marks: fc.array(fc.tuple(fc.nat(), fc.constantFrom<Mark>('agree', 'dispute')), { maxLength: 14 }),
        editedBy: fc.array(fc.nat(), { maxLength: 3 }),
        suggestions: fc.nat({ max: 3 }),
        // The child's own words ([AC52]): whose (a child of the case, or one no longer there) and where from.
        quote: fc.option(
          fc.record({
            child: fc.nat({ max: 2 }),
            area: fc.constantFrom(null, ...QUOTE_AREAS),
          }),
          { freq: 3 },
        ),
      }),
      { maxLength: 36 },
    ),
    pairs: fc.nat({ max: 3 }),
    // Many people on one scale point, or spread, or on neighbouring points.
    ratings: fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 14 }), { maxLength: 3 }),
    revealed: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    width: fc.oneof(fc.constantFrom(320, 390, 768, 1024, 1400, 1920), fc.integer({ min: 300, max: 2600 })),
    watcher: name,
    choice: choiceArb,
    // The children of the case, by the names the family uses (long words, right-to-left, emoji).
    children: fc.array(name, { maxLength: 2 }),
  })
  .map(({ people, cards, pairs, ratings, revealed, width, watcher, choice, children }) => {
    const participants = Object.fromEntries(
      people.map((p, i) => [
        `person-${i}`,
        { id: `person-${i}` as ParticipantId, displayName: p.name, role: p.role, joinedAt: i },
      ]),
    );
    const pid = (n: number) => `person-${n % people.length}`;
    const states: CardState[] = cards.map((c, i) => ({
      id: `c${i}` as CardId,
      category: c.category,
      text: c.text,
      authorId: pid(c.author) as ParticipantId,
      authorRole: people[c.author % people.length]?.role ?? 'family',
      createdAt: i,
      updatedAt: i,
      order: i,
      professionalsOnly: c.professionalsOnly,
      marks: Object.fromEntries(c.marks.map(([who, mark]) => [pid(who), mark])),
      pairId: null,
      editedBy: Object.fromEntries(c.editedBy.map((who) => [pid(who), 1])),
      suggestions: Object.fromEntries(Array.from({ length: c.suggestions }, (_, k) => [pid(k), 'x'])),
      ...(c.quote === null
        ? {}
        : {
            quote: {
              personId: `child-${c.quote.child}` as PersonId,
              toolId: c.quote.area === null ? null : 'tool-1',
              area: c.quote.area,
            },
          }),
    }));
    const casePeople: Record<string, PersonState> = Object.fromEntries(
      children.map((childName, i) => [
        `child-${i}`,
        {
          id: `child-${i}` as PersonId,
          name: childName,
          kind: 'child',
          age: 7,
          order: i,
          participantId: null,
        } satisfies PersonState,
      ]),
    );
    // Pair the first danger statements with the first safety goals.
    const dangers = states.filter((c) => c.category === 'dangerStatement');
    const goals = states.filter((c) => c.category === 'safetyGoal');
    const pairRecords: Record<string, PairState> = {};
    const scales: Record<string, ScaleState> = {};
    const byId = new Map(states.map((c) => [c.id, c]));
    for (let i = 0; i < Math.min(pairs, dangers.length, goals.length); i++) {
      const d = dangers[i] as CardState;
      const g = goals[i] as CardState;
      const pairId = `pair${i}` as PairId;
      pairRecords[pairId] = { id: pairId, dangerStatementId: d.id, safetyGoalId: g.id, createdAt: i };
      byId.set(d.id, { ...d, pairId });
      byId.set(g.id, { ...g, pairId });
      const values = ratings[i] ?? [];
      scales[pairId] = {
        id: pairId as string as ScaleId,
        mode: revealed[i] ? 'revealed' : 'private',
        ratings: revealed[i]
          ? Object.fromEntries(values.map((value, k) => [pid(k), { value, reason: '', at: k }]))
          : {},
        scored: revealed[i] ? [] : values.map((_, k) => pid(k)),
      };
    }
    const board: BoardState = {
      ...emptyBoardState('Case'),
      participants,
      people: casePeople,
      cards: Object.fromEntries([...byId].map(([id, c]) => [id, c])),
      pairs: pairRecords,
      scales,
    };
    return { board, width, watcher: watcher === '' ? 'Someone' : `${watcher} is typing`, choice };
  });
