import type { BoardState } from '@kinmap/model';
import type Konva from 'konva';
import { type RefObject, useLayoutEffect, useRef } from 'react';
import type { BoardLayout } from '../canvas/boardLayout';
import { fitBoardWidth } from '../canvas/camera';
import { BoardCanvas, grabsPointerAt } from '../map/BoardCanvas';
import type { CardHighlight } from '../map/CardShape';
import { useBoardLayout } from '../map/useBoardLayout';
import { useCamera } from '../map/useCamera';

export interface VersionCanvasProps {
  /** The board to draw: a saved version, or a comparison's later side with ghosts. */
  readonly board: BoardState;
  readonly highlights?: ReadonlyMap<string, CardHighlight>;
  /** What the picture shows, in words (the list or the outline beside it says it in full). */
  readonly label: string;
  readonly stageRef: RefObject<Konva.Stage | null>;
  /** Told the layout (the test bridge reads it), and null when the canvas closes. */
  readonly onLayout: (layout: BoardLayout | null) => void;
}

const NO_PEERS = [] as const;
const NO_WATCHERS = new Map();
const ignore = () => {};
const nobodyMoves = () => false;

/**
 * The map's own canvas, read-only: the same layout and cards as the live map, opening on the
 * whole width of the board in the pane (wheel and drag pan, Ctrl+wheel zooms), no editing,
 * dragging, presence or cursors.
 */
export function VersionCanvas({ board, highlights, label, stageRef, onLayout }: VersionCanvasProps) {
  const scrollRef = useRef<HTMLElement | null>(null);
  const { viewport, layout } = useBoardLayout(board, scrollRef, onLayout);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const camera = useCamera({
    viewRef: scrollRef,
    onMoved: ignore,
    bounds: () => {
      const l = layoutRef.current;
      return l ? { x: 0, y: 0, width: l.width, height: l.height } : null;
    },
    grabsPointer: (x, y) => grabsPointerAt(stageRef.current, x, y),
  });
  const { moveTo } = camera;
  const width = layout?.width ?? null;
  const viewWidth = viewport?.width ?? null;
  useLayoutEffect(() => {
    if (width !== null && viewWidth !== null) moveTo(fitBoardWidth(width, { width: viewWidth, height: 1 }));
  }, [width, viewWidth, moveTo]);

  return (
    <section
      ref={scrollRef}
      className="board-scroll version-canvas"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the picture scrolls, so the keyboard must be able to reach it
      tabIndex={0}
    >
      {layout && viewport && (
        <div className="board-surface">
          <BoardCanvas
            state={board}
            layout={layout}
            camera={camera}
            view={viewport}
            canEdit={false}
            projector={false}
            selectedId={null}
            editingId={null}
            peers={NO_PEERS}
            watchers={NO_WATCHERS}
            stageRef={stageRef}
            onSelect={ignore}
            onEdit={ignore}
            onAdd={ignore}
            onMove={ignore}
            mayMove={nobodyMoves}
            onCursor={ignore}
            {...(highlights ? { highlights } : {})}
          />
        </div>
      )}
    </section>
  );
}
