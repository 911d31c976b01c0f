import type { BoardState } from '@kinmap/model';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { type BoardLayout, chooseLayout, type LayoutChoice, layoutBoard } from '../canvas/boardLayout';
import { type CardLayout, sameChips } from '../canvas/cardLayout';
import type { Rect } from '../canvas/geometry';
import { createCanvasMeasure } from '../canvas/text/textMeasure';
import { retypedLayout } from '../canvas/typingLayout';
import { type ElementSize, useElementSize } from '../lib/useElementSize';

/** The height the bars above the map may take on a laptop (issue 13's target for the chrome). */
const CHROME_ALLOWANCE_PX = 120;

/**
 * Lays `board` out for the size (and shape) of the element `scrollRef` holds, and tells `onLayout` each new
 * layout (the test bridge and the exports read it), and null when the view goes away.
 *
 * Incremental where it counts: a keystroke that keeps its card's line count lays out that card alone
 * (canvas/typingLayout.ts `retypedLayout`); otherwise a card's text is wrapped again only when its
 * text or width changed (canvas/text/textWrap.ts `wrapRemembered`), and every card that lands where
 * it was, wrapped as it was, keeps its previous `CardLayout` object (`sharedCardLayouts`), so a
 * keystroke gives new objects only to the card typed in and the cards it pushed down.
 */
export function useBoardLayout(
  board: BoardState,
  scrollRef: RefObject<HTMLElement | null>,
  onLayout: (layout: BoardLayout | null) => void,
): { viewport: ElementSize | null; layout: BoardLayout | null } {
  const viewport = useElementSize(scrollRef);
  const measure = useMemo(() => createCanvasMeasure(), []);
  // The board's width (and on a wall its card text size) fits the screen. It is chosen again when the screen changes or a
  // card comes or goes, not on every keystroke: the board does not reflow under someone typing.
  const latest = useRef(board);
  latest.current = board;
  const cardCount = Object.keys(board.cards).length;
  // Nor when the area's height changes a little (a card's notes opening below the board).
  const chosen = useRef<{ width: number; height: number; cards: number; choice: LayoutChoice } | null>(null);
  const choice = useMemo(() => {
    if (!viewport) return undefined;
    const last = chosen.current;
    if (
      last &&
      last.width === viewport.width &&
      last.cards === cardCount &&
      Math.abs(Math.log(Math.max(1, window.innerHeight - CHROME_ALLOWANCE_PX) / Math.max(1, last.height))) <
        Math.log(1.25)
    )
      return last.choice;
    // The window's height less the room the bars above the board may take, not the area's own
    // height: two people on the same kind of screen get the same layout although their bars
    // differ (a facilitator has more buttons).
    const screen = { width: viewport.width, height: Math.max(1, window.innerHeight - CHROME_ALLOWANCE_PX) };
    const next = chooseLayout(latest.current, screen, measure);
    chosen.current = { width: viewport.width, height: screen.height, cards: cardCount, choice: next };
    return next;
  }, [viewport, cardCount, measure]);
  const previous = useRef<LaidOut | null>(null);
  const layout = useMemo(() => {
    if (!viewport) return null;
    const last = previous.current;
    // A keystroke that keeps its card's line count moves nothing: only that card is wrapped again.
    const typed =
      last && last.viewport === viewport && last.choice === choice
        ? retypedLayout(last.layout, last.board, board, measure)
        : null;
    const next =
      typed ?? sharedCardLayouts(last?.layout ?? null, layoutBoard(board, viewport, measure, choice));
    previous.current = { board, viewport, choice, layout: next };
    return next;
  }, [board, viewport, measure, choice]);
  useEffect(() => onLayout(layout), [layout, onLayout]);
  useEffect(() => () => onLayout(null), [onLayout]);
  return { viewport, layout };
}

/** The last layout and what it was laid out from. */
interface LaidOut {
  readonly board: BoardState;
  readonly viewport: ElementSize;
  readonly choice: LayoutChoice | undefined;
  readonly layout: BoardLayout;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((line, i) => line === b[i]));
}

function sameRect(a: Rect | null, b: Rect | null): boolean {
  return (
    a === b ||
    (a !== null && b !== null && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height)
  );
}

/** Everything a card's drawing reads from its layout: place, words, notes, badges, name-tag room. */
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
    sameLines(a.lines, b.lines) &&
    a.textStyle === b.textStyle &&
    a.textY === b.textY &&
    a.metaY === b.metaY &&
    sameLines(a.metaLines, b.metaLines) &&
    a.quoteY === b.quoteY &&
    sameLines(a.quoteLines, b.quoteLines) &&
    sameRect(a.quoteIcon, b.quoteIcon) &&
    sameChips(a.chips, b.chips) &&
    sameRect(a.presenceSlot, b.presenceSlot)
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
