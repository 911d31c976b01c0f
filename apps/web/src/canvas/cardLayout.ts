import type { CardId, CardState, Category, PairId } from '@kinmap/model';
import { METRICS, type MeasureText, TEXT_STYLES } from './boardMetrics';
import type { Rect } from './geometry';
import { wrapRemembered } from './text/textWrap';

/** Where one card sits and how its text wraps, in its section or in an analysis row. */
export interface CardLayout {
  readonly cardId: CardId;
  readonly category: Category;
  /** Position among all the category's cards in board order (the model's index). */
  readonly index: number;
  readonly rect: Rect;
  /** The card text already wrapped to the card's width. */
  readonly lines: readonly string[];
  readonly hasMeta: boolean;
  /** The pair whose analysis row holds the card; null when it is in its section. */
  readonly rowPairId: PairId | null;
}

/** Does the card show a line for its pair number, marks or the professionals-only flag? */
export function cardHasMeta(card: CardState): boolean {
  return (
    card.professionalsOnly ||
    card.pairId !== null ||
    Object.keys(card.marks).length > 0 ||
    Object.keys(card.editedBy ?? {}).length > 0 ||
    Object.keys(card.suggestions ?? {}).length > 0
  );
}

/** One card at its place, wrapped to its width, in its section or in an analysis row. */
export function placeCard(
  card: CardState,
  index: number,
  at: { x: number; y: number; width: number },
  measure: MeasureText,
  rowPairId: PairId | null,
): CardLayout {
  const lines = wrapRemembered(card.text, cardTextWidth(at.width), TEXT_STYLES.cardText, measure);
  const hasMeta = cardHasMeta(card);
  const rect = { x: at.x, y: at.y, width: at.width, height: cardHeight(lines.length, hasMeta) };
  return { cardId: card.id, category: card.category, index, rect, lines, hasMeta, rowPairId };
}

/** The width available to a card's text once the author stripe and padding are taken off. */
export function cardTextWidth(cardWidth: number): number {
  return Math.max(1, cardWidth - METRICS.stripeWidth - 2 * METRICS.cardPaddingX);
}

/** The height of a card showing `lineCount` lines of text, and a meta line when it has one. */
export function cardHeight(lineCount: number, hasMeta: boolean): number {
  const { cardPaddingY, metaGap } = METRICS;
  const meta = hasMeta ? metaGap + TEXT_STYLES.cardMeta.lineHeight : 0;
  return cardPaddingY + Math.max(1, lineCount) * TEXT_STYLES.cardText.lineHeight + meta + cardPaddingY;
}
