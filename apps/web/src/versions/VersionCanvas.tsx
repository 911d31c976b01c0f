import type { BoardState } from '@kinmap/model';
import type Konva from 'konva';
import { type RefObject, useRef } from 'react';
import type { BoardLayout } from '../canvas/boardLayout';
import { fitBoardWidth } from '../canvas/camera';
import { BoardCanvas } from '../map/BoardCanvas';
import type { CardHighlight } from '../map/CardShape';
import { useBoardLayout } from '../map/useBoardLayout';

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
 * The map's own canvas, read-only: the same layout and cards as the live map, the whole width
 * of the board fitted to the pane, no editing, dragging, presence or cursors.
 */
export function VersionCanvas({ board, highlights, label, stageRef, onLayout }: VersionCanvasProps) {
  const scrollRef = useRef<HTMLElement | null>(null);
  const { viewport, layout } = useBoardLayout(board, scrollRef, onLayout);
  const scale = layout && viewport ? fitBoardWidth(layout.width, viewport).scale : 1;

  return (
    <section
      ref={scrollRef}
      className="board-scroll version-canvas"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the picture scrolls, so the keyboard must be able to reach it
      tabIndex={0}
    >
      {layout && (
        <div className="board-surface" style={{ width: layout.width * scale, height: layout.height * scale }}>
          <BoardCanvas
            state={board}
            layout={layout}
            scale={scale}
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
