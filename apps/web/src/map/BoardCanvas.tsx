import type { BoardState, CardId, CardState, Category } from '@kinmap/model';
import { ownValue } from '@kinmap/model';
import type Konva from 'konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import { type RefObject, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Layer, Line, Rect, Stage } from 'react-konva';
import { PeerActivity } from '../board/presence/PeerActivity';
import type { CardWatcher, Peer } from '../board/presence/presence';
import type { BoardLayout } from '../canvas/boardLayout';
import { METRICS } from '../canvas/boardMetrics';
import type { Camera, Size } from '../canvas/camera';
import type { CardLayout } from '../canvas/cardLayout';
import { SELECTION } from '../canvas/colors';
import { cullingArea, drawWindow, overlaps, sameRect } from '../canvas/culling';
import { type Rect as Area, type BoardPoint, boardPoint } from '../canvas/geometry';
import { insertionIndexAt, insertionMarkY, sectionAt, sectionOf } from '../canvas/layoutQueries';
import { pairNumberOf, pairNumbers } from '../canvas/pairs';
import { samePlaces } from '../canvas/typingLayout';
import { AnalysisBand } from './AnalysisRowShape';
import { type CardHighlight, CardShape } from './CardShape';
import { ColumnShape } from './ColumnShape';
import { LiveCursors } from './LiveCursors';
import { SectionShape } from './SectionShape';
import type { CameraSource } from './useCamera';

export interface BoardCanvasProps {
  readonly state: BoardState;
  readonly layout: BoardLayout;
  /**
   * What the canvas shows: the stage is `view` large and draws the board through the camera's
   * transform (layout and pointer stay in board coordinates), applied as the camera moves.
   */
  readonly camera: CameraSource;
  readonly view: Size;
  readonly canEdit: boolean;
  /** Wall screen: high contrast, no selection. */
  readonly projector: boolean;
  readonly selectedId: CardId | null;
  readonly editingId: CardId | null;
  readonly peers: readonly Peer[];
  readonly watchers: ReadonlyMap<string, readonly CardWatcher[]>;
  readonly stageRef: RefObject<Konva.Stage | null>;
  readonly onSelect: (cardId: CardId | null) => void;
  readonly onEdit: (cardId: CardId) => void;
  readonly onAdd: (category: Category) => void;
  readonly onMove: (cardId: CardId, category: Category, index: number) => void;
  /** [AC4][AC5] Whether this person may move a card (family and network: only their own). */
  readonly mayMove: (card: CardState) => boolean;
  readonly onCursor: (point: BoardPoint | null) => void;
  /** Comparing versions: the cards to mark as added, changed or removed (a read-only canvas). */
  readonly highlights?: ReadonlyMap<string, CardHighlight>;
}

interface DropTarget {
  readonly cardId: CardId;
  readonly category: Category;
  readonly index: number;
}

function sameTarget(a: DropTarget | null, b: DropTarget | null): boolean {
  return a === b || (!!a && !!b && a.cardId === b.cardId && a.category === b.category && a.index === b.index);
}

/**
 * Puts the camera on the stage as it moves (position and scale, then one redraw in the next
 * frame), without a React render; returns the part of the board worth drawing around the view,
 * snapped to a grid, so the cards re-render only when a pan crosses a grid line.
 */
function useCameraOnStage(stageRef: RefObject<Konva.Stage | null>, camera: CameraSource, view: Size): Area {
  const { current, subscribe } = camera;
  const [area, setArea] = useState(() => drawWindow(current(), view));
  useLayoutEffect(() => {
    const apply = (c: Camera) => {
      const stage = stageRef.current;
      if (stage) {
        stage.position({ x: -c.x * c.scale, y: -c.y * c.scale });
        stage.scale({ x: c.scale, y: c.scale });
        stage.batchDraw();
      }
      const next = drawWindow(c, view);
      setArea((prev) => (sameRect(prev, next) ? prev : next));
    };
    apply(current());
    return subscribe(apply);
  }, [stageRef, current, subscribe, view]);
  return area;
}

/**
 * Whether a press at a client point lands on something of the canvas's own (a card, an add
 * button): such a press selects or drags it, any other press on the board pans the view.
 */
export function grabsPointerAt(stage: Konva.Stage | null, clientX: number, clientY: number): boolean {
  if (!stage) return false;
  const box = stage.container().getBoundingClientRect();
  const shape = stage.getIntersection({ x: clientX - box.left, y: clientY - box.top });
  return !!shape && (!!shape.findAncestor('.card', true) || !!shape.findAncestor('.add-card', true));
}

/** The latest function behind a callback whose identity never changes, so memoised cards do not re-render. */
function useStable<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  const ref = useRef(fn);
  ref.current = fn;
  return useCallback((...args: A) => ref.current(...args), []);
}

/**
 * The cards to draw, in the layout's order: those in `area` (all when it is null). Worked out again
 * only when the area or the places change: a keystroke that moved nothing keeps the list, so the
 * render walks the cards in view, not all 2,000.
 */
function useCardsInArea(layout: BoardLayout, area: Area | null): readonly CardId[] {
  const last = useRef<{ layout: BoardLayout; area: Area | null; ids: readonly CardId[] } | null>(null);
  const before = last.current;
  if (before && sameRect(before.area, area) && samePlaces(before.layout, layout)) {
    last.current = { layout, area, ids: before.ids };
    return before.ids;
  }
  const ids = Object.values(layout.cards)
    .filter((placed) => overlaps(placed.rect, area))
    .map((placed) => placed.cardId);
  last.current = { layout, area, ids };
  return ids;
}

/** The map drawn with Konva: columns, sections, cards, the drop line while dragging, live cursors. */
export function BoardCanvas(props: BoardCanvasProps) {
  const { state, layout, camera, view, canEdit, selectedId, editingId, stageRef } = props;
  const [drop, setDrop] = useState<DropTarget | null>(null);
  const numbers = useMemo(() => pairNumbers(state), [state]);

  const pointer = (): BoardPoint | null => {
    // Relative to the stage's camera transform: board coordinates, the same for every zoom and pan.
    const p = stageRef.current?.getRelativePointerPosition();
    return p ? boardPoint(p.x, p.y) : null;
  };
  const dropTargetFor = (cardId: CardId): DropTarget | null => {
    const p = pointer();
    const category = p ? sectionAt(layout, p) : null;
    if (!p || !category) return null;
    return { cardId, category, index: insertionIndexAt(layout, category, p, cardId) };
  };
  const drawArea = useCameraOnStage(stageRef, camera, view);
  const area = cullingArea(drawArea, Object.keys(layout.cards).length);
  const updateDrop = (next: DropTarget | null) => setDrop((prev) => (sameTarget(prev, next) ? prev : next));

  const onSelect = useStable(props.onSelect);
  const onEdit = useStable(props.onEdit);
  const onDragStart = useStable((cardId: CardId, node: Konva.Node) => {
    node.moveToTop();
    props.onSelect(cardId);
    updateDrop(dropTargetFor(cardId));
  });
  const onDragMove = useStable((cardId: CardId) => {
    updateDrop(dropTargetFor(cardId));
    props.onCursor(pointer());
  });
  const onDragEnd = useStable((cardId: CardId, node: Konva.Node) => {
    const target = dropTargetFor(cardId);
    setDrop(null);
    // Put the card back where the layout has it; if the move is accepted the next render moves
    // it to its new place, and if it is refused (a paired card) it has snapped back.
    const home = ownValue(layout.cards, cardId)?.rect;
    if (home) node.position({ x: home.x, y: home.y });
    if (target) props.onMove(cardId, target.category, target.index);
  });
  const onStageDown = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (!e.target.findAncestor('.card', true) && !e.target.findAncestor('.add-card', true))
      props.onSelect(null);
  };

  const editingCard = editingId === null ? undefined : ownValue(layout.cards, editingId);
  const inArea = useCardsInArea(layout, area);
  const cardShape = (placed: CardLayout | undefined) => {
    const card = placed ? ownValue(state.cards, placed.cardId) : undefined;
    if (!placed || !card) return null;
    return (
      <CardShape
        key={card.id}
        card={card}
        placed={placed}
        selected={card.id === selectedId}
        highContrast={props.projector}
        pairNumber={pairNumberOf(card, numbers)}
        names={state.participants}
        highlight={props.highlights?.get(card.id) ?? null}
        // A paired card stays in its row (the model refuses to move it out of its category).
        draggable={canEdit && card.id !== editingId && placed.rowPairId === null && props.mayMove(card)}
        onSelect={onSelect}
        onEdit={onEdit}
        onDragStart={onDragStart}
        onDragMove={onDragMove}
        onDragEnd={onDragEnd}
      />
    );
  };

  const dropSection = drop ? sectionOf(layout, drop.category) : undefined;
  const dropY = drop ? insertionMarkY(layout, drop.category, drop.index, drop.cardId) : 0;
  const pad = METRICS.sectionPadding;

  return (
    <Stage
      ref={stageRef}
      // Position and scale come from the camera (useCameraOnStage), never from props.
      width={view.width}
      height={view.height}
      onMouseDown={onStageDown}
      onTouchStart={onStageDown}
      // A pointer for others to see is a mouse's or a pen's: a finger's tap would leave one behind
      // (the browser's emulated mouse move) until that person's next move.
      onPointerMove={(e) => props.onCursor(e.evt.pointerType === 'touch' ? null : pointer())}
      onPointerLeave={() => props.onCursor(null)}
    >
      {/* Columns and sections on their own layer: an edit to a card redraws only the cards. */}
      <Layer>
        {layout.columns.map((column) => (
          <ColumnShape key={column.column} column={column} />
        ))}
        {layout.sections.map((section) => (
          <SectionShape key={section.category} section={section} canEdit={canEdit} onAdd={props.onAdd} />
        ))}
        <AnalysisBand analysis={layout.analysis} state={state} area={area} highContrast={props.projector} />
      </Layer>
      {/* The cards; the one being edited on a layer of its own above them, so that a keystroke redraws
          that card alone, not every card in view. (Not the selected card: selecting starts a drag, and
          moving the card to another layer would make its node anew under the pointer.) */}
      <Layer name="cards">
        {inArea.map((id) => (id === editingId ? null : cardShape(ownValue(layout.cards, id))))}
        {selectedId !== null && selectedId !== editingId && !inArea.includes(selectedId)
          ? cardShape(ownValue(layout.cards, selectedId))
          : null}
      </Layer>
      <Layer name="cards-editing">{editingCard ? cardShape(editingCard) : null}</Layer>
      <Layer listening={false}>
        {dropSection && (
          <>
            <Rect
              x={dropSection.rect.x}
              y={dropSection.rect.y}
              width={dropSection.rect.width}
              height={dropSection.rect.height}
              stroke={SELECTION}
              strokeWidth={2}
              dash={[6, 4]}
              cornerRadius={8}
            />
            <Line
              points={[
                dropSection.rect.x + pad,
                dropY,
                dropSection.rect.x + dropSection.rect.width - pad,
                dropY,
              ]}
              stroke={SELECTION}
              strokeWidth={3}
              lineCap="round"
            />
          </>
        )}
      </Layer>
      <PeerActivity layout={layout} watchers={props.watchers} />
      <LiveCursors peers={props.peers} layout={layout} />
    </Stage>
  );
}
