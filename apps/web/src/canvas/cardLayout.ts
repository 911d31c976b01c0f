import type { CardId, CardState, Category, PairId } from '@kinmap/model';
import { t } from '../lib/messages';
import { initialsOf } from './analysis/analysisScale';
import { METRICS, type MeasureText, TEXT_STYLES, type TextStyle } from './boardMetrics';
import { type CardNames, type CasePeople, cardNotesText, quoteText } from './cardMeta';
import type { Rect } from './geometry';
import { fitText, wrapRemembered } from './text/textWrap';

/**
 * One card as a sticky note, as plain data: a header row with its author's initials and its
 * badges (agree, disagree, professionals only), its wrapped text, the child's-words line when it
 * quotes a child (a child icon and "Jo's words, from the house of worries"), and a notes line
 * (pair, who changed it, suggestions). Every text box here is measured, so nothing is clipped and
 * nothing overlaps (canvas/overlap.property.test.ts proves it over random boards).
 */

export type ChipKind = 'author' | 'agree' | 'dispute' | 'restricted';

/** A badge on the card's header row, in offsets from the card's top-left corner. */
export interface CardChip {
  readonly kind: ChipKind;
  readonly rect: Rect;
  /** The words drawn in the chip (already fitted to it). */
  readonly text: string;
  /** Where the text starts and how wide it may be, in the card's offsets. */
  readonly textRect: Rect;
  /** Where the icon goes (empty for the author's initials). */
  readonly iconRect: Rect | null;
}

/** Where one card sits and how its text wraps, in its section or in an analysis row. */
export interface CardLayout {
  readonly cardId: CardId;
  readonly category: Category;
  /** Position among all the category's cards in board order (the model's index). */
  readonly index: number;
  readonly rect: Rect;
  /** The card text already wrapped to the card's width. */
  readonly lines: readonly string[];
  /** The style the text is wrapped and drawn in: larger on a wall (see boardLayout.ts `chooseLayout`). */
  readonly textStyle: TextStyle;
  /** The card's badges, first the author's initials; offsets from the card's corner. */
  readonly chips: readonly CardChip[];
  /**
   * The free part of the header row, beside the initials: where someone else's name tag goes
   * while they work on the card (never over the card's text or another card, or a section prompt).
   */
  readonly presenceSlot: Rect;
  /** The top of the text, from the card's top. */
  readonly textY: number;
  /**
   * Whose words the card holds when it quotes a child ([AC52]): the line under the text, wrapped
   * beside the child icon (`quoteIcon`); empty, and the icon null, for a card that quotes nobody.
   */
  readonly quoteLines: readonly string[];
  readonly quoteY: number;
  readonly quoteIcon: Rect | null;
  /** The notes under the text (pair, who changed it, suggestions), wrapped; empty for none. */
  readonly metaLines: readonly string[];
  readonly metaY: number;
  readonly hasMeta: boolean;
  /** The pair whose analysis row holds the card; null when it is in its section. */
  readonly rowPairId: PairId | null;
}

/** What the card's badges and notes name: the board's people and the pairs' numbers. */
export interface CardLabels {
  readonly names?: CardNames;
  readonly pairNumbers?: ReadonlyMap<string, number>;
  /** The people of the case: whose words a quoted card holds. */
  readonly people?: CasePeople;
}

/** The child's-words line: an icon before words in the notes' style (bold, so it reads from afar). */
export const QUOTE = {
  icon: 18,
  iconGap: 6,
  text: TEXT_STYLES.cardMeta,
} as const;

/** The header row's measures, in board units. */
export const CHIP = {
  height: 28,
  gap: 6,
  rowGap: 6,
  paddingX: 8,
  icon: 16,
  iconGap: 5,
  /** Room kept beside the initials for a name tag, when the badges allow it. */
  presenceMin: 72,
  text: { size: 14, weight: 'bold', style: 'normal', lineHeight: 18 } as TextStyle,
} as const;

/** The style of the initials in the author's circle. */
export const INITIALS_TEXT: TextStyle = { size: 13, weight: 'bold', style: 'normal', lineHeight: 16 };

/** Does the card show a notes line (its pair number, who changed it, suggestions)? */
export function cardHasMeta(card: CardState, labels: CardLabels = {}): boolean {
  return cardNotesText(card, pairNumberOf(card, labels), labels.names) !== '';
}

function pairNumberOf(card: CardState, labels: CardLabels): number | null {
  return card.pairId === null ? null : (labels.pairNumbers?.get(card.pairId) ?? null);
}

/** One card at its place, wrapped to its width, in its section or in an analysis row. */
export function placeCard(
  card: CardState,
  index: number,
  at: { x: number; y: number; width: number },
  measure: MeasureText,
  rowPairId: PairId | null,
  labels: CardLabels = {},
  textStyle: TextStyle = TEXT_STYLES.cardText,
): CardLayout {
  const textWidth = cardTextWidth(at.width);
  const header = layoutChips(card, at.width, measure, labels.names);
  const textY = METRICS.cardPaddingY + header.height + METRICS.headerRowGap;
  const lines = wrapRemembered(card.text, textWidth, textStyle, measure);
  const quote = quoteText(card, labels.people);
  const quoteWidth = Math.max(1, textWidth - QUOTE.icon - QUOTE.iconGap);
  const quoteLines = quote === '' ? [] : wrapRemembered(quote, quoteWidth, QUOTE.text, measure);
  const notes = cardNotesText(card, pairNumberOf(card, labels), labels.names);
  const metaLines = notes === '' ? [] : wrapRemembered(notes, textWidth, TEXT_STYLES.cardMeta, measure);
  const quoteY = textY + Math.max(1, lines.length) * textStyle.lineHeight + METRICS.metaGap;
  const metaY =
    quoteLines.length > 0 ? quoteY + quoteLines.length * QUOTE.text.lineHeight + METRICS.metaGap : quoteY;
  const height = cardHeight(lines.length, metaLines.length, header.rows, textStyle, quoteLines.length);
  const left = METRICS.stripeWidth + METRICS.cardPaddingX;
  return {
    cardId: card.id,
    category: card.category,
    index,
    rect: { x: at.x, y: at.y, width: at.width, height },
    lines,
    textStyle,
    chips: header.chips,
    presenceSlot: header.presenceSlot,
    textY,
    quoteLines,
    quoteY,
    quoteIcon:
      quoteLines.length === 0
        ? null
        : {
            x: left,
            y: quoteY + (QUOTE.text.lineHeight - QUOTE.icon) / 2,
            width: QUOTE.icon,
            height: QUOTE.icon,
          },
    metaLines,
    metaY,
    hasMeta: metaLines.length > 0,
    rowPairId,
  };
}

/** The width available to a card's text once the author stripe and padding are taken off. */
export function cardTextWidth(cardWidth: number): number {
  return Math.max(1, cardWidth - METRICS.stripeWidth - 2 * METRICS.cardPaddingX);
}

/** The height of the header row(s) of chips. */
export function chipRowsHeight(rows: number): number {
  const n = Math.max(1, rows);
  return n * CHIP.height + (n - 1) * CHIP.rowGap;
}

/**
 * The height of a card showing `lineCount` lines of text in `textStyle`, `metaLineCount` lines
 * of notes (a boolean counts as one line), under `chipRows` rows of badges, with `quoteLineCount`
 * lines saying whose words it holds.
 */
export function cardHeight(
  lineCount: number,
  metaLineCount: number | boolean,
  chipRows = 1,
  textStyle: TextStyle = TEXT_STYLES.cardText,
  quoteLineCount = 0,
): number {
  const { cardPaddingY, metaGap, headerRowGap } = METRICS;
  const metaCount = typeof metaLineCount === 'boolean' ? Number(metaLineCount) : metaLineCount;
  const meta = metaCount > 0 ? metaGap + metaCount * TEXT_STYLES.cardMeta.lineHeight : 0;
  const quote = quoteLineCount > 0 ? metaGap + quoteLineCount * QUOTE.text.lineHeight : 0;
  return (
    cardPaddingY +
    chipRowsHeight(chipRows) +
    headerRowGap +
    Math.max(1, lineCount) * textStyle.lineHeight +
    quote +
    meta +
    cardPaddingY
  );
}

interface Badge {
  readonly kind: Exclude<ChipKind, 'author'>;
  readonly label: string;
}

/** The badges a card shows, loudest first: disagreement, professionals only, agreement. */
export function cardBadges(card: Pick<CardState, 'marks' | 'professionalsOnly'>): Badge[] {
  const marks = Object.values(card.marks);
  const agree = marks.filter((m) => m === 'agree').length;
  const dispute = marks.filter((m) => m === 'dispute').length;
  const badges: Badge[] = [];
  if (dispute > 0) badges.push({ kind: 'dispute', label: t('card.badgeDispute', { count: dispute }) });
  if (card.professionalsOnly) badges.push({ kind: 'restricted', label: t('card.professionalsOnly') });
  if (agree > 0) badges.push({ kind: 'agree', label: t('card.badgeAgree', { count: agree }) });
  return badges;
}

/**
 * The header row: the author's initials on the left, the badges on the right when they fit
 * beside a name tag's room, otherwise flowed onto rows of their own below.
 */
function layoutChips(
  card: CardState,
  cardWidth: number,
  measure: MeasureText,
  names: CardNames | undefined,
): { chips: CardChip[]; rows: number; height: number; presenceSlot: Rect } {
  const left = METRICS.stripeWidth + METRICS.cardPaddingX;
  const inner = cardTextWidth(cardWidth);
  const right = left + inner;
  const top = METRICS.cardPaddingY;
  const circle = Math.min(CHIP.height, inner);
  const initials = initialsOf(names?.[card.authorId]?.displayName ?? '');
  const author: CardChip = {
    kind: 'author',
    rect: { x: left, y: top, width: circle, height: CHIP.height },
    text: initials,
    textRect: {
      x: left,
      y: top + (CHIP.height - INITIALS_TEXT.lineHeight) / 2,
      width: circle,
      height: INITIALS_TEXT.lineHeight,
    },
    iconRect: null,
  };
  const sized = cardBadges(card).map((badge) => {
    const maxText = Math.max(1, inner - 2 * CHIP.paddingX - CHIP.icon - CHIP.iconGap);
    const text = fitText(badge.label, maxText, CHIP.text, measure);
    const textWidth = Math.min(maxText, measure(text, CHIP.text));
    return { ...badge, text, textWidth, width: 2 * CHIP.paddingX + CHIP.icon + CHIP.iconGap + textWidth };
  });
  const chip = (b: (typeof sized)[number], x: number, y: number): CardChip => ({
    kind: b.kind,
    rect: { x, y, width: b.width, height: CHIP.height },
    text: b.text,
    textRect: {
      x: x + CHIP.paddingX + CHIP.icon + CHIP.iconGap,
      y: y + (CHIP.height - CHIP.text.lineHeight) / 2,
      width: b.textWidth,
      height: CHIP.text.lineHeight,
    },
    iconRect: {
      x: x + CHIP.paddingX,
      y: y + (CHIP.height - CHIP.icon) / 2,
      width: CHIP.icon,
      height: CHIP.icon,
    },
  });
  const chips: CardChip[] = [author];
  const afterAuthor = left + circle + CHIP.gap;
  const allWidth = sized.reduce((sum, b) => sum + b.width, 0) + Math.max(0, sized.length - 1) * CHIP.gap;
  let rows = 1;
  let slotRight = right;
  if (sized.length > 0 && afterAuthor + CHIP.presenceMin + CHIP.gap + allWidth <= right) {
    // All on the first row, right-aligned; the name tag's room is between them and the initials.
    let x = right - allWidth;
    slotRight = x - CHIP.gap;
    for (const b of sized) {
      chips.push(chip(b, x, top));
      x += b.width + CHIP.gap;
    }
  } else if (sized.length > 0) {
    // Flowed onto rows of their own, left to right.
    let x = left;
    let y = top + CHIP.height + CHIP.rowGap;
    rows = 2;
    for (const b of sized) {
      if (x > left && x + b.width > right) {
        x = left;
        y += CHIP.height + CHIP.rowGap;
        rows += 1;
      }
      chips.push(chip(b, x, y));
      x += b.width + CHIP.gap;
    }
  }
  const presenceSlot = {
    x: afterAuthor,
    y: top,
    width: Math.max(0, slotRight - afterAuthor),
    height: CHIP.height,
  };
  return { chips, rows, height: chipRowsHeight(rows), presenceSlot };
}

/** The style of a name tag's words in a card's presence slot. */
export const PRESENCE_TEXT: TextStyle = { size: 14, weight: 'bold', style: 'normal', lineHeight: 18 };
const PRESENCE_PADDING_X = 8;

/** A name tag in a card's header row: its box and its words, fitted; null when there is no room. */
export function presenceTag(
  card: Pick<CardLayout, 'presenceSlot'>,
  label: string,
  measure: MeasureText,
): { rect: Rect; text: string; textRect: Rect } | null {
  const slot = card.presenceSlot;
  const maxText = slot.width - 2 * PRESENCE_PADDING_X;
  if (maxText < PRESENCE_TEXT.size || label === '') return null;
  const text = fitText(label, maxText, PRESENCE_TEXT, measure);
  const textWidth = Math.min(maxText, measure(text, PRESENCE_TEXT));
  const width = textWidth + 2 * PRESENCE_PADDING_X;
  return {
    rect: { x: slot.x, y: slot.y, width, height: slot.height },
    text,
    textRect: {
      x: slot.x + PRESENCE_PADDING_X,
      y: slot.y + (slot.height - PRESENCE_TEXT.lineHeight) / 2,
      width: textWidth,
      height: PRESENCE_TEXT.lineHeight,
    },
  };
}

/** The words on a compared card's "New" / "Changed" / "Removed" tag. */
export const HIGHLIGHT_TEXT: TextStyle = { size: 14, weight: 'bold', style: 'normal', lineHeight: 18 };
const HIGHLIGHT_PADDING_X = 8;
const HIGHLIGHT_HEIGHT = 20;

/**
 * The tag on a compared card's top edge, right-aligned, measured so its word is never cut
 * ("Removed" used to show as "Remove": the tag was sized by a guess per letter). Offsets from
 * the card's corner; it sits on the card's top edge, its bottom above the header row, its top
 * within the gap above the card (no text there).
 */
export function highlightTag(
  label: string,
  cardWidth: number,
  measure: MeasureText,
): { rect: Rect; text: string; textRect: Rect } {
  const maxText = Math.max(1, cardWidth - 8 - 2 * HIGHLIGHT_PADDING_X);
  const text = fitText(label, maxText, HIGHLIGHT_TEXT, measure);
  const textWidth = Math.min(maxText, measure(text, HIGHLIGHT_TEXT));
  const width = textWidth + 2 * HIGHLIGHT_PADDING_X;
  const rect = {
    x: cardWidth - width - 4,
    y: METRICS.cardPaddingY - 1 - HIGHLIGHT_HEIGHT,
    width,
    height: HIGHLIGHT_HEIGHT,
  };
  return {
    rect,
    text,
    textRect: {
      x: rect.x + HIGHLIGHT_PADDING_X,
      y: rect.y + (HIGHLIGHT_HEIGHT - HIGHLIGHT_TEXT.lineHeight) / 2,
      width: textWidth,
      height: HIGHLIGHT_TEXT.lineHeight,
    },
  };
}

/** Two rectangles (or none) with the same numbers. */
function sameOptionalRect(a: Rect | null | undefined, b: Rect | null | undefined): boolean {
  return (
    a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height)
  );
}

/** The badges (a mark or professionals-only changes them without changing the card's size). */
export function sameChips(a: readonly CardChip[], b: readonly CardChip[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((chip, i) => {
        const other = b[i];
        return (
          other !== undefined &&
          chip.kind === other.kind &&
          chip.text === other.text &&
          sameOptionalRect(chip.rect, other.rect) &&
          sameOptionalRect(chip.textRect, other.textRect) &&
          sameOptionalRect(chip.iconRect, other.iconRect)
        );
      }))
  );
}
