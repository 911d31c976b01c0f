import {
  areasOf,
  type ChildAreaState,
  type ChildToolKind,
  type ChildToolState,
  DRAWING_ASPECT,
  isForTheChild,
  type PenColour,
  SCALE_AREA,
  type WordsPicturesStage,
} from '@kinmap/model';
import { drawSticker } from '../pictures/stickerIcons.js';
import { INK, INK_MUTED, PageFlow, RULE } from '../text/pageFlow.js';
import { AREA_TITLES, TOOL_TITLES } from './childToolWords.js';
import { formatDate, reportTimeZone } from './dates.js';
import { writeFooter } from './footer.js';

/**
 * A child's tool as a printable PDF (issue 14): Three Houses, Wizards and Fairies, the Safety House,
 * or Words and Pictures to leave with the child. Large type, the child's words as they said them,
 * and their drawings and pictures drawn as vectors at the size of the page. All words are real text.
 */
export interface ChildToolReportInput {
  readonly tool: ChildToolState;
  /** The child as the family names them; null if they were removed from the case. */
  readonly child: { readonly name: string; readonly age: number | null } | null;
  /** Who did it with the child. */
  readonly workerName: string;
  /** Words and Pictures: where it stands and each parent's agreement (names resolved). */
  readonly wordsPictures: {
    readonly stage: WordsPicturesStage;
    readonly parents: readonly {
      readonly name: string;
      readonly agreedAt: number | null;
      readonly current: boolean;
    }[];
    readonly withChildAt: number | null;
    readonly leftAt: number | null;
  } | null;
  readonly generatedAt: number;
  readonly generatedBy: { readonly displayName: string };
  readonly timeZone?: string;
}

const TITLE = { size: 30, weight: 'bold' as const };
const H1 = { size: 22, weight: 'bold' as const };
const WORDS = { size: 20, weight: 'regular' as const };
const BODY = { size: 14, weight: 'regular' as const };

/** The pen's colours on paper: the same as the web's tokens for them (apps/web/src/child/pens.ts). */
export const PEN_INK: Readonly<Record<PenColour, string>> = {
  ink: '#1f2937',
  red: '#b91c1c',
  orange: '#ea580c',
  yellow: '#eab308',
  green: '#15803d',
  blue: '#0b57d0',
  purple: '#6d28d9',
  brown: '#78350f',
};

const STAGE_WORDS: Readonly<Record<WordsPicturesStage, string>> = {
  draft: 'A draft: not yet shared with the parents.',
  'with-parents': 'Shared with the parents: not yet agreed by everyone.',
  agreed: 'Agreed by the parents: not yet shared with the child.',
  'with-child': 'Agreed by the parents and shared with the child.',
  'left-with-child': 'Agreed by the parents, shared with the child and left with them.',
};

export async function renderChildTool(input: ChildToolReportInput): Promise<Uint8Array> {
  const timeZone = reportTimeZone(input.timeZone);
  const { tool } = input;
  const flow = new PageFlow({
    margin: 48,
    footer: 30,
    title: TOOL_TITLES[tool.kind],
    createdAt: new Date(input.generatedAt),
  });
  const childName = input.child?.name.trim() || 'the child';
  const title =
    tool.kind === 'words-pictures'
      ? `Words and Pictures for ${childName}`
      : tool.kind === 'child-safety-plan'
        ? `${childName}'s safety plan`
        : `${childName}'s ${TOOL_TITLES[tool.kind]}`;
  flow.block([
    { text: title, style: TITLE },
    {
      text: isForTheChild(tool.kind)
        ? `Written by ${input.workerName} with ${childName}'s family. Started on ${formatDate(tool.createdAt, timeZone)}.`
        : `Done with ${input.workerName}, in ${childName}'s own words. Started on ${formatDate(tool.createdAt, timeZone)}.`,
      style: BODY,
      color: INK_MUTED,
      before: 8,
    },
  ]);
  if (input.wordsPictures !== null) writeAgreement(flow, input.wordsPictures, childName, timeZone);
  for (const area of areasOf(tool.kind)) {
    await writeArea(flow, tool.kind, area, tool.areas[area] ?? { words: '', strokes: [], stickers: [] });
  }
  const made = `${TOOL_TITLES[tool.kind]} · printed on ${formatDate(input.generatedAt, timeZone)} by ${input.generatedBy.displayName}`;
  await flow.stampPages((index, count) => writeFooter(flow, made, `Page ${index + 1} of ${count}`));
  return flow.finish();
}

function writeAgreement(
  flow: PageFlow,
  info: NonNullable<ChildToolReportInput['wordsPictures']>,
  childName: string,
  timeZone: string,
): void {
  const lines = info.parents.map((parent) =>
    parent.agreedAt === null
      ? `${parent.name}: not agreed yet`
      : parent.current
        ? `${parent.name}: agreed on ${formatDate(parent.agreedAt, timeZone)}`
        : `${parent.name}: agreed on ${formatDate(parent.agreedAt, timeZone)} to an earlier draft`,
  );
  flow.block([
    { text: STAGE_WORDS[info.stage], style: BODY, before: 10 },
    ...lines.map((text) => ({ text, style: BODY, color: INK_MUTED, before: 2 })),
    ...(info.withChildAt === null
      ? []
      : [
          {
            text: `Shared with ${childName} on ${formatDate(info.withChildAt, timeZone)}.`,
            style: BODY,
            before: 2,
          },
        ]),
    ...(info.leftAt === null
      ? []
      : [
          { text: `Left with ${childName} on ${formatDate(info.leftAt, timeZone)}.`, style: BODY, before: 2 },
        ]),
  ]);
}

async function writeArea(
  flow: PageFlow,
  kind: ChildToolKind,
  area: string,
  state: ChildAreaState,
): Promise<void> {
  const heading = AREA_TITLES[kind][area] ?? area;
  const words = state.words.trim();
  const scale =
    area === SCALE_AREA && state.scale !== undefined
      ? [
          {
            text: state.scale === null ? 'No score chosen yet.' : `My score: ${state.scale} out of 10`,
            style: H1,
            before: 8,
          },
        ]
      : [];
  const hasPicture = state.strokes.length > 0 || state.stickers.length > 0;
  const pictureHeight = hasPicture ? flow.width / DRAWING_ASPECT : 0;
  flow.heading([{ text: heading, style: H1, before: 22 }]);
  flow.block(
    [
      {
        text: words.length > 0 ? words : 'Nothing written here.',
        style: WORDS,
        color: words.length > 0 ? INK : INK_MUTED,
        before: 8,
      },
      ...scale,
    ],
    // Keep a picture with its words when both fit on a page.
    Math.min(pictureHeight + 12, flow.bottom - flow.top - 200),
  );
  if (hasPicture) drawPicture(flow, state, pictureHeight);
  await Promise.resolve();
}

/** The area's drawing and pictures in a box the page's width across, 4:3 like the screen. */
function drawPicture(flow: PageFlow, state: ChildAreaState, height: number): void {
  flow.ensureSpace(height + 12);
  const doc = flow.doc;
  const box = { x: flow.left, y: flow.y + 8, width: flow.width, height };
  doc.save();
  doc.roundedRect(box.x, box.y, box.width, box.height, 8).lineWidth(1).strokeColor(RULE).stroke();
  doc.rect(box.x, box.y, box.width, box.height).clip();
  for (const stroke of state.strokes) {
    const [x0 = 0, y0 = 0, ...rest] = stroke.points;
    doc.moveTo(box.x + x0 * box.width, box.y + y0 * box.height);
    if (rest.length === 0) doc.lineTo(box.x + x0 * box.width + 0.01, box.y + y0 * box.height);
    for (let i = 0; i + 1 < rest.length; i += 2) {
      doc.lineTo(box.x + (rest[i] ?? 0) * box.width, box.y + (rest[i + 1] ?? 0) * box.height);
    }
    doc
      .lineWidth(Math.max(0.5, stroke.width * box.width))
      .lineCap('round')
      .lineJoin('round')
      .strokeColor(PEN_INK[stroke.colour])
      .stroke();
  }
  for (const sticker of state.stickers) {
    drawSticker(doc, sticker.sticker, {
      x: box.x + sticker.x * box.width,
      y: box.y + sticker.y * box.height,
      size: box.width * 0.12,
      colour: INK,
    });
  }
  doc.restore();
  flow.space(height + 16);
}
