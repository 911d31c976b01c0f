import {
  type BoardState,
  CATEGORIES,
  CATEGORY_COLUMN,
  type CardState,
  type Category,
  COLUMNS,
  compareOrdered,
  medianScore,
  type ParticipantState,
  type Trajectory,
} from '@kinmap/model';
import { INK_MUTED, type PageFlow, type Part } from '../text/pageFlow.js';
import {
  cardsOf,
  type NumberedPair,
  networkInOrder,
  numberedPairs,
  personLabel,
  ratingsOf,
  recordedByLabel,
  responsibleNames,
  rulesInOrder,
  type ScaleEntry,
  scalesInOrder,
  scorerLabel,
} from './boardReading.js';
import { formatDateTime, formatIsoDate, formatShortDate } from './dates.js';
import { CATEGORY_HEADINGS, COLUMN_HEADINGS, childWordsLine, SCALE_ANCHORS } from './reportWords.js';
import { type ChartLine, chartLines, drawTrajectoryChart } from './trajectoryChart.js';

/** The record's sections after its title page (record.ts): the map, the scales, the trajectory, the plan. */

export const RECORD_STYLES = {
  title: { size: 20, weight: 'bold' },
  h1: { size: 15, weight: 'bold' },
  h2: { size: 12, weight: 'bold' },
  body: { size: 10.5, weight: 'regular' },
  label: { size: 10.5, weight: 'bold' },
  meta: { size: 8.5, weight: 'regular' },
  footer: { size: 7.5, weight: 'regular' },
} as const;
const S = RECORD_STYLES;

const PROFESSIONALS_ONLY = '#b91c1c';
const ROLE_BARS = {
  facilitator: '#6d28d9',
  practitioner: '#1d4ed8',
  family: '#b45309',
  network: '#047857',
  viewer: '#4b5563',
} as const;

type Directory = ReadonlyMap<string, ParticipantState>;

/** A heading, drawn together with what follows it. */
function heading(flow: PageFlow, text: string, style: typeof S.h1 | typeof S.h2): void {
  flow.heading([{ text, style, before: style === S.h1 ? 16 : 10 }]);
}

/** Every card of both documents in a category, in board order (the restricted copy wins a tie). */
function allCards(board: BoardState, restricted: BoardState | null, category: Category): CardState[] {
  const byId = new Map<string, CardState>();
  for (const card of cardsOf(board, category, { professionalsOnly: true })) byId.set(card.id, card);
  for (const card of restricted ? cardsOf(restricted, category, { professionalsOnly: true }) : []) {
    byId.set(card.id, { ...card, professionalsOnly: true });
  }
  return [...byId.values()].sort(compareOrdered);
}

function cardParts(
  card: CardState,
  people: BoardState['people'],
  directory: Directory,
  pairNumber: number | null,
  timeZone: string,
): Part[] {
  const marksBy = (mark: 'agree' | 'dispute'): string[] =>
    Object.entries(card.marks)
      .filter(([, value]) => value === mark)
      .map(([id]) => personLabel(directory, id))
      .sort((a, b) => a.localeCompare(b, 'en-GB'));
  const agree = marksBy('agree');
  const dispute = marksBy('dispute');
  const meta = [
    `Written by ${personLabel(directory, card.authorId)}`,
    `created ${formatDateTime(card.createdAt, timeZone)}`,
    ...(card.updatedAt !== card.createdAt
      ? [`last changed ${formatDateTime(card.updatedAt, timeZone)}`]
      : []),
    ...(pairNumber !== null ? [`Worry ${pairNumber}`] : []),
    `card ${card.id}`,
  ].join(' · ');
  const marks = [
    ...(agree.length > 0 ? [`Agree: ${agree.join(', ')}`] : []),
    ...(dispute.length > 0 ? [`Disagree: ${dispute.join(', ')}`] : []),
  ].join(' · ');
  const bar = card.professionalsOnly ? PROFESSIONALS_ONLY : ROLE_BARS[card.authorRole];
  const whose = wordsParts(card, directory, timeZone).map((text) => ({
    text,
    style: S.meta,
    color: INK_MUTED,
    indent: 10,
    bar,
  }));
  const parts: Part[] = [
    ...(card.professionalsOnly
      ? [
          {
            text: 'PROFESSIONALS ONLY — not shared with the family',
            style: S.label,
            color: PROFESSIONALS_ONLY,
            before: 8,
            indent: 10,
            bar,
          },
        ]
      : []),
    {
      text: card.text.trim() === '' ? '(empty card)' : card.text,
      style: S.body,
      before: card.professionalsOnly ? 2 : 8,
      indent: 10,
      bar,
    },
    ...childWordsParts(card, people, { indent: 10, bar }),
    { text: meta, style: S.meta, color: INK_MUTED, before: 2, indent: 10, bar },
    ...(marks !== '' ? [{ text: marks, style: S.meta, color: INK_MUTED, indent: 10, bar }] : []),
    ...whose,
  ];
  // The pages these are drawn on say so at the top (record.ts).
  return card.professionalsOnly ? parts.map((part) => ({ ...part, restricted: true })) : parts;
}

/** Whose own words a card holds when they are a child's ([AC52]), under its text. */
function childWordsParts(
  card: CardState,
  people: BoardState['people'],
  at: { readonly indent?: number; readonly bar?: string } = {},
): Part[] {
  const line = childWordsLine(card, people);
  return line === null ? [] : [{ text: line, style: S.label, before: 2, ...at }];
}

/**
 * Whose words (docs/SPEC.md [AC30]–[AC34]): who other than the author changed the card and when,
 * whose suggestion it took in, who disagrees and why, and suggestions not settled yet.
 */
function wordsParts(card: CardState, directory: Directory, timeZone: string): string[] {
  const people = (ids: Readonly<Record<string, unknown>> | undefined): string[] =>
    Object.keys(ids ?? {})
      .map((id) => personLabel(directory, id))
      .sort((a, b) => a.localeCompare(b, 'en-GB'));
  const lines: string[] = [];
  const editors = people(card.editedBy);
  if (editors.length > 0) {
    const last = Math.max(...Object.values(card.editedBy ?? {}));
    lines.push(`Changed by ${editors.join(', ')}, last ${formatDateTime(last, timeZone)}`);
  }
  const suggesters = people(card.suggestedBy);
  if (suggesters.length > 0) lines.push(`The text includes a change suggested by ${suggesters.join(', ')}`);
  for (const [id, reason] of Object.entries(card.reasons ?? {})) {
    if (card.marks[id] === 'dispute') lines.push(`${personLabel(directory, id)} disagrees: ${reason}`);
  }
  for (const [id, text] of Object.entries(card.suggestions ?? {})) {
    lines.push(`${personLabel(directory, id)} suggests: “${text}” (not accepted yet)`);
  }
  return lines;
}

export async function writeMap(
  flow: PageFlow,
  board: BoardState,
  restricted: BoardState | null,
  directory: Directory,
  timeZone: string,
): Promise<void> {
  const pairs = numberedPairs(board, () => true);
  const pairNumber = new Map(pairs.map((pair) => [pair.pair.id as string, pair.number]));
  for (const column of COLUMNS) {
    heading(flow, COLUMN_HEADINGS[column], S.h1);
    for (const category of CATEGORIES.filter((c) => CATEGORY_COLUMN[c] === column)) {
      const cards = allCards(board, restricted, category);
      heading(flow, `${CATEGORY_HEADINGS[category]} (${cards.length})`, S.h2);
      if (cards.length === 0) flow.block([{ text: 'No cards.', style: S.body, color: INK_MUTED }]);
      for (const card of cards) {
        const number = card.pairId !== null ? (pairNumber.get(card.pairId) ?? null) : null;
        flow.block(cardParts(card, board.people, directory, number, timeZone));
        await flow.pause();
      }
    }
  }
  writeAnalysis(flow, pairs, board.people);
}

function writeAnalysis(flow: PageFlow, pairs: readonly NumberedPair[], people: BoardState['people']): void {
  heading(flow, 'Analysis: each danger statement with its safety goal', S.h1);
  if (pairs.length === 0) flow.block([{ text: 'No pairs have been made.', style: S.body, color: INK_MUTED }]);
  for (const pair of pairs) {
    heading(flow, `Worry ${pair.number}`, S.h2);
    flow.columns(
      [
        [
          { text: 'Danger statement', style: S.label },
          { text: pair.dangerStatement?.text ?? '(card missing)', style: S.body, before: 2 },
          ...(pair.dangerStatement ? childWordsParts(pair.dangerStatement, people) : []),
        ],
        [
          { text: 'Safety goal', style: S.label },
          { text: pair.safetyGoal?.text ?? '(card missing)', style: S.body, before: 2 },
          ...(pair.safetyGoal ? childWordsParts(pair.safetyGoal, people) : []),
        ],
      ],
      18,
    );
  }
}

export function writeScales(flow: PageFlow, board: BoardState, directory: Directory, timeZone: string): void {
  heading(flow, 'Scaling', S.h1);
  flow.block([{ text: `${SCALE_ANCHORS.zero} ${SCALE_ANCHORS.ten}`, style: S.body, color: INK_MUTED }]);
  const pairs = numberedPairs(board, () => true);
  for (const entry of scalesInOrder(board, pairs)) {
    const title =
      entry.pair === null
        ? 'Overall scale'
        : `Worry ${entry.pair.number}: ${entry.pair.dangerStatement?.text.trim() || '(danger statement missing)'}`;
    heading(flow, title, S.h2);
    flow.block(scaleSummary(entry, directory));
    if (entry.scale === null || entry.scale.mode === 'private') continue;
    for (const { participantId, rating } of ratingsOf(entry.scale, directory, board.people)) {
      const recorded = recordedByLabel(directory, rating);
      flow.block([
        {
          text: `${scorerLabel(board.people, directory, participantId)}: ${rating.value}`,
          style: S.label,
          before: 6,
        },
        {
          text: `Scored ${formatDateTime(rating.at, timeZone)}${recorded ? `, ${recorded}` : ''}`,
          style: S.meta,
          color: INK_MUTED,
        },
        ...(rating.reason.trim() ? [{ text: rating.reason, style: S.body, indent: 10 }] : []),
      ]);
    }
  }
}

function scaleSummary(entry: ScaleEntry, directory: Directory): Part[] {
  const scale = entry.scale;
  if (scale === null) return [{ text: 'No scores.', style: S.body, color: INK_MUTED }];
  if (scale.mode === 'private') {
    const who = scale.scored.map((id) => personLabel(directory, id));
    return [
      {
        text: `Scores were being collected privately; their values are not part of the board until they are revealed. ${who.length} had scored${who.length > 0 ? `: ${who.join(', ')}` : ''}.`,
        style: S.body,
        color: INK_MUTED,
      },
    ];
  }
  const values = Object.values(scale.ratings).map((rating) => rating.value);
  const median = medianScore(values);
  return [
    {
      text:
        median === null
          ? 'Revealed; no scores.'
          : `Revealed. ${values.length} scores; middle score ${median}.`,
      style: S.body,
    },
  ];
}

export function writeTrajectory(
  flow: PageFlow,
  trajectory: Trajectory,
  board: BoardState,
  timeZone: string,
): void {
  heading(flow, 'Scaling over the meetings', S.h1);
  if (trajectory.moments.length === 0 || trajectory.scales.length === 0) {
    flow.block([{ text: 'No meeting has been closed yet.', style: S.body, color: INK_MUTED }]);
    return;
  }
  const pairNumber = new Map(
    numberedPairs(board, () => true).map((pair) => [pair.pair.id as string, pair.number]),
  );
  for (const scale of trajectory.scales) {
    const number = pairNumber.get(scale.scaleId);
    const title =
      scale.scaleId === 'overall'
        ? 'Overall scale'
        : `${number !== undefined ? `Worry ${number}` : 'An earlier worry'}: ${scale.title.trim() || '(no text)'}`;
    const lines = chartLines(scale.lines, { people: true, groups: true });
    heading(flow, title, S.h2);
    if (lines.length === 0) {
      flow.block([{ text: 'No scores.', style: S.body, color: INK_MUTED }]);
      continue;
    }
    drawTrajectoryChart(flow, { moments: trajectory.moments, lines, timeZone });
    flow.block(valueTable(lines, trajectory, timeZone));
  }
}

/** The chart's numbers as text: one line per person or group. */
function valueTable(lines: readonly ChartLine[], trajectory: Trajectory, timeZone: string): Part[] {
  const when = trajectory.moments.map(
    (moment) => `${formatShortDate(moment.at, timeZone)} (${moment.label})`,
  );
  return lines.map((line) => ({
    // One value per moment, whatever the line holds ('–': no score then).
    text: `${line.label}: ${when.map((moment, i) => `${moment} ${line.values[i] ?? '–'}`).join(' · ')}`,
    style: S.meta,
    before: 2,
  }));
}

export async function writePlan(flow: PageFlow, board: BoardState): Promise<void> {
  heading(flow, 'Safety plan', S.h1);
  heading(flow, 'The network', S.h2);
  const members = networkInOrder(board);
  if (members.length === 0) flow.block([{ text: 'No one has been added.', style: S.body, color: INK_MUTED }]);
  for (const member of members) {
    flow.block([
      { text: member.name.trim() || '(no name)', style: S.label, before: 8 },
      ...field('Relationship to the child', member.relationship),
      ...field('How to reach them', member.contact),
      ...field('What they have agreed to do', member.agreedTo),
      ...field('Told about the worries', member.toldAboutWorries ? 'Yes' : 'Not yet'),
    ]);
    await flow.pause();
  }
  heading(flow, 'Rules of the plan', S.h2);
  const rules = rulesInOrder(board);
  if (rules.length === 0) flow.block([{ text: 'No rules.', style: S.body, color: INK_MUTED }]);
  for (const [index, rule] of rules.entries()) {
    flow.block([
      { text: `Rule ${index + 1}`, style: S.label, before: 8 },
      { text: rule.text.trim() || '(no text)', style: S.body },
      ...field('Who makes sure it happens', responsibleNames(board, rule).join(', ') || 'No one chosen'),
      ...field('Warning signs', rule.redFlags),
      ...field('What the network does then', rule.networkResponse),
      ...field('How the child will know', rule.howChildWillKnow),
    ]);
    await flow.pause();
  }
  heading(flow, 'Bottom lines and checking the plan', S.h2);
  const { plan } = board;
  flow.block([
    ...field('Bottom lines', plan.bottomLines),
    ...field('Who checks that the plan is working', plan.monitoringWho),
    ...field('How often they check', plan.monitoringHowOften),
    ...field('Review date', plan.reviewDate ? formatIsoDate(plan.reviewDate) : 'Not set'),
  ]);
}

/** A labelled field; an empty value is printed as such (the record shows what was not filled in). */
function field(label: string, value: string): Part[] {
  return [
    { text: label, style: S.meta, color: INK_MUTED, before: 4 },
    { text: value.trim() === '' ? '(not filled in)' : value, style: S.body },
  ];
}
