import { type BoardState, type CardState, type Category, filterRecord, medianScore } from '@kinmap/model';
import { INK_MUTED, PageFlow, type Part } from '../text/pageFlow.js';
import {
  cardsOf,
  type NumberedPair,
  networkInOrder,
  numberedPairs,
  participantDirectory,
  ratingsOf,
  recordedByLabel,
  responsibleNames,
  rulesInOrder,
  type ScaleEntry,
  scalesInOrder,
  scorerLabel,
  shortPersonLabel,
} from './boardReading.js';
import { formatDate, formatIsoDate, reportTimeZone } from './dates.js';
import { writeFooter } from './footer.js';
import type { FamilySummaryInput } from './reportInput.js';
import {
  childWordsLine,
  FAMILY_CATEGORY_HEADINGS,
  FAMILY_COLUMN_HEADINGS,
  MEETING_TYPE_LABELS,
  SCALE_ANCHORS,
} from './reportWords.js';
import { chartLines, drawTrajectoryChart } from './trajectoryChart.js';

/**
 * The family summary: the map in plain words and large type, to take home after a meeting.
 * No authors or dates on cards, and never a professionals-only card — `input.board` is the
 * shared document, and anything flagged professionals-only is dropped again here in case one
 * was passed in by mistake.
 */

const TITLE = { size: 26, weight: 'bold' as const };
const H1 = { size: 20, weight: 'bold' as const };
const H2 = { size: 16, weight: 'bold' as const };
const BODY = { size: 14, weight: 'regular' as const };
const LABEL = { size: 14, weight: 'bold' as const };

const CARD_BAR = '#94a3b8';
const NOTHING_YET = 'Nothing written here yet.';

export async function renderFamilySummary(input: FamilySummaryInput): Promise<Uint8Array> {
  const timeZone = reportTimeZone(input.timeZone);
  const board = withoutProfessionalsOnly(input.board);
  const pairs = numberedPairs(board, () => true);
  const flow = new PageFlow({
    margin: 56,
    footer: 34,
    title: 'Family summary',
    createdAt: new Date(input.generatedAt),
  });
  writeTitle(flow, board, input, timeZone);
  writeMeeting(flow, board, input);
  heading(flow, FAMILY_COLUMN_HEADINGS.worries, H1);
  await writeCategory(flow, board, 'harm');
  await writeCategory(flow, board, 'complicatingFactor');
  heading(flow, FAMILY_COLUMN_HEADINGS.workingWell, H1);
  await writeCategory(flow, board, 'existingStrength');
  await writeCategory(flow, board, 'existingSafety');
  await writeWorriesAndGoals(flow, board, pairs);
  heading(flow, FAMILY_COLUMN_HEADINGS.needsToHappen, H1);
  await writeCategory(flow, board, 'nextStep');
  writeScales(flow, board, pairs);
  writeTrajectory(flow, input, pairs, timeZone);
  await writePlan(flow, board);
  const made = `Family summary · made on ${formatDate(input.generatedAt, timeZone)}`;
  await flow.stampPages((index, count) => writeFooter(flow, made, `Page ${index + 1} of ${count}`));
  return flow.finish();
}

/** The shared board without any professionals-only card, and without pairs that point at one. */
function withoutProfessionalsOnly(board: BoardState): BoardState {
  const cards = filterRecord(board.cards, (card) => !card.professionalsOnly);
  return { ...board, cards };
}

/** A heading, and its introduction if any, drawn together with what follows it. */
function heading(flow: PageFlow, text: string, style: typeof H1 | typeof H2, intro?: string): void {
  flow.heading([
    { text, style, before: style === H1 ? 18 : 10 },
    ...(intro ? [{ text: intro, style: BODY, color: INK_MUTED, before: 2 }] : []),
  ]);
}

function writeTitle(flow: PageFlow, board: BoardState, input: FamilySummaryInput, timeZone: string): void {
  const meetingType = input.meeting ? MEETING_TYPE_LABELS[input.meeting.type] : null;
  const when =
    input.meeting !== null
      ? `The plan as it was at the ${meetingType?.toLowerCase()} on ${formatIsoDate(input.meeting.date)}.`
      : input.version !== null
        ? `The plan as it was on ${formatDate(input.version.createdAt, timeZone)}.`
        : `The plan as it is on ${formatDate(input.generatedAt, timeZone)}.`;
  flow.block([
    { text: 'Family summary', style: TITLE },
    { text: board.meta.title.trim() || 'Our safety plan', style: H1, before: 6 },
    { text: when, style: BODY, before: 10 },
    {
      text: 'This is what was written together on the board: what we are worried about, what is working well, and what needs to happen to keep the child safe.',
      style: BODY,
      color: INK_MUTED,
      before: 6,
    },
  ]);
}

/**
 * The meeting this version closed: what was decided (first: it is what the family takes home),
 * who was there and who sent apologies. Names are first names with the role, as everywhere in
 * this summary. Nothing when the summary is of the board as it is now or of a manual version.
 */
function writeMeeting(flow: PageFlow, board: BoardState, input: FamilySummaryInput): void {
  const { meeting } = input;
  if (meeting === null) return;
  const directory = participantDirectory(board);
  const attended = meeting.attendance.participantIds.map((id) => shortPersonLabel(directory, id));
  const others = meeting.attendance.othersPresent
    .map((person) =>
      person.role.trim() ? `${person.name.trim()} (${person.role.trim()})` : person.name.trim(),
    )
    .filter((name) => name !== '');
  const apologies = meeting.attendance.apologies.map((name) => name.trim()).filter((name) => name !== '');
  const decision = meeting.decision.trim();
  // The title above already names the meeting and its date.
  heading(flow, 'The meeting', H1);
  flow.block([
    { text: 'What was decided', style: LABEL, before: 6 },
    decision
      ? { text: decision, style: BODY, before: 4, indent: 12, bar: CARD_BAR }
      : { text: 'No decision was written down at this meeting.', style: BODY, color: INK_MUTED, before: 4 },
  ]);
  const everyone = [...attended, ...others];
  flow.block([
    { text: 'Who was there', style: LABEL, before: 10 },
    {
      text: everyone.length > 0 ? everyone.join(', ') : 'Nobody was written down as being there.',
      style: BODY,
      ...(everyone.length > 0 ? {} : { color: INK_MUTED }),
      before: 4,
    },
    ...(apologies.length > 0
      ? [
          { text: 'Could not come', style: LABEL, before: 10 },
          { text: apologies.join(', '), style: BODY, before: 4 },
        ]
      : []),
  ]);
}

/**
 * A card's words, and whose they are when they are a child's own ([AC52]). Quoted cards are on the
 * shared map, which everyone at the meeting sees: no consent filter of their own (docs/SPEC.md).
 */
function cardParts(card: CardState, people: BoardState['people']): Part[] {
  const childWords = childWordsLine(card, people);
  const at = { indent: 12, bar: CARD_BAR };
  return [
    { text: card.text, style: BODY, before: 8, ...at },
    ...(childWords === null ? [] : [{ text: childWords, style: LABEL, before: 2, ...at }]),
  ];
}

async function writeCards(
  flow: PageFlow,
  cards: readonly CardState[],
  people: BoardState['people'],
): Promise<void> {
  if (cards.length === 0) {
    flow.block([{ text: NOTHING_YET, style: BODY, color: INK_MUTED, before: 4 }]);
    return;
  }
  for (const card of cards) {
    flow.block(cardParts(card, people));
    await flow.pause();
  }
}

async function writeCategory(flow: PageFlow, board: BoardState, category: Category): Promise<void> {
  heading(flow, FAMILY_CATEGORY_HEADINGS[category], H2);
  await writeCards(flow, cardsOf(board, category, { professionalsOnly: false }), board.people);
}

/** One side of a worry and its goal: the heading, the card's words and whose they are. */
function pairSide(
  category: Category,
  card: CardState | null | undefined,
  people: BoardState['people'],
): Part[] {
  const childWords = card ? childWordsLine(card, people) : null;
  return [
    { text: FAMILY_CATEGORY_HEADINGS[category], style: LABEL },
    { text: card?.text ?? '', style: BODY, before: 4 },
    ...(childWords === null ? [] : [{ text: childWords, style: LABEL, before: 2 }]),
  ];
}

async function writeWorriesAndGoals(
  flow: PageFlow,
  board: BoardState,
  pairs: readonly NumberedPair[],
): Promise<void> {
  heading(
    flow,
    'The worries and the goals',
    H1,
    'Each worry, next to what we need to see so that it is no longer a worry.',
  );
  for (const pair of pairs) {
    heading(flow, `Worry ${pair.number}`, H2);
    flow.columns(
      [
        pairSide('dangerStatement', pair.dangerStatement, board.people),
        pairSide('safetyGoal', pair.safetyGoal, board.people),
      ],
      24,
    );
    await flow.pause();
  }
  const unpaired = (category: Category): CardState[] =>
    cardsOf(board, category, { professionalsOnly: false }).filter((card) => card.pairId === null);
  const worries = unpaired('dangerStatement');
  const goals = unpaired('safetyGoal');
  if (pairs.length === 0 && worries.length === 0 && goals.length === 0) {
    flow.block([{ text: NOTHING_YET, style: BODY, color: INK_MUTED, before: 4 }]);
  }
  if (worries.length > 0) {
    heading(flow, pairs.length > 0 ? 'Other worries' : FAMILY_CATEGORY_HEADINGS.dangerStatement, H2);
    await writeCards(flow, worries, board.people);
  }
  if (goals.length > 0) {
    heading(flow, pairs.length > 0 ? 'Other things we need to see' : FAMILY_CATEGORY_HEADINGS.safetyGoal, H2);
    await writeCards(flow, goals, board.people);
  }
}

function scaleTitle(entry: { readonly pair: NumberedPair | null }): string {
  return entry.pair === null ? 'Overall' : `Worry ${entry.pair.number}`;
}

function writeScales(flow: PageFlow, board: BoardState, pairs: readonly NumberedPair[]): void {
  heading(
    flow,
    'How safe is the child now?',
    H1,
    `Everyone gave a score from 0 to 10. ${SCALE_ANCHORS.zero} ${SCALE_ANCHORS.ten}`,
  );
  const directory = participantDirectory(board);
  for (const entry of scalesInOrder(board, pairs)) {
    heading(flow, scaleTitle(entry), H2);
    flow.block(scaleParts(entry, directory, board.people));
  }
}

function scaleParts(
  entry: ScaleEntry,
  directory: ReturnType<typeof participantDirectory>,
  people: BoardState['people'],
): Part[] {
  const scale = entry.scale;
  if (scale === null) return [{ text: 'Nobody has scored yet.', style: BODY, color: INK_MUTED }];
  if (scale.mode === 'private') {
    return [
      {
        text: 'The scores are still being collected privately. They will be shown once everyone has scored.',
        style: BODY,
        color: INK_MUTED,
      },
    ];
  }
  const ratings = ratingsOf(scale, directory, people);
  if (ratings.length === 0) return [{ text: 'Nobody has scored yet.', style: BODY, color: INK_MUTED }];
  const median = medianScore(ratings.map(({ rating }) => rating.value));
  return [
    ...ratings.map(({ participantId, rating }) => ({
      text: `${scorerLabel(people, directory, participantId, true)}: ${rating.value}${rating.reason.trim() ? ` — ${rating.reason.trim()}` : ''}${rating.recordedBy === undefined ? '' : ` (${recordedByLabel(directory, rating, true)})`}`,
      style: BODY,
      before: 4,
    })),
    { text: `The middle score is ${median}.`, style: LABEL, before: 8 },
  ];
}

/** The group averages over the meetings; only when there are at least two moments to compare. */
function writeTrajectory(
  flow: PageFlow,
  input: FamilySummaryInput,
  pairs: readonly NumberedPair[],
  timeZone: string,
): void {
  const { moments, scales } = input.trajectory;
  if (moments.length < 2) return;
  heading(flow, 'How the scores have changed', H1);
  const pairNumber = new Map<string, number>(pairs.map((pair) => [pair.pair.id, pair.number]));
  for (const scale of scales) {
    const lines = chartLines(scale.lines, { people: false, groups: true });
    if (lines.length === 0) continue;
    // Titled by number only: the trajectory's own title is card text this summary did not filter.
    const number = pairNumber.get(scale.scaleId);
    const title = scale.scaleId === 'overall' ? 'Overall' : number ? `Worry ${number}` : 'An earlier worry';
    heading(flow, title, H2);
    drawTrajectoryChart(flow, { moments, lines, timeZone });
  }
}

/** Who in the network has been told about the worries, and who not yet, in one sentence. */
export function toldLine(members: readonly { name: string; toldAboutWorries: boolean }[]): string {
  const name = (m: { name: string }) => m.name.trim() || 'someone in the network';
  const told = members.filter((m) => m.toldAboutWorries).map(name);
  const notYet = members.filter((m) => !m.toldAboutWorries).map(name);
  if (told.length === 0) return 'Nobody in the network has been told about the worries yet.';
  const said = `Told about the worries: ${told.join(', ')} (${told.length} of ${members.length}).`;
  return notYet.length === 0 ? said : `${said} Not yet: ${notYet.join(', ')}.`;
}

async function writePlan(flow: PageFlow, board: BoardState): Promise<void> {
  heading(flow, 'The safety plan', H1);
  heading(flow, 'The people helping to keep the child safe', H2);
  const members = networkInOrder(board);
  if (members.length === 0) flow.block([{ text: NOTHING_YET, style: BODY, color: INK_MUTED }]);
  else flow.block([{ text: toldLine(members), style: BODY, before: 4 }]);
  for (const member of members) {
    const name = member.name.trim() || 'Someone in the network';
    flow.block([
      {
        text: member.relationship.trim() ? `${name} — ${member.relationship.trim()}` : name,
        style: LABEL,
        before: 8,
      },
      ...optional('Has agreed to', member.agreedTo),
      ...optional('How to reach them', member.contact),
    ]);
    await flow.pause();
  }
  heading(flow, 'The rules', H2);
  const rules = rulesInOrder(board);
  if (rules.length === 0) flow.block([{ text: NOTHING_YET, style: BODY, color: INK_MUTED }]);
  for (const [index, rule] of rules.entries()) {
    const names = responsibleNames(board, rule);
    flow.block([
      { text: `Rule ${index + 1}`, style: LABEL, before: 8 },
      { text: rule.text, style: BODY },
      ...optional('Who makes sure it happens', names.join(', ')),
      ...optional('Warning signs', rule.redFlags),
      ...optional('What the network does then', rule.networkResponse),
      ...optional('How the child will know', rule.howChildWillKnow),
    ]);
    await flow.pause();
  }
  heading(flow, 'Checking the plan', H2);
  const { plan } = board;
  flow.block([
    ...optional('Bottom lines', plan.bottomLines),
    ...optional('Who checks that the plan is working', plan.monitoringWho),
    ...optional('How often they check', plan.monitoringHowOften),
    {
      text: `Review date: ${plan.reviewDate ? formatIsoDate(plan.reviewDate) : 'not set yet'}`,
      style: LABEL,
      before: 8,
    },
  ]);
}

/** "Label: value" as two paragraphs, or nothing when the value is empty. */
function optional(label: string, value: string): Part[] {
  if (value.trim() === '') return [];
  return [
    { text: label, style: { size: BODY.size, weight: 'bold' }, before: 6, color: INK_MUTED },
    { text: value, style: BODY },
  ];
}
