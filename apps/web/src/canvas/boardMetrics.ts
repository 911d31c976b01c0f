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

/** A card text style of `size` board units (lines 1.375 as tall, as the standard one). */
export function cardTextOf(size: number): TextStyle {
  return { size, weight: 'normal', style: 'normal', lineHeight: Math.round(size * 1.375) };
}

/**
 * The card text sizes a wall-sized screen may lay the board out with (board units), today's
 * first: the large-text layout enlarges the cards' words, not the headings and badges around
 * them, so at "Fit" more of the screen is card text (see boardLayout.ts `chooseLayout`).
 */
export const CARD_TEXT_STYLES: readonly TextStyle[] = [
  TEXT_STYLES.cardText,
  ...[20, 24, 28, 32, 40, 48, 56, 64].map(cardTextOf),
];

/** The headings of the columns and sections, and the sections' prompts. */
export interface HeadingStyles {
  readonly columnTitle: TextStyle;
  readonly sectionTitle: TextStyle;
  readonly prompt: TextStyle;
}

/**
 * The headings that go with a card text style: the standard ones for the standard text; for a
 * wall's larger card text, half as much larger (a heading stays readable from across the room
 * without taking the cards' room).
 */
export function headingStylesFor(cardText: TextStyle): HeadingStyles {
  const k = Math.max(1, cardText.size / TEXT_STYLES.cardText.size / 2);
  if (k === 1) return TEXT_STYLES;
  const scaled = (style: TextStyle): TextStyle => ({
    ...style,
    size: Math.round(style.size * k),
    lineHeight: Math.round(style.lineHeight * k),
  });
  return {
    columnTitle: scaled(TEXT_STYLES.columnTitle),
    sectionTitle: scaled(TEXT_STYLES.sectionTitle),
    prompt: scaled(TEXT_STYLES.prompt),
  };
}

/** A card flowing beside others in a section keeps room for this many characters (0.55 em each) a line. */
export const MIN_CARD_LINE_EMS = 14;

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
