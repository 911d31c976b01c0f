import { areasOf, type ChildToolKind, type ChildToolState, SCALE_AREA } from '@kinmap/model';
import { INK_MUTED, type PageFlow, type Part } from '../text/pageFlow.js';
import { AREA_TITLES, TOOL_TITLES } from './childToolWords.js';
import { formatDate } from './dates.js';
import { RECORD_STYLES as S } from './recordSections.js';

/** A child's tool as the record shows it: its content only where the child's choice allows. */
export interface RecordChildTool {
  readonly kind: ChildToolKind;
  readonly childName: string;
  readonly workerName: string;
  readonly createdAt: number;
  /** Who the child chose to show it to, in words ("only their worker", "everyone at the meeting"). */
  readonly shownTo: string;
  /** The tool as the record's moment held it (now, or the version), or null: the child did not choose the reader. */
  readonly content: ChildToolState | null;
}

const counted = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * [CT3] The child's own tools, as they stand now or as a saved version kept them ([CT7]): each with
 * whom the child chose to show it to (their choice now, for an old version too); one the child did
 * not choose the reader for is named and marked withheld, with none of its words.
 */
export function writeChildTools(
  flow: PageFlow,
  tools: readonly RecordChildTool[],
  timeZone: string,
  versionNumber: number | null = null,
): void {
  if (tools.length === 0) return;
  flow.heading([
    { text: "The child's own tools", style: S.h1, before: 18 },
    {
      text:
        versionNumber === null
          ? 'As they are now. Each is shown only as the child chose.'
          : `As version ${versionNumber} kept them. Each is shown only as the child chooses now.`,
      style: S.meta,
      color: INK_MUTED,
      before: 2,
    },
  ]);
  for (const tool of tools) {
    const head: Part[] = [
      { text: `${tool.childName}: ${TOOL_TITLES[tool.kind]}`, style: S.h2, before: 12 },
      {
        text: `Started on ${formatDate(tool.createdAt, timeZone)} with ${tool.workerName}. Shown to ${tool.shownTo}.`,
        style: S.meta,
        color: INK_MUTED,
        before: 2,
      },
    ];
    if (tool.content === null) {
      flow.block([
        ...head,
        {
          text: `Withheld: ${tool.childName} chose not to show this to the person who printed this record. None of it is included.`,
          style: S.body,
          before: 4,
        },
      ]);
      continue;
    }
    flow.block(head);
    for (const area of areasOf(tool.kind)) {
      const state = tool.content.areas[area];
      const words = state?.words.trim() ?? '';
      const pictures = state?.stickers.map((sticker) => sticker.sticker) ?? [];
      const drawn = [
        state && state.strokes.length > 0 ? counted(state.strokes.length, 'pen stroke', 'pen strokes') : '',
        pictures.length > 0 ? `pictures: ${pictures.join(', ')}` : '',
        area === SCALE_AREA && state?.scale !== undefined && state.scale !== null
          ? `own score: ${state.scale} out of 10`
          : '',
      ].filter((text) => text !== '');
      flow.block([
        { text: AREA_TITLES[tool.kind][area] ?? area, style: S.label, before: 6 },
        {
          text: words.length > 0 ? words : 'Nothing written.',
          style: S.body,
          ...(words.length > 0 ? {} : { color: INK_MUTED }),
        },
        ...(drawn.length > 0
          ? [{ text: `Drawn: ${drawn.join('; ')}.`, style: S.meta, color: INK_MUTED, before: 2 }]
          : []),
      ]);
    }
  }
}
