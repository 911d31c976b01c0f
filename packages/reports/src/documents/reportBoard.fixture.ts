import {
  type BoardState,
  type CardId,
  type CardState,
  type Category,
  emptyBoardState,
  type MeetingRecord,
  type NetworkMemberId,
  type PairId,
  type ParticipantId,
  type PersonId,
  type Role,
  type RuleId,
  type ScaleId,
  type ScaleRating,
  type Trajectory,
  type TrajectoryLine,
  type VersionMeta,
} from '@kinmap/model';
import type { RecordInput } from './reportInput.js';

/** Boards and report inputs for the report tests: plain data, no Yjs. */

export const T0 = Date.UTC(2025, 2, 12, 10, 0);

export const WELSH = 'Mae Nain yn dod â’r plant i’r ŵyl bob dydd Sadwrn; ŷd a dŵr yn yr ardd.';
export const POLISH = 'Babcia pomaga przy zakupach; żółw, łąka, gęś i ząb są w książce.';
export const ARABIC = 'الأم تأخذ الأطفال إلى المدرسة كل صباح';
export const URDU = 'دادی ہر ہفتے بچوں کے ساتھ رہتی ہے';
export const PROFESSIONALS_ONLY_TEXT =
  'Police intelligence: restricted detail 7Q3X must never reach the family';

const person = (id: string, displayName: string, role: Role) => ({
  id: id as ParticipantId,
  displayName,
  role,
  joinedAt: T0,
});

export const PEOPLE = {
  chair: person('p-chair', 'Alys Pritchard', 'facilitator'),
  worker: person('p-worker', 'Jan Kowalski', 'practitioner'),
  mum: person('p-mum', 'Mariam Khan', 'family'),
  nain: person('p-nain', 'Gwen Pritchard', 'network'),
};

export function makeCard(
  id: string,
  category: Category,
  text: string,
  extra: Partial<Omit<CardState, 'id' | 'category' | 'text'>> = {},
): CardState {
  return {
    id: id as CardId,
    category,
    text,
    authorId: PEOPLE.worker.id,
    authorRole: 'practitioner',
    createdAt: T0,
    updatedAt: T0 + 3_600_000,
    order: 0,
    professionalsOnly: false,
    marks: {},
    pairId: null,
    ...extra,
  };
}

const rating = (value: number, reason: string): ScaleRating => ({ value, reason, at: T0 });

/** A board with every kind of content, in Welsh, Polish, Arabic and Urdu as well as English. */
export function sampleBoard(): BoardState {
  const cards: CardState[] = [
    makeCard('c-harm', 'harm', 'Jo was left alone overnight twice in February.', { order: 1 }),
    makeCard('c-danger', 'dangerStatement', 'We worry Jo will be hurt if left alone when Dad drinks.', {
      pairId: 'pair-1' as PairId,
      marks: { [PEOPLE.mum.id]: 'dispute', [PEOPLE.nain.id]: 'agree' },
      reasons: { [PEOPLE.mum.id]: 'Dad has not had a drink since January.' },
      editedBy: { [PEOPLE.chair.id]: T0 + 1_800_000 },
      suggestedBy: { [PEOPLE.nain.id]: T0 + 1_800_000 },
      suggestions: { [PEOPLE.mum.id]: 'We worry Jo could be hurt if Dad drinks again.' },
    }),
    makeCard('c-goal', 'safetyGoal', 'For six months, a sober adult is always with Jo.', {
      pairId: 'pair-1' as PairId,
    }),
    makeCard('c-welsh', 'existingStrength', WELSH, {
      authorId: PEOPLE.nain.id,
      authorRole: 'network',
      order: 1,
    }),
    makeCard('c-polish', 'existingSafety', POLISH, { order: 2 }),
    makeCard('c-arabic', 'existingStrength', ARABIC, {
      authorId: PEOPLE.mum.id,
      authorRole: 'family',
      order: 2,
    }),
    makeCard('c-urdu', 'nextStep', URDU, { authorId: PEOPLE.mum.id, authorRole: 'family', order: 1 }),
    makeCard('c-factor', 'complicatingFactor', 'The family lives far from school.', { order: 1 }),
  ];
  return {
    meta: { title: 'The Khan family', createdAt: T0, schemaVersion: 1 },
    cards: Object.fromEntries(cards.map((card) => [card.id, card])),
    pairs: {
      'pair-1': {
        id: 'pair-1' as PairId,
        dangerStatementId: 'c-danger' as CardId,
        safetyGoalId: 'c-goal' as CardId,
        createdAt: T0,
      },
    },
    scales: {
      overall: {
        id: 'overall' as ScaleId,
        mode: 'revealed',
        ratings: {
          [PEOPLE.mum.id]: rating(7, 'We have done everything asked'),
          [PEOPLE.worker.id]: rating(4, 'Some progress, not yet tested'),
          [PEOPLE.nain.id]: rating(6, 'Nain stays most weekends'),
        },
        scored: [],
      },
      'pair-1': { id: 'pair-1' as ScaleId, mode: 'private', ratings: {}, scored: [PEOPLE.mum.id] },
    },
    participants: Object.fromEntries(Object.values(PEOPLE).map((p) => [p.id, p])),
    network: {
      'n-nain': {
        id: 'n-nain' as NetworkMemberId,
        name: 'Gwen Pritchard',
        relationship: 'Nain (grandmother)',
        contact: '07700 900123',
        agreedTo: 'Stay on Friday and Saturday nights',
        toldAboutWorries: true,
        order: 1,
      },
    },
    people: {
      'p-jo': { id: 'p-jo' as PersonId, name: 'Jo', kind: 'child', age: 9, order: 1, participantId: null },
    },
    rules: {
      'r-1': {
        id: 'r-1' as RuleId,
        text: 'A sober adult is at home whenever Jo is.',
        responsibleMemberIds: ['n-nain' as NetworkMemberId],
        redFlags: 'Dad has been drinking',
        networkResponse: 'Nain comes over or takes Jo to hers',
        howChildWillKnow: 'Nain explains it with the family’s words and pictures',
        order: 1,
      },
    },
    plan: {
      bottomLines: 'Jo is never left alone overnight.',
      monitoringWho: 'Jan, the social worker',
      monitoringHowOften: 'Every two weeks',
      reviewDate: '2025-06-12',
    },
  };
}

/** The restricted document of the sample: one professionals-only card. */
export function sampleRestricted(): BoardState {
  const secret = makeCard('c-secret', 'complicatingFactor', PROFESSIONALS_ONLY_TEXT, {
    professionalsOnly: true,
  });
  return { ...emptyBoard('The Khan family'), cards: { [secret.id]: secret } };
}

export function emptyBoard(title: string): BoardState {
  return emptyBoardState(title, T0);
}

/** The sample board with `count` more cards spread over the categories, and one of 5,000 characters. */
export function bigBoard(count: number): BoardState {
  const base = sampleBoard();
  const categories: Category[] = [
    'harm',
    'complicatingFactor',
    'existingStrength',
    'existingSafety',
    'nextStep',
  ];
  const cards = { ...base.cards };
  for (let i = 0; i < count; i += 1) {
    const id = `c-many-${String(i).padStart(3, '0')}`;
    const text = `Card ${i}: ${['Nain helps on Saturdays.', WELSH, POLISH, ARABIC, URDU][i % 5]}`;
    cards[id] = makeCard(id, categories[i % categories.length] as Category, text, { order: 10 + i });
  }
  cards['c-long'] = makeCard('c-long', 'harm', longText(5000), { order: 1000 });
  return { ...base, cards };
}

/** Sentences numbered so a test can check none went missing, cut to exactly `length` characters. */
export function longText(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i += 1)
    text += `Sentence ${i} of the long card about the family’s week. `;
  return text.slice(0, length);
}

export const VERSION: VersionMeta = {
  id: 'v-3a7f9c21-1b2d-4e5f-9a8b-7c6d5e4f3a2b',
  boardId: 'board-1',
  number: 3,
  kind: 'meeting',
  label: 'Review',
  createdAt: T0 + 7_200_000,
  createdBy: { memberId: 'm-chair', displayName: 'Alys Pritchard' },
  meetingId: 'meet-1',
  contentHash: 'a'.repeat(8) + '0123456789abcdef'.repeat(3) + 'b'.repeat(8),
};

export const MEETING: MeetingRecord = {
  id: 'meet-1',
  boardId: 'board-1',
  type: 'review-conference',
  date: '2025-03-12',
  startedAt: T0,
  startedBy: 'm-chair',
  attendance: {
    participantIds: [PEOPLE.chair.id, PEOPLE.mum.id, PEOPLE.worker.id],
    othersPresent: [{ name: 'Dr Ewa Nowak', role: 'Interpreter' }],
    apologies: ['School nurse'],
  },
  decision: 'The plan continues; review in three months.',
  closedAt: T0 + 7_200_000,
  closedBy: 'm-chair',
  versionId: VERSION.id,
};

/** A trajectory line as the model makes it: a person's line names their group too. */
function line(
  key: string,
  label: string,
  role: Role | null,
  group: 'family' | 'network' | 'professionals' | null,
  values: readonly (number | null)[],
  { kind = 'person', series = 0 }: { kind?: 'person' | 'average'; series?: number } = {},
): TrajectoryLine {
  return {
    key,
    kind,
    label,
    role,
    group,
    series,
    points: TRAJECTORY_MOMENTS.map((moment, i) => ({ ...moment, value: values[i] ?? null })),
  };
}

const TRAJECTORY_MOMENTS = [
  { versionId: 'v-1', at: Date.UTC(2025, 0, 10) },
  { versionId: 'v-3a7f9c21-1b2d-4e5f-9a8b-7c6d5e4f3a2b', at: T0 },
  { versionId: null, at: T0 + 86_400_000 },
];

export const TRAJECTORY: Trajectory = {
  moments: [
    { versionId: 'v-1', at: Date.UTC(2025, 0, 10), label: 'Initial conference' },
    { versionId: VERSION.id, at: T0, label: 'Review' },
    { versionId: null, at: T0 + 86_400_000, label: 'Now' },
  ],
  scales: [
    {
      scaleId: 'overall',
      title: '',
      lines: [
        line(PEOPLE.mum.id, 'Mariam Khan', 'family', 'family', [5, 7, 7], { series: 0 }),
        line('p-dad', 'Tariq Khan', 'family', 'family', [6, 6, 8], { series: 1 }),
        line(PEOPLE.worker.id, 'Jan Kowalski', 'practitioner', 'professionals', [2, 4, null], { series: 2 }),
        line('group:family', 'family', null, 'family', [5.5, 6.5, 7.5], { kind: 'average', series: 0 }),
        line('group:professionals', 'professionals', null, 'professionals', [2, 4, null], {
          kind: 'average',
          series: 2,
        }),
      ],
    },
    {
      scaleId: 'pair-1',
      title: 'We worry Jo will be hurt if left alone when Dad drinks.',
      lines: [line(PEOPLE.mum.id, 'Mariam Khan', 'family', 'family', [3, null, 6], { series: 0 })],
    },
  ],
};

/** The sample board with a score the worker recorded for Jo, who has no device (issue 14). */
export function boardWithRecordedScore(): BoardState {
  const board = sampleBoard();
  const overall = board.scales.overall;
  if (overall === undefined) throw new Error('the sample board has an overall scale');
  const recorded = { ...rating(5, 'I like it when Nain is there'), recordedBy: PEOPLE.worker.id };
  return {
    ...board,
    scales: { ...board.scales, overall: { ...overall, ratings: { ...overall.ratings, 'p-jo': recorded } } },
  };
}

export function recordInput(overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    board: sampleBoard(),
    restricted: sampleRestricted(),
    version: VERSION,
    meeting: MEETING,
    trajectory: TRAJECTORY,
    generatedAt: T0 + 86_400_000,
    generatedBy: { memberId: 'm-worker', displayName: 'Jan Kowalski', role: 'practitioner' },
    contentHash: VERSION.contentHash,
    timeZone: 'Europe/London',
    ...overrides,
  };
}
