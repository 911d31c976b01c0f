import type { CardId, CardState } from '@kinmap/model';
import type { KeyboardEvent, RefObject } from 'react';
import { useRef } from 'react';
import type { CardWatcher, Peer } from '../board/presence/presence';
import type { BoardLayout } from '../canvas/boardLayout';
import type { BoardPoint, Rect } from '../canvas/geometry';
import type { CardActions } from '../editing/useCardActions';
import { t } from '../lib/messages';
import { BoardCanvas, type BoardCanvasProps } from './BoardCanvas';
import { CardEditor, type CardEditorProps } from './CardEditor';
import { useCameraTransform } from './useCamera';
import { WallOutline } from './WallControl';

export interface MapSurfaceProps {
  readonly surfaceRef: RefObject<HTMLDivElement | null>;
  readonly board: BoardCanvasProps['state'];
  readonly layout: BoardLayout;
  readonly camera: BoardCanvasProps['camera'];
  readonly view: BoardCanvasProps['view'];
  readonly canEdit: boolean;
  readonly projector: boolean;
  readonly selectedId: CardId | null;
  readonly editingId: CardId | null;
  readonly peers: readonly Peer[];
  readonly watchers: ReadonlyMap<string, readonly CardWatcher[]>;
  readonly stageRef: BoardCanvasProps['stageRef'];
  readonly actions: CardActions;
  readonly mayMove: (card: CardState) => boolean;
  readonly onCursor: (point: BoardPoint | null) => void;
  /** What the wall screens show, outlined on a facilitator's board. */
  readonly walls: readonly Rect[];
  /** The card being typed in: who writes it, and where it is. */
  readonly editing: {
    readonly writer: CardEditorProps['writer'];
    readonly rect: Rect;
    /** The card's text style in the layout (the wall's large text is larger). */
    readonly textStyle?: CardEditorProps['textStyle'];
  } | null;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
}

/**
 * The board's surface: the canvas, the wall outlines and the card editor over it (both laid out in
 * board coordinates and moved with the camera). It takes the keyboard (arrows, Enter, Delete).
 */
export function MapSurface({
  surfaceRef,
  board,
  layout,
  camera,
  view,
  canEdit,
  projector,
  selectedId,
  editingId,
  peers,
  watchers,
  stageRef,
  actions,
  mayMove,
  onCursor,
  walls,
  editing,
  onKeyDown,
}: MapSurfaceProps) {
  const editorLayerRef = useRef<HTMLDivElement | null>(null);
  useCameraTransform(editorLayerRef, camera);
  const overlayLayerRef = useRef<HTMLDivElement | null>(null);
  useCameraTransform(overlayLayerRef, camera);
  return (
    <div
      ref={surfaceRef}
      className="board-surface"
      role="application"
      aria-label={t('canvas.label')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes arrow keys, Enter and Delete, so it must take focus
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        // A click on the canvas gives the board the keyboard (Delete, arrows), never the editor's textarea.
        if (e.target instanceof HTMLCanvasElement) surfaceRef.current?.focus({ preventScroll: true });
      }}
    >
      <BoardCanvas
        state={board}
        layout={layout}
        camera={camera}
        view={view}
        canEdit={canEdit}
        projector={projector}
        selectedId={selectedId}
        editingId={editingId}
        peers={peers}
        watchers={watchers}
        stageRef={stageRef}
        onSelect={actions.select}
        onEdit={actions.edit}
        onAdd={actions.add}
        onMove={actions.move}
        mayMove={mayMove}
        onCursor={onCursor}
      />
      {/* Laid out in board coordinates and moved with the camera, like the editor. */}
      <div className="map-editor-layer" ref={overlayLayerRef}>
        {walls.map((rect, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the walls have no ids; order is stable
          <WallOutline key={i} rect={rect} scale={1} />
        ))}
      </div>
      {editing && editingId && (
        // The editor is laid out in board coordinates and moved and scaled with the camera.
        <div className="map-editor-layer" ref={editorLayerRef}>
          <CardEditor
            key={editingId}
            writer={editing.writer}
            cardId={editingId}
            rect={editing.rect}
            textStyle={editing.textStyle}
            onClose={(how) => {
              actions.closeEditor();
              if (how === 'keyboard') surfaceRef.current?.focus();
            }}
            onNotice={actions.showNotice}
          />
        </div>
      )}
    </div>
  );
}
