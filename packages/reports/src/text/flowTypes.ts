import type { TextLine, TextStyle } from './textLayout.js';

/** The ink, the parts of a block and the options of a PageFlow (pageFlow.ts). */

export const INK = '#1f2937';
export const INK_MUTED = '#4b5563';
export const RULE = '#cbd5e1';

/** One paragraph of a block. */
export interface Part {
  readonly text: string;
  readonly style: TextStyle;
  readonly color?: string;
  /** Extra space above it, in points. */
  readonly before?: number;
  /** Indent from the side the text starts on. */
  readonly indent?: number;
  /** A coloured bar beside each line (on the side the text starts). */
  readonly bar?: string;
  /** Professionals-only content: the pages it is drawn on are marked (PageFlow.restrictedPages). */
  readonly restricted?: boolean;
}

export interface FlowOptions {
  readonly margin: number;
  /** Space kept free at the foot of every page for the footer. */
  readonly footer: number;
  /** Document information (never personal data: it is shown by file browsers). */
  readonly title: string;
  readonly createdAt: Date;
}

export interface CellLine {
  readonly line: TextLine;
  readonly part: Part;
  /** Space above it (its paragraph's `before`, on its first line). */
  readonly above: number;
  readonly height: number;
}

export interface LaidPart {
  readonly part: Part;
  readonly lines: readonly TextLine[];
  readonly height: number;
}
