import type { BoardState } from '@kinmap/model';
import type Konva from 'konva';
import { type KeyboardEvent, type RefObject, useEffect, useMemo, useRef } from 'react';
import { BoardCanvas } from './BoardCanvas';
import { keyCommand } from './boardKeys';
import { CardEditor } from './CardEditor';
import type { BoardPoint } from './geometry';
import { scrollToReveal } from './geometry';
import { type BoardLayout, layoutBoard, readingOrder } from './layout';
import { t } from './messages';
import type { Peer } from './presence';
import { Toolbar } from './Toolbar';
import { createCanvasMeasure } from './textMeasure';
import type { BoardSession, Me } from './useBoard';
import { useCardActions } from './useCardActions';
import { useElementSize } from './useElementSize';

export interface MapViewProps {
  readonly session: BoardSession | null;
  /** The board as this person may see it. */
  readonly board: BoardState;
  readonly me: Me;
  readonly peers: readonly Peer[];
  readonly setCursor: (point: BoardPoint | null) => void;
  readonly stageRef: RefObject<Konva.Stage | null>;
  /** Told the layout whenever it changes (the test bridge reads it), and null when the map closes. */
  readonly onLayout: (layout: BoardLayout | null) => void;
}

/** The three-column map: toolbar, the canvas, and the card editor over it. */
export function MapView({ session, board, me, peers, setCursor, stageRef, onLayout }: MapViewProps) {
  const canEdit = me.role !== 'viewer';
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const surfaceRef = useRef<HTMLDivElement | null>(null);
  const viewport = useElementSize(scrollRef);
  const measure = useMemo(() => createCanvasMeasure(), []);
  const layout = useMemo(
    () => (viewport ? layoutBoard(board, viewport, measure) : null),
    [board, viewport, measure],
  );
  useEffect(() => onLayout(layout), [layout, onLayout]);
  useEffect(() => () => onLayout(null), [onLayout]);
  const actions = useCardActions(session, board, canEdit);
  const { selectedId, editingId } = actions;

  const onSurfaceKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editingId || event.target !== event.currentTarget || !layout) return;
    const command = keyCommand(event.key, readingOrder(layout), selectedId);
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'select') {
      actions.select(command.cardId);
      const rect = layout.cards[command.cardId]?.rect;
      const scroller = scrollRef.current;
      if (rect && scroller)
        scroller.scrollTop = scrollToReveal(rect, scroller.scrollTop, scroller.clientHeight);
    } else if (command.kind === 'edit') actions.edit(command.cardId);
    else actions.remove(command.cardId);
  };

  const selectedCard = selectedId ? (board.cards[selectedId] ?? null) : null;
  const editingRect = editingId && layout ? layout.cards[editingId]?.rect : undefined;

  return (
    <>
      <Toolbar
        canEdit={canEdit}
        selected={selectedCard}
        myMark={selectedCard?.marks[me.participantId] ?? null}
        onAdd={actions.add}
        onEdit={() => selectedId && actions.edit(selectedId)}
        onDelete={() => selectedId && actions.remove(selectedId)}
        onMark={actions.mark}
      />
      <p className="notice" role="status" aria-live="polite">
        {actions.notice ? t(actions.notice) : ''}
      </p>
      <div className="board-scroll" ref={scrollRef}>
        {layout && (
          <div
            ref={surfaceRef}
            className="board-surface"
            role="application"
            aria-label={t('canvas.label')}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes arrow keys, Enter and Delete, so it must take focus
            tabIndex={0}
            style={{ width: layout.width, height: layout.height }}
            onKeyDown={onSurfaceKey}
            onPointerDown={(e) => {
              // A click on the canvas gives the board the keyboard (Delete, arrows), never the editor's textarea.
              if (e.target instanceof HTMLCanvasElement) surfaceRef.current?.focus({ preventScroll: true });
            }}
          >
            <BoardCanvas
              state={board}
              layout={layout}
              canEdit={canEdit}
              selectedId={selectedId}
              editingId={editingId}
              peers={peers}
              stageRef={stageRef}
              onSelect={actions.select}
              onEdit={actions.edit}
              onAdd={actions.add}
              onMove={actions.move}
              onCursor={setCursor}
            />
            {session && editingId && editingRect && (
              <CardEditor
                key={editingId}
                writer={session}
                cardId={editingId}
                rect={editingRect}
                onClose={(how) => {
                  actions.closeEditor();
                  if (how === 'keyboard') surfaceRef.current?.focus();
                }}
                onNotice={actions.showNotice}
              />
            )}
          </div>
        )}
      </div>
    </>
  );
}
