import { isRole, type ParticipantState } from '@kinmap/model';
import { INK_MUTED, PageFlow, type Part } from '../text/pageFlow.js';
import { participantDirectory, personLabel } from './boardReading.js';
import { formatDateTime, formatIsoDate, reportTimeZone } from './dates.js';
import { writeChildTools } from './recordChildTools.js';
import { RECORD_STYLES as S, writeMap, writePlan, writeScales, writeTrajectory } from './recordSections.js';
import type { RecordInput } from './reportInput.js';
import { MEETING_TYPE_LABELS, ROLE_LABELS } from './reportWords.js';

/**
 * The record for the child's file or for court: every card with its author, dates and marks,
 * professionals-only cards included and marked, every score with its reason, the trajectory,
 * the plan, and the meeting. Every page carries who generated it and when, the version and the
 * SHA-256 of its content, and "Page X of Y", so a single printed page can be traced.
 */

export async function renderRecord(input: RecordInput): Promise<Uint8Array> {
  const timeZone = reportTimeZone(input.timeZone);
  const directory = participantDirectory(input.board, input.restricted);
  const flow = new PageFlow({
    margin: 48,
    footer: 44,
    title: 'Record of the safety map',
    createdAt: new Date(input.generatedAt),
  });
  writeTitlePage(flow, input, directory, timeZone);
  flow.newPage();
  await writeMap(flow, input.board, input.restricted, directory, timeZone);
  writeScales(flow, input.board, directory, timeZone);
  writeTrajectory(flow, input.trajectory, input.board, timeZone);
  await writePlan(flow, input.board);
  writeChildTools(flow, input.childTools ?? [], timeZone, input.version?.number ?? null);
  const footer = footerLines(input, timeZone);
  const banner = restrictedBanner(input, timeZone);
  await flow.stampPages((index, count) => {
    writeFooter(flow, footer, `Page ${index + 1} of ${count}`);
    if (flow.hasRestricted(index)) writeRestrictedBanner(flow, banner);
  });
  return flow.finish();
}

function labelled(label: string, value: string): Part[] {
  return [
    { text: label, style: S.label, before: 6 },
    { text: value, style: S.body },
  ];
}

function writeTitlePage(
  flow: PageFlow,
  input: RecordInput,
  directory: ReadonlyMap<string, ParticipantState>,
  timeZone: string,
): void {
  const { version } = input;
  flow.block([
    { text: 'Record of the safety map', style: S.title },
    { text: input.board.meta.title.trim() || 'Untitled board', style: S.h1, before: 6 },
  ]);
  const versionParts =
    version === null
      ? labelled('Version', 'Not a saved version: the board as it was when this record was generated.')
      : [
          ...labelled(
            'Version',
            `${version.number}${version.label.trim() ? ` — ${version.label.trim()}` : ''}`,
          ),
          ...labelled('Version id', version.id),
          ...labelled(
            'Saved',
            `${formatDateTime(version.createdAt, timeZone)} by ${version.createdBy.displayName.trim() || 'unknown'}`,
          ),
        ];
  flow.block([
    ...versionParts,
    ...labelled('Content hash (SHA-256)', input.contentHash),
    ...labelled('Generated', `${formatDateTime(input.generatedAt, timeZone)} by ${generatedBy(input)}`),
  ]);
  writeMeeting(flow, input, directory, timeZone);
  flow.heading([{ text: 'People on the board', style: S.h1, before: 16 }]);
  const everyone = [...directory.values()].sort((a, b) =>
    a.displayName.localeCompare(b.displayName, 'en-GB'),
  );
  if (everyone.length === 0)
    flow.block([{ text: 'Nobody has joined the board.', style: S.body, color: INK_MUTED }]);
  for (const person of everyone) {
    flow.block([
      {
        text: `${personLabel(directory, person.id)} — joined ${formatDateTime(person.joinedAt, timeZone)}`,
        style: S.body,
        before: 2,
      },
    ]);
  }
}

function writeMeeting(
  flow: PageFlow,
  input: RecordInput,
  directory: ReadonlyMap<string, ParticipantState>,
  timeZone: string,
): void {
  flow.heading([{ text: 'Meeting', style: S.h1, before: 16 }]);
  const { meeting } = input;
  if (meeting === null) {
    flow.block([{ text: 'No meeting is linked to this record.', style: S.body, color: INK_MUTED }]);
    return;
  }
  const attended = meeting.attendance.participantIds.map((id) => personLabel(directory, id));
  const others = meeting.attendance.othersPresent.map((person) =>
    person.role.trim() ? `${person.name.trim()} (${person.role.trim()})` : person.name.trim(),
  );
  const closed =
    meeting.closedAt === null ? 'still open' : `closed ${formatDateTime(meeting.closedAt, timeZone)}`;
  flow.block([
    { text: `${MEETING_TYPE_LABELS[meeting.type]}, ${formatIsoDate(meeting.date)}`, style: S.h2 },
    {
      text: `Opened ${formatDateTime(meeting.startedAt, timeZone)}; ${closed}.`,
      style: S.meta,
      color: INK_MUTED,
    },
    ...labelled('Attended', attended.length > 0 ? attended.join('; ') : 'Nobody recorded'),
    ...labelled('Also present', others.length > 0 ? others.join('; ') : 'Nobody recorded'),
    ...labelled(
      'Apologies',
      meeting.attendance.apologies.length > 0 ? meeting.attendance.apologies.join('; ') : 'None',
    ),
  ]);
  flow.block(labelled('Decision', meeting.decision.trim() || 'No decision recorded.'));
}

function generatedBy(input: RecordInput): string {
  const { displayName, role } = input.generatedBy;
  const roleLabel = isRole(role) ? ROLE_LABELS[role] : role;
  // A name can be long; the footer repeats it on every page.
  const name = Array.from(displayName.trim() || 'unknown')
    .slice(0, 80)
    .join('');
  return `${name} (${roleLabel})`;
}

function footerLines(input: RecordInput, timeZone: string): { generated: string; version: string } {
  const version =
    input.version === null
      ? `Not a saved version · SHA-256 ${input.contentHash}`
      : `Version ${input.version.number} ${input.version.id} · SHA-256 ${input.contentHash}`;
  return {
    generated: `Generated ${formatDateTime(input.generatedAt, timeZone)} by ${generatedBy(input)}`,
    version,
  };
}

/** The words every page holding professionals-only content carries at its top. */
export const RESTRICTED_BANNER = 'Contains professionals-only content — do not share with the family';
const BANNER_COLOR = '#b91c1c';

function restrictedBanner(input: RecordInput, timeZone: string): { warning: string; detail: string } {
  const title = Array.from(input.board.meta.title.trim() || 'Untitled board')
    .slice(0, 80)
    .join('');
  return { warning: RESTRICTED_BANNER, detail: `${title} · ${formatDateTime(input.generatedAt, timeZone)}` };
}

/** A red band in the top margin: a single page separated from the rest still says what it holds. */
function writeRestrictedBanner(flow: PageFlow, banner: { warning: string; detail: string }): void {
  const top = 8;
  const height = 32;
  flow.doc.save().rect(flow.left, top, flow.width, height).fill(BANNER_COLOR).restore();
  const [warning] = flow.layout(banner.warning, BANNER_STYLES.warning, flow.width - 12);
  const [detail] = flow.layout(banner.detail, BANNER_STYLES.detail, flow.width - 12);
  if (warning)
    flow.drawLine(warning, BANNER_STYLES.warning, '#ffffff', {
      x: flow.left + 6,
      width: flow.width - 12,
      y: top + 4,
    });
  if (detail)
    flow.drawLine(detail, BANNER_STYLES.detail, '#ffffff', {
      x: flow.left + 6,
      width: flow.width - 12,
      y: top + 18,
    });
}

const BANNER_STYLES = {
  warning: { size: 9.5, weight: 'bold' },
  detail: { size: 8, weight: 'regular' },
} as const;

function writeFooter(flow: PageFlow, footer: { generated: string; version: string }, page: string): void {
  const pageWidth = 70;
  let y = flow.bottom + 12;
  flow.doc
    .save()
    .moveTo(flow.left, y - 4)
    .lineTo(flow.left + flow.width, y - 4)
    .lineWidth(0.5)
    .strokeColor('#cbd5e1')
    .stroke()
    .restore();
  const [pageLine] = flow.layout(page, S.footer, pageWidth);
  if (pageLine)
    flow.drawLine(pageLine, S.footer, INK_MUTED, { x: flow.left, width: flow.width, y, align: 'end' });
  const generated = flow.layout(footer.generated, S.footer, flow.width - pageWidth);
  const version = flow.layout(footer.version, S.footer, flow.width - pageWidth);
  for (const line of [...generated, ...version]) {
    flow.drawLine(line, S.footer, INK_MUTED, {
      x: flow.left,
      width: flow.width - pageWidth,
      y,
      align: 'start',
    });
    y += S.footer.size * 1.35;
  }
}
