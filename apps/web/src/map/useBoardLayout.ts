import type { BoardState } from '@kinmap/model';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { type BoardLayout, chooseBoardWidth, layoutBoard } from '../canvas/boardLayout';
import { createCanvasMeasure } from '../canvas/text/textMeasure';
import { type ElementSize, useElementSize } from '../lib/useElementSize';

/**
 * Lays `board` out for the size (and shape) of the element `scrollRef` holds, and tells `onLayout` each new
 * layout (the test bridge and the exports read it), and null when the view goes away.
 */
export function useBoardLayout(
  board: BoardState,
  scrollRef: RefObject<HTMLElement | null>,
  onLayout: (layout: BoardLayout | null) => void,
): { viewport: ElementSize | null; layout: BoardLayout | null } {
  const viewport = useElementSize(scrollRef);
  const measure = useMemo(() => createCanvasMeasure(), []);
  // The board's width fits the screen's shape. It is chosen again when the screen changes or a
  // card comes or goes, not on every keystroke: the board does not reflow under someone typing.
  const latest = useRef(board);
  latest.current = board;
  const cardCount = Object.keys(board.cards).length;
  const boardWidth = useMemo(
    () => (viewport && cardCount >= 0 ? chooseBoardWidth(latest.current, viewport, measure) : undefined),
    [viewport, cardCount, measure],
  );
  const layout = useMemo(
    () => (viewport ? layoutBoard(board, viewport, measure, boardWidth) : null),
    [board, viewport, measure, boardWidth],
  );
  useEffect(() => onLayout(layout), [layout, onLayout]);
  useEffect(() => () => onLayout(null), [onLayout]);
  return { viewport, layout };
}
