import { type BoardState, type CardId, type CardState, type Category, may, ownValue } from '@kinmap/model';
import type Konva from 'konva';
import { Lock, Monitor } from 'lucide-react';
import { type KeyboardEvent, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { publicCardId } from '../board/bothDocuments';
import { publishPresence } from '../board/presence/localPresence';
import { PeerActivityList } from '../board/presence/PeerActivityList';
import { type CardWatcher, cardWatchers, type Peer } from '../board/presence/presence';
import { useCardWriter, useRestrictedSession } from '../board/professionalsOnlyContext';
import type { BoardSession, Me } from '../board/useBoard';
import { type BoardLayout, sharesBoardCoordinates } from '../canvas/boardLayout';
import { frameTarget } from '../canvas/frame';
import type { BoardPoint } from '../canvas/geometry';
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
import { cardAnnouncement } from './announce';
import { BoardCanvas, grabsPointerAt } from './BoardCanvas';
import { historyCommand, keyCommand, moveCommand } from './boardKeys';
import { CardEditor } from './CardEditor';
import { CardNotes } from './CardNotes';
import { ColumnTabs } from './ColumnTabs';
import { FollowPicker } from './FollowPicker';
import { wallFrames } from './follow';
import { LockControl } from './LockControl';
import { PhoneBar } from './PhoneBar';
import { isProjectorLink, projectorBoard } from './projector';
import { type SelectionActionsProps, SelectionToolbar } from './SelectionToolbar';
import { letterCommand } from './shortcuts';
import { AddControls, HistoryControls, Toolbar } from './Toolbar';
import type { ScreenRect } from './toolbarPlacement';
import { useChangeAnnouncements } from './useAnnouncements';
import { useBoardLayout } from './useBoardLayout';
import { useCameraTransform } from './useCamera';
import { useMapNavigation } from './useMapNavigation';
import { ColumnZoom, ViewControls } from './ViewControls';
import { WallControl, WallOutline } from './WallControl';

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
  /** The board screen's chrome this view plugs into: the phone layout, the menu, the help sheet. */
  readonly chrome?: MapChrome;
}

export interface MapChrome {
  readonly phone: boolean;
  /** Where the map's entries of the top bar's menu go (null until the menu is mounted). */
  readonly menuSlot: HTMLElement | null;
  readonly openMenu: () => void;
  readonly onHelp: () => void;
  /** The board has loaded: others' changes from now on are announced. */
  readonly live: boolean;
}

const NO_CHROME: MapChrome = {
  phone: false,
  menuSlot: null,
  openMenu: () => {},
  onHelp: () => {},
  live: false,
};

/** The three-column map: toolbars, the canvas, and the card editor over it; or the wall screen. */
export function MapView({
  session,
  board: myBoard,
  me,
  peers,
  setCursor,
  stageRef,
  onLayout,
  chrome = NO_CHROME,
}: MapViewProps) {
  const { phone } = chrome;
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
  const restrictedSession = useRestrictedSession();
  const awareness = session?.provider.awareness ?? null;
  // Presence goes to everyone on the board: a professionals-only card's id is never in it.
  const shownSelected = publicCardId(board, selectedId);
  const shownEditing = publicCardId(board, editingId);
  useEffect(() => {
    if (awareness) publishPresence(awareness, { selected: shownSelected, editing: shownEditing });
  }, [awareness, shownSelected, shownEditing]);
  const watchers = useMemo(() => cardWatchers(peers), [peers]);

  const mayMove = useCallback((card: CardState) => mayMoveOrDelete(card, me), [me]);
  const grabsPointer = useCallback(
    (x: number, y: number) => grabsPointerAt(stageRef.current, x, y),
    [stageRef],
  );
  const shareable = useCallback((id: string) => publicCardId(board, id as CardId) !== null, [board]);
  const nav = useMapNavigation({
    viewRef: scrollRef,
    layout,
    view: viewport,
    awareness,
    peers,
    projector,
    grabsPointer,
    shareable,
    leadsWall: may(me.role, 'A4'),
  });
  const { camera, follow } = nav;
  const { scale } = camera;
  const editorLayerRef = useRef<HTMLDivElement | null>(null);
  useCameraTransform(editorLayerRef, camera);
  const overlayLayerRef = useRef<HTMLDivElement | null>(null);
  useCameraTransform(overlayLayerRef, camera);
  // What the wall screens show, as outlines on a facilitator's own board.
  const walls = useMemo(
    () =>
      layout && !projector && may(me.role, 'A4') ? wallFrames(peers).map((f) => frameTarget(layout, f)) : [],
    [layout, projector, me.role, peers],
  ); // A phone's stacked layout is laid out to the phone's width, so its coordinates mean other
  // places than everyone else's: there, pointers are neither shared nor shown. Following and
  // "bring everyone to me" go by frame (sections and cards, canvas/frame.ts), so they work there.
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
    const letter = canEdit ? letterCommand(event) : null;
    if (letter) {
      event.preventDefault();
      if (letter === 'add') actions.add(category);
      else if (selectedCard) {
        const mine = myMarkOn(selectedCard);
        actions.mark(mine === letter ? null : letter);
      }
      return;
    }
    if (event.key === 'Escape' && selectedId) {
      event.preventDefault();
      actions.select(null);
      return;
    }
    const command = keyCommand(event.key, readingOrder(layout), selectedId);
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'select') {
      actions.select(command.cardId);
      const card = ownValue(board.cards, command.cardId);
      if (card) {
        const section = layout.sections.find((s) => s.cardIds.includes(command.cardId));
        const place = section
          ? { index: section.cardIds.indexOf(command.cardId), of: section.cardIds.length }
          : undefined;
        setSelectionWords(cardAnnouncement(card, board, place));
      }
      const rect = ownValue(layout.cards, command.cardId)?.rect;
      if (rect) nav.reveal(rect);
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
  // The current section: where "Add card" (and N, and the phone's Add) puts a new card; it
  // follows the chosen card.
  const [category, setCategory] = useState<Category>('harm');
  const selectedCategory = selectedCard?.category;
  useEffect(() => {
    if (selectedCategory) setCategory(selectedCategory);
  }, [selectedCategory]);
  // On a phone, the page shown (a column) is where Add goes: its first section, until a card is chosen.
  const pageColumn = layout?.stacked ? layout.columns[nav.page]?.column : undefined;
  const pageCategory = pageColumn
    ? layout?.sections.find((x) => x.column === pageColumn)?.category
    : undefined;
  useEffect(() => {
    if (pageCategory) setCategory(pageCategory);
  }, [pageCategory]);
  const addControls = {
    category,
    onCategory: setCategory,
    onAdd: actions.add,
    canMarkProfessionalsOnly: mayMarkProfessionalsOnly(me),
    newProfessionalsOnly: actions.newProfessionalsOnly,
    onNewProfessionalsOnly: actions.setNewProfessionalsOnly,
  };
  const myMarkOn = (card: CardState) => ownValue(card.marks, me.participantId) ?? null;
  const selectionActions = (card: CardState): SelectionActionsProps => ({
    card,
    myMark: myMarkOn(card),
    canEdit,
    onEdit: () => actions.edit(card.id),
    onMark: actions.mark,
    canDelete: mayMoveOrDelete(card, me),
    onDelete: () => actions.remove(card.id),
    offerSafetyGoal: needsSafetyGoal(board, card.id) && card.professionalsOnly !== true,
    onAddSafetyGoal: () => actions.addSafetyGoal(card.id),
    canMarkProfessionalsOnly: mayMarkProfessionalsOnly(me),
    onProfessionalsOnly: actions.setProfessionalsOnly,
  });
  // Following and "bring everyone to me" go by frame (anchors), so every screen offers them.
  const followPicker = (show: 'follow' | 'summon') =>
    layout ? (
      <FollowPicker
        peers={peers}
        following={follow.following}
        onFollow={follow.follow}
        myRole={me.role}
        show={show}
        onSummon={() => {
          nav.summonEveryone();
          actions.showNotice('map.broughtEveryone');
        }}
      />
    ) : null;
  // Whether the wall follows live is a state the facilitator must see: beside the view controls
  // on a laptop (in the menu on a phone), only while a wall is on the board.
  const wallControl =
    may(me.role, 'A4') && walls.length > 0 ? (
      <WallControl live={follow.wallLive} onLive={follow.setWallLive} onSend={follow.sendToWall} />
    ) : null;
  // The chosen card on screen, read from what the canvas drew (so it holds whatever the camera
  // does), in the pixels of the board area; and the board area's place in the map view.
  const viewRef = useRef<HTMLDivElement | null>(null);
  const cardNode = useRef<Konva.Group | null>(null);
  const cardOnScreen = (cardId: CardId): ScreenRect | null => {
    const stage = stageRef.current;
    const scroller = scrollRef.current;
    if (!stage || !scroller) return null;
    // Found once per card (a search of the stage), then only measured: this runs once a frame.
    let node = cardNode.current;
    if (!node || node.id() !== cardId || node.getStage() !== stage)
      node = cardNode.current =
        stage.findOne<Konva.Group>((n: Konva.Node) => n.id() === cardId && n.hasName('card')) ?? null;
    if (!node) return null;
    // The card's paper with its frame, not its soft shadow (nor a badge's pop-over of names): the
    // toolbar keeps its gap from the card as seen, wherever the card is being dragged.
    const paper = node.findOne('.card-paper');
    const box = (paper ?? node).getClientRect({ skipShadow: true });
    const from = stage.container().getBoundingClientRect();
    const to = scroller.getBoundingClientRect();
    return {
      x: from.left - to.left + box.x,
      y: from.top - to.top + box.y,
      width: box.width,
      height: box.height,
    };
  };
  const mapViewport = () => {
    const scroller = scrollRef.current;
    const root = viewRef.current;
    if (!scroller || !root) return null;
    const a = scroller.getBoundingClientRect();
    const b = root.getBoundingClientRect();
    return {
      width: scroller.clientWidth,
      height: scroller.clientHeight,
      left: a.left - b.left,
      top: a.top - b.top,
    };
  };
  // What screen readers hear: the card the keyboard chose, and others' changes (politely).
  const [selectionWords, setSelectionWords] = useState('');
  const changeWords = useChangeAnnouncements(
    projector ? null : board,
    [session?.doc, restrictedSession?.doc],
    me.participantId,
    chrome.live,
  );
  const editingCard = editingId && layout ? ownValue(layout.cards, editingId) : undefined;
  const editingRect = editingCard?.rect;
  const editingWriter = editingId ? writerOf(editingId) : null;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches Ctrl+Z from the toolbar and the board alike; the controls inside are the interactive ones
    <div
      ref={viewRef}
      className={`map-view${projector ? ' map-view--projector' : ''}${phone ? ' map-view--phone' : ''}`}
      onKeyDown={onMapKey}
    >
      {projector ? (
        <button type="button" className="map-projector-exit" onClick={() => setProjector(false)}>
          {t('map.leaveProjector')}
        </button>
      ) : (
        <>
          {!phone && (
            <Toolbar
              {...addControls}
              canEdit={canEdit}
              // On a locked board the lock's banner says why nothing can be changed: no second notice.
              readOnlyNotice={!locked}
              history={history}
              view={
                <ViewControls scale={scale} onZoom={nav.zoom} onFit={nav.fitBoard}>
                  {followPicker('follow')}
                  {wallControl}
                  <MeetingButton open={meetingOpen} onToggle={() => setMeetingOpen((open) => !open)} />
                </ViewControls>
              }
              onHelp={chrome.onHelp}
            />
          )}
          {chrome.menuSlot &&
            createPortal(
              <div className="map-menu">
                {phone && canEdit && (
                  <div className="map-menu__row">
                    <AddControls {...addControls} />
                    <HistoryControls history={history} />
                  </div>
                )}
                {phone && (
                  <ViewControls scale={scale} onZoom={nav.zoom} onFit={nav.fitBoard}>
                    {followPicker('follow')}
                    <MeetingButton open={meetingOpen} onToggle={() => setMeetingOpen((open) => !open)} />
                  </ViewControls>
                )}
                <ColumnZoom onColumn={nav.zoomToColumn} />
                {followPicker('summon')}
                {phone && wallControl}
                <button type="button" onClick={() => setProjector(true)}>
                  <Monitor aria-hidden="true" size={18} />
                  {t('map.projector')}
                </button>
                {!locked && mayLock(me) && session !== null && (
                  <button type="button" aria-pressed={false} onClick={() => lockBoard(session, true)}>
                    <Lock aria-hidden="true" size={18} />
                    {t('lock.lock')}
                  </button>
                )}
              </div>,
              chrome.menuSlot,
            )}
          {locked && (
            <LockControl
              locked={locked}
              canLock={mayLock(me) && session !== null}
              canWriteLocked={may(me.role, 'AC11')}
              onLock={(lock) => {
                if (session) lockBoard(session, lock);
              }}
            />
          )}
          <p className="notice map-notice" role="status" aria-live="polite">
            {actions.notice
              ? t(actions.notice)
              : follow.broughtBy !== null
                ? t('map.broughtBy', { name: follow.broughtBy })
                : ''}
          </p>
          <PeerActivityList board={board} watchers={watchers} />
          <div
            className="visually-hidden"
            role="status"
            aria-live="polite"
            aria-label={t('announce.selection')}
            data-testid="announce-selection"
          >
            {selectionWords}
          </div>
          <div
            className="visually-hidden"
            role="log"
            aria-live="polite"
            aria-label={t('announce.changes')}
            data-testid="announce-changes"
          >
            {changeWords}
          </div>
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
      {layout?.stacked && !projector && (
        <ColumnTabs page={nav.page} pageCount={nav.pageCount} onPage={nav.showPage} />
      )}
      {/* The board's area: the canvas is exactly its size, the camera decides what it shows. */}
      <div className="board-scroll" ref={scrollRef}>
        {layout && viewport && (
          <div
            ref={surfaceRef}
            className="board-surface"
            role="application"
            aria-label={t('canvas.label')}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes arrow keys, Enter and Delete, so it must take focus
            tabIndex={0}
            onKeyDown={onSurfaceKey}
            onPointerDown={(e) => {
              // A click on the canvas gives the board the keyboard (Delete, arrows), never the editor's textarea.
              if (e.target instanceof HTMLCanvasElement) surfaceRef.current?.focus({ preventScroll: true });
            }}
          >
            <BoardCanvas
              state={board}
              layout={layout}
              camera={camera}
              view={viewport}
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
            {/* Laid out in board coordinates and moved with the camera, like the editor. */}
            <div className="map-editor-layer" ref={overlayLayerRef}>
              {walls.map((rect, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the walls have no ids; order is stable
                <WallOutline key={i} rect={rect} scale={1} />
              ))}
            </div>
            {editingWriter && editingId && editingRect && (
              // The editor is laid out in board coordinates and moved and scaled with the camera.
              <div className="map-editor-layer" ref={editorLayerRef}>
                <CardEditor
                  key={editingId}
                  writer={editingWriter}
                  cardId={editingId}
                  rect={editingRect}
                  textStyle={editingCard?.textStyle}
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
      {canEdit && !phone && (
        <SelectionToolbar
          actions={selectedCard && !editingId && layout ? selectionActions(selectedCard) : null}
          cardRect={() => (selectedCard ? cardOnScreen(selectedCard.id) : null)}
          viewport={mapViewport}
        />
      )}
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
      {phone && !projector && (
        <PhoneBar
          canEdit={canEdit}
          category={category}
          onAdd={() => actions.add(category)}
          selection={selectedCard ? selectionActions(selectedCard) : null}
          follow={followPicker('follow')}
          onMenu={chrome.openMenu}
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
