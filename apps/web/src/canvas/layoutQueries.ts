import type { CardId, Category } from '@kinmap/model';
import { ownValue } from '@kinmap/model';
import type { BoardLayout, SectionLayout } from './boardLayout';
import { METRICS } from './boardMetrics';
import type { CardLayout } from './cardLayout';
import { type BoardPoint, containsPoint } from './geometry';

/** Questions asked of a finished layout: which section is under a point, where a drop lands, reading order. */

export function sectionOf(layout: BoardLayout, category: Category): SectionLayout | undefined {
  return layout.sections.find((s) => s.category === category);
}

/**
 * The section under a point. A point in a column's padding belongs to the nearest section of
 * that column, so a drop just beside a section still lands somewhere sensible.
 */
export function sectionAt(layout: BoardLayout, point: BoardPoint): Category | null {
  const hit = layout.sections.find((s) => containsPoint(s.rect, point));
  if (hit) return hit.category;
  const column = layout.columns.find((c) => containsPoint(c.rect, point));
  if (!column) return null;
  let best: { category: Category; distance: number } | null = null;
  for (const s of layout.sections) {
    if (s.column !== column.column) continue;
    const distance = Math.max(s.rect.y - point.y, point.y - (s.rect.y + s.rect.height), 0);
    if (!best || distance < best.distance) best = { category: s.category, distance };
  }
  return best ? best.category : null;
}

/**
 * Where a card dropped at `point` goes among the section's cards, counted without the card
 * being moved (the model's `moveCard` index means the same).
 */
export function insertionIndexAt(
  layout: BoardLayout,
  category: Category,
  point: BoardPoint,
  movingCardId?: CardId,
): number {
  const others = otherCards(layout, category, movingCardId);
  const next = others.find((c) => c.rect.y + c.rect.height / 2 >= point.y);
  // The model counts the category's cards in the analysis row too: land just before the next
  // card drawn in the section, or after all of them.
  const all = otherIds(layout, category, movingCardId);
  return next ? all.indexOf(next.cardId) : all.length;
}

/** The y of the line that shows where a dragged card would land. */
export function insertionMarkY(
  layout: BoardLayout,
  category: Category,
  index: number,
  movingCardId?: CardId,
): number {
  const others = otherCards(layout, category, movingCardId);
  const all = otherIds(layout, category, movingCardId);
  const half = METRICS.cardGap / 2;
  const next = others.find((c) => all.indexOf(c.cardId) >= index);
  if (next) return next.rect.y - half;
  const last = others[others.length - 1];
  if (last) return last.rect.y + last.rect.height + half;
  const section = sectionOf(layout, category);
  return section ? section.addButton.y - half : 0;
}

function otherIds(layout: BoardLayout, category: Category, movingCardId?: CardId): CardId[] {
  return (sectionOf(layout, category)?.categoryCardIds ?? []).filter((id) => id !== movingCardId);
}

function otherCards(layout: BoardLayout, category: Category, movingCardId?: CardId): CardLayout[] {
  const section = sectionOf(layout, category);
  if (!section) return [];
  return section.cardIds
    .filter((id) => id !== movingCardId)
    .map((id) => ownValue(layout.cards, id))
    .filter((c): c is CardLayout => c !== undefined);
}

/**
 * All cards in reading order: column by column, section by section, top to bottom, then the
 * analysis row pair by pair, each danger statement followed by its safety goal. The row comes
 * last because it is drawn below the columns (arrow keys then move the way the eye does), and a
 * goal follows its own worry rather than all worries first, because a goal only makes sense as the
 * answer to the worry beside it; a screen reader user hears each pair together.
 */
export function readingOrder(layout: BoardLayout): CardId[] {
  const inSections = layout.sections.flatMap((s) => s.cardIds);
  const inRows = layout.analysis.rows.flatMap((row) =>
    [row.dangerStatementId, row.safetyGoalId].filter((id): id is CardId => id !== null),
  );
  return [...inSections, ...inRows];
}
