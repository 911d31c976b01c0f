import type { BoardState } from '@kinmap/model';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { type BoardLayout, layoutBoard } from '../canvas/boardLayout';
import type { CardLayout } from '../canvas/cardLayout';
import { createCanvasMeasure } from '../canvas/text/textMeasure';
import { type ElementSize, useElementSize } from '../lib/useElementSize';

/**
 * Lays `board` out for the size of the element `scrollRef` holds, and tells `onLayout` each new
 * layout (the test bridge and the exports read it), and null when the view goes away.
 *
 * Incremental where it counts: a card's text is wrapped again only when its text or width changed
 * (canvas/text/textWrap.ts `wrapRemembered`), and every card that lands where it was, wrapped as
 * it was, keeps its previous `CardLayout` object (`sharedCardLayouts`), so a keystroke gives new
 * objects only to the card typed in and the cards it pushed down.
 */
export function useBoardLayout(
  board: BoardState,
  scrollRef: RefObject<HTMLElement | null>,
  onLayout: (layout: BoardLayout | null) => void,
): { viewport: ElementSize | null; layout: BoardLayout | null } {
  const viewport = useElementSize(scrollRef);
  const measure = useMemo(() => createCanvasMeasure(), []);
  const previous = useRef<BoardLayout | null>(null);
  const layout = useMemo(() => {
    if (!viewport) return null;
    const next = sharedCardLayouts(previous.current, layoutBoard(board, viewport, measure));
    previous.current = next;
    return next;
  }, [board, viewport, measure]);
  useEffect(() => onLayout(layout), [layout, onLayout]);
  useEffect(() => () => onLayout(null), [onLayout]);
  return { viewport, layout };
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((line, i) => line === b[i]));
}

function sameCardLayout(a: CardLayout, b: CardLayout): boolean {
  return (
    a.cardId === b.cardId &&
    a.category === b.category &&
    a.index === b.index &&
    a.hasMeta === b.hasMeta &&
    a.rowPairId === b.rowPairId &&
    a.rect.x === b.rect.x &&
    a.rect.y === b.rect.y &&
    a.rect.width === b.rect.width &&
    a.rect.height === b.rect.height &&
    sameLines(a.lines, b.lines)
  );
}

/** `next`, with each card layout that equals the previous one replaced by that previous object. */
export function sharedCardLayouts(previous: BoardLayout | null, next: BoardLayout): BoardLayout {
  if (previous === null) return next;
  const cards: Record<string, CardLayout> = Object.create(null);
  for (const [id, placed] of Object.entries(next.cards)) {
    const before = Object.hasOwn(previous.cards, id) ? previous.cards[id] : undefined;
    cards[id] = before !== undefined && sameCardLayout(before, placed) ? before : placed;
  }
  return { ...next, cards };
}
