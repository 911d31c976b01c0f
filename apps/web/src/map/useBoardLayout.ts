import type { BoardState } from '@kinmap/model';
import { type RefObject, useEffect, useMemo } from 'react';
import { type BoardLayout, layoutBoard } from '../canvas/boardLayout';
import { createCanvasMeasure } from '../canvas/text/textMeasure';
import { type ElementSize, useElementSize } from '../lib/useElementSize';

/**
 * Lays `board` out for the size of the element `scrollRef` holds, and tells `onLayout` each new
 * layout (the test bridge and the exports read it), and null when the view goes away.
 */
export function useBoardLayout(
  board: BoardState,
  scrollRef: RefObject<HTMLElement | null>,
  onLayout: (layout: BoardLayout | null) => void,
): { viewport: ElementSize | null; layout: BoardLayout | null } {
  const viewport = useElementSize(scrollRef);
  const measure = useMemo(() => createCanvasMeasure(), []);
  const layout = useMemo(
    () => (viewport ? layoutBoard(board, viewport, measure) : null),
    [board, viewport, measure],
  );
  useEffect(() => onLayout(layout), [layout, onLayout]);
  useEffect(() => () => onLayout(null), [onLayout]);
  return { viewport, layout };
}
