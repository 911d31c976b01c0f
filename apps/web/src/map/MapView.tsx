import { type BoardState, type CardState, may, ownValue } from '@kinmap/model';
import type Konva from 'konva';
import { type KeyboardEvent, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { publicCardId } from '../board/bothDocuments';
import { publishPresence } from '../board/presence/localPresence';
import { PeerActivityList } from '../board/presence/PeerActivityList';
import { type CardWatcher, cardWatchers, type Peer } from '../board/presence/presence';
import { useCardWriter } from '../board/professionalsOnlyContext';
import type { BoardSession, Me } from '../board/useBoard';
import { type BoardLayout, sharesBoardCoordinates } from '../canvas/boardLayout';
import { scaleRect } from '../canvas/camera';
import { type BoardPoint, scrollToReveal } from '../canvas/geometry';
import { readingOrder } from '../canvas/layoutQueries';
import { needsSafetyGoal } from '../canvas/pairs';
import { lockBoard } from '../editing/boardActions';
import {
  mayLock,
  mayMarkProfessionalsOnly,
  mayMoveOrDelete,
  mayWriteBoard,
} from '../editing/cardPermissions';
import { useBoardUndo } from '../editing/useBoardUndo';
import { useCardActions } from '../editing/useCardActions';
import { t } from '../lib/messages';
import { MeetingButton, MeetingTools } from '../meeting/MeetingTools';
import { BoardCanvas } from './BoardCanvas';
import { historyCommand, keyCommand, moveCommand } from './boardKeys';
import { CardEditor } from './CardEditor';
import { CardNotes } from './CardNotes';
import { FollowPicker } from './FollowPicker';
import { LockControl } from './LockControl';
import { isProjectorLink, projectorBoard } from './projector';
import { Toolbar } from './Toolbar';
import { useBoardLayout } from './useBoardLayout';
import { useMapNavigation } from './useMapNavigation';
import { ViewControls } from './ViewControls';

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

/** The three-column map: toolbars, the canvas, and the card editor over it; or the wall screen. */
export function MapView({ session, board: myBoard, me, peers, setCursor, stageRef, onLayout }: MapViewProps) {
  const [projector, setProjector] = useState(() => isProjectorLink(window.location.search));
  const [meetingOpen, setMeetingOpen] = useState(false);
  const board = useMemo(() => (projector ? projectorBoard(myBoard) : myBoard), [projector, myBoard]);
  const locked = myBoard.meta.locked === true;
  // [AC11] A locked board stops family and network writing; staff keep working.
  const canEdit = mayWriteBoard(locked, me) && !projector;
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const surfaceRef = useRef<HTMLDivElement | null>(null);
  const { viewport, layout } = useBoardLayout(board, scrollRef, onLayout);
  const history = useBoardUndo(canEdit ? (session?.doc ?? null) : null);
  const actions = useCardActions(session, board, canEdit, history.history);
  const { selectedId, editingId } = actions;
  const writerOf = useCardWriter(session);
  const awareness = session?.provider.awareness ?? null;
  // Presence goes to everyone on the board: a professionals-only card's id is never in it.
  const shownSelected = publicCardId(board, selectedId);
  const shownEditing = publicCardId(board, editingId);
  useEffect(() => {
    if (awareness) publishPresence(awareness, { selected: shownSelected, editing: shownEditing });
  }, [awareness, shownSelected, shownEditing]);
  const watchers = useMemo(() => cardWatchers(peers), [peers]);

  const mayMove = useCallback((card: CardState) => mayMoveOrDelete(card, me), [me]);
  const nav = useMapNavigation({ scrollRef, layout, view: viewport, awareness, peers, projector });
  const { camera, follow } = nav;
  const { scale } = camera;
  // A phone's stacked layout is laid out to the phone's width, so its coordinates mean other
  // places than everyone else's: there, pointers are neither shared nor shown, and following
  // and "bring everyone to me" are not offered (the phone ignores summons). Everyone can still
  // see who works on which card (that goes by card, not by place).
  const coordinated = layout !== null && sharesBoardCoordinates(layout);
  useEffect(() => {
    if (!coordinated) setCursor(null);
  }, [coordinated, setCursor]);

  const onSurfaceKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editingId || event.target !== event.currentTarget || !layout) return;
    if (nav.onViewKey(event)) {
      event.preventDefault();
      return;
    }
    const move = moveCommand(event, board, selectedId, (id) => ownValue(layout.cards, id)?.rowPairId != null);
    if (move) {
      event.preventDefault();
      actions.move(move.cardId, move.category, move.index);
      return;
    }
    const command = keyCommand(event.key, readingOrder(layout), selectedId);
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'select') {
      actions.select(command.cardId);
      const rect = ownValue(layout.cards, command.cardId)?.rect;
      const scroller = scrollRef.current;
      if (rect && scroller)
        scroller.scrollTop = scrollToReveal(
          scaleRect(rect, scale),
          scroller.scrollTop,
          scroller.clientHeight,
        );
    } else if (command.kind === 'edit') actions.edit(command.cardId);
    else actions.remove(command.cardId);
  };

  // Undo and redo work wherever focus is on the map, except in a text field (its own undo applies).
  const onMapKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isTextField(event.target)) return;
    const command = historyCommand(event);
    if (!command || !canEdit) return;
    event.preventDefault();
    if (command === 'undo') history.undo();
    else history.redo();
  };

  const selectedCard = selectedId ? (ownValue(board.cards, selectedId) ?? null) : null;
  const editingRect = editingId && layout ? ownValue(layout.cards, editingId)?.rect : undefined;
  const editingWriter = editingId ? writerOf(editingId) : null;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches Ctrl+Z from the toolbar and the board alike; the controls inside are the interactive ones
    <div className={projector ? 'map-view map-view--projector' : 'map-view'} onKeyDown={onMapKey}>
      {projector ? (
        <button type="button" className="map-projector-exit" onClick={() => setProjector(false)}>
          {t('map.leaveProjector')}
        </button>
      ) : (
        <>
          {/* On a locked board the lock's banner says why nothing can be changed: no second notice. */}
          {(canEdit || !locked) && (
            <Toolbar
              canEdit={canEdit}
              selected={selectedCard}
              myMark={(selectedCard && ownValue(selectedCard.marks, me.participantId)) ?? null}
              onAdd={actions.add}
              onEdit={() => selectedId && actions.edit(selectedId)}
              onDelete={() => selectedId && actions.remove(selectedId)}
              onMark={actions.mark}
              offerSafetyGoal={needsSafetyGoal(board, selectedId) && selectedCard?.professionalsOnly !== true}
              onAddSafetyGoal={() => selectedId && actions.addSafetyGoal(selectedId)}
              canMarkProfessionalsOnly={mayMarkProfessionalsOnly(me)}
              canDelete={selectedCard !== null && mayMoveOrDelete(selectedCard, me)}
              onProfessionalsOnly={actions.setProfessionalsOnly}
              newProfessionalsOnly={actions.newProfessionalsOnly}
              onNewProfessionalsOnly={actions.setNewProfessionalsOnly}
              history={history}
            />
          )}
          <ViewControls scale={scale} onZoom={nav.zoom} onFit={nav.fitBoard} onColumn={nav.zoomToColumn}>
            {coordinated && (
              <FollowPicker
                peers={peers}
                following={follow.following}
                onFollow={follow.follow}
                myRole={me.role}
                onSummon={() => {
                  nav.summonEveryone();
                  actions.showNotice('map.broughtEveryone');
                }}
              />
            )}
            <button type="button" onClick={() => setProjector(true)}>
              {t('map.projector')}
            </button>
            <MeetingButton open={meetingOpen} onToggle={() => setMeetingOpen((open) => !open)} />
          </ViewControls>
          <LockControl
            locked={locked}
            canLock={mayLock(me) && session !== null}
            canWriteLocked={may(me.role, 'AC11')}
            onLock={(lock) => {
              if (session) lockBoard(session, lock);
            }}
          />
          <p className="notice" role="status" aria-live="polite">
            {actions.notice ? t(actions.notice) : ''}
          </p>
          <PeerActivityList board={board} watchers={watchers} />
        </>
      )}
      <MeetingTools
        writer={session}
        board={board}
        projector={projector}
        open={meetingOpen}
        canWrite={canEdit}
        onClose={() => setMeetingOpen(false)}
      />
      <div
        className="board-scroll"
        ref={scrollRef}
        onWheel={() => follow.following !== null && !projector && follow.follow(null)}
      >
        {layout && (
          <div
            ref={surfaceRef}
            className="board-surface"
            role="application"
            aria-label={t('canvas.label')}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes arrow keys, Enter and Delete, so it must take focus
            tabIndex={0}
            style={{ width: layout.width * scale, height: layout.height * scale }}
            onKeyDown={onSurfaceKey}
            onPointerDown={(e) => {
              // A click on the canvas gives the board the keyboard (Delete, arrows), never the editor's textarea.
              if (e.target instanceof HTMLCanvasElement) surfaceRef.current?.focus({ preventScroll: true });
            }}
          >
            <BoardCanvas
              state={board}
              layout={layout}
              scale={scale}
              canEdit={canEdit}
              projector={projector}
              selectedId={selectedId}
              editingId={editingId}
              peers={projector || !coordinated ? [] : peers}
              watchers={projector ? NO_WATCHERS : watchers}
              stageRef={stageRef}
              onSelect={actions.select}
              onEdit={actions.edit}
              onAdd={actions.add}
              onMove={actions.move}
              mayMove={mayMove}
              onCursor={projector || !coordinated ? ignoreCursor : setCursor}
            />
            {editingWriter && editingId && editingRect && (
              // The editor is laid out in board coordinates and scaled with the canvas.
              <div className="map-editor-layer" style={{ transform: `scale(${scale})` }}>
                <CardEditor
                  key={editingId}
                  writer={editingWriter}
                  cardId={editingId}
                  rect={editingRect}
                  onClose={(how) => {
                    actions.closeEditor();
                    if (how === 'keyboard') surfaceRef.current?.focus();
                  }}
                  onNotice={actions.showNotice}
                />
              </div>
            )}
          </div>
        )}
      </div>
      {/* Below the board, so choosing a card never moves the board under the pointer. */}
      {selectedCard && !projector && (
        <CardNotes
          key={selectedCard.id}
          card={selectedCard}
          board={board}
          me={me}
          canEdit={canEdit}
          writer={writerOf(selectedCard.id)}
          onNotice={actions.showNotice}
          onSettled={() => history.history?.manager.clear()}
        />
      )}
    </div>
  );
}

const NO_WATCHERS: ReadonlyMap<string, readonly CardWatcher[]> = new Map();
const ignoreCursor = () => {};

function isTextField(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'button') ||
    target.isContentEditable
  );
}
