/**
 * The sizes the board is drawn with: text styles and spacing, in board units. Shared by the
 * layout (which measures with them) and the shapes (which draw with them).
 */

export interface FontSpec {
  readonly size: number;
  readonly weight: 'normal' | 'bold';
  readonly style: 'normal' | 'italic';
}

export interface TextStyle extends FontSpec {
  readonly lineHeight: number;
}

/** Width in pixels of one line of `text` drawn in `font`. */
export type MeasureText = (text: string, font: FontSpec) => number;

export const TEXT_STYLES = {
  columnTitle: { size: 20, weight: 'bold', style: 'normal', lineHeight: 26 },
  sectionTitle: { size: 17, weight: 'bold', style: 'normal', lineHeight: 22 },
  prompt: { size: 14, weight: 'normal', style: 'italic', lineHeight: 19 },
  cardText: { size: 16, weight: 'normal', style: 'normal', lineHeight: 22 },
  /** The notes under a card's text (pair, who changed it): ink, never below 14 px at 100%. */
  cardMeta: { size: 14, weight: 'bold', style: 'normal', lineHeight: 20 },
  addButton: { size: 14, weight: 'bold', style: 'normal', lineHeight: 18 },
} as const satisfies Record<string, TextStyle>;

export const METRICS = {
  margin: 16,
  columnGap: 16,
  columnPadding: 10,
  columnHeaderGap: 8,
  sectionGap: 12,
  sectionPadding: 12,
  headerGap: 12,
  cardGap: 8,
  stripeWidth: 6,
  cardPaddingX: 12,
  cardPaddingY: 10,
  metaGap: 6,
  /** Between a card's header row (initials, badges) and its text. */
  headerRowGap: 8,
  addButtonWidth: 84,
  addButtonHeight: 32,
  /** Below this column width the three columns are stacked (phones, narrow windows). */
  minColumnWidth: 260,
} as const;
