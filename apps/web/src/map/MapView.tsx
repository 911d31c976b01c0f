import {
  type BoardState,
  type CardId,
  type CardState,
  compareOrdered,
  may,
  ownValue,
  type PersonId,
} from '@kinmap/model';
import type Konva from 'konva';
import { memo, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { publicCardId } from '../board/bothDocuments';
import { publishPresence } from '../board/presence/localPresence';
import { PeerActivityList } from '../board/presence/PeerActivityList';
import { type CardWatcher, cardWatchers, type Peer } from '../board/presence/presence';
import { useCardWriter, useRestrictedSession } from '../board/professionalsOnlyContext';
import type { BoardSession, Me } from '../board/useBoard';
import type { BoardLayout } from '../canvas/boardLayout';
import { frameTarget } from '../canvas/frame';
import type { BoardPoint } from '../canvas/geometry';
import { needsSafetyGoal } from '../canvas/pairs';
import { type Pointer, pointerAnchors } from '../canvas/pointer';
import { lockBoard } from '../editing/boardActions';
import {
  mayLock,
  mayMarkProfessionalsOnly,
  mayMoveOrDelete,
  mayQuoteChild,
  mayWriteBoard,
} from '../editing/cardPermissions';
import { useBoardUndo } from '../editing/useBoardUndo';
import { useCardActions } from '../editing/useCardActions';
import { t } from '../lib/messages';
import { MeetingButton, MeetingTools } from '../meeting/MeetingTools';
import { grabsPointerAt } from './BoardCanvas';
import { CardNotes } from './CardNotes';
import { ColumnTabs } from './ColumnTabs';
import { addButtonsOnScreen, boardAreaIn, chosenCardOnScreen, otherCardsOnScreen } from './cardsOnScreen';
import { FollowPicker } from './FollowPicker';
import { wallFrames } from './follow';
import { LockControl } from './LockControl';
import { MapAnnouncements } from './MapAnnouncements';
import { MapMenu } from './MapMenu';
import { MapSurface } from './MapSurface';
import { PhoneBar } from './PhoneBar';
import { isProjectorLink, projectorBoard } from './projector';
import { type SelectionActionsProps, SelectionToolbar } from './SelectionToolbar';
import { Toolbar } from './Toolbar';
import { useAddCategory } from './useAddCategory';
import { useChangeAnnouncements } from './useAnnouncements';
import { useBoardLayout } from './useBoardLayout';
import { useMapKeys } from './useMapKeys';
import { useMapNavigation } from './useMapNavigation';
import { ViewControls } from './ViewControls';
import { WallControl } from './WallControl';

export interface MapViewProps {
  readonly session: BoardSession | null;
  /** The board as this person may see it. */
  readonly board: BoardState;
  readonly me: Me;
  readonly peers: readonly Peer[];
  readonly setCursor: (pointer: Pointer | null) => void;
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

/**
 * The map, drawn again only when its own inputs change: the board screen renders for other reasons
 * too (the count of unsaved changes after each keystroke, the header, the menu), and a render of the
 * map walks every card.
 */
export const MapView = memo(MapViewInner);

/** The children of the case, in the board's order: whose words a card may hold ([AC52]). */
function childrenOf(people: BoardState['people']): { id: PersonId; name: string }[] {
  return Object.values(people)
    .filter((person) => person.kind === 'child')
    .sort(compareOrdered)
    .map((person) => ({ id: person.id, name: person.name }));
}

/** The three-column map: toolbars, the canvas, and the card editor over it; or the wall screen. */
function MapViewInner({
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
  // What the wall screens show, as outlines on a facilitator's own board.
  const walls = useMemo(
    () =>
      layout && !projector && may(me.role, 'A4') ? wallFrames(peers).map((f) => frameTarget(layout, f)) : [],
    [layout, projector, me.role, peers],
  );
  // Pointers travel as what they are over (canvas/pointer.ts), so every layout (the phone's stacked
  // one, the wall's, the family's board without professionals-only cards) draws them on the same
  // card; a professionals-only card is never named (presence reaches everyone).
  const publishCursor = useCallback(
    (point: BoardPoint | null) =>
      setCursor(point && layout ? pointerAnchors(layout, point, shareable) : null),
    [layout, shareable, setCursor],
  );

  const selectedCard = selectedId ? (ownValue(board.cards, selectedId) ?? null) : null;
  const [category, setCategory] = useAddCategory(selectedCard?.category, layout, nav.page);
  const addControls = {
    category,
    onCategory: setCategory,
    onAdd: actions.add,
    canMarkProfessionalsOnly: mayMarkProfessionalsOnly(me),
    newProfessionalsOnly: actions.newProfessionalsOnly,
    onNewProfessionalsOnly: actions.setNewProfessionalsOnly,
  };
  const myMarkOn = (card: CardState) => ownValue(card.marks, me.participantId) ?? null;
  const people = board.people;
  const children = useMemo(() => childrenOf(people), [people]);
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
    canQuote: mayQuoteChild(card, me),
    children,
    onQuote: actions.quote,
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
  // Whether the wall follows live is a state the facilitator must see: over the board's corner on
  // a laptop (in the menu on a phone), only while a wall is on the board.
  const wallControl =
    may(me.role, 'A4') && walls.length > 0 ? (
      <WallControl live={follow.wallLive} onLive={follow.setWallLive} onSend={follow.sendToWall} />
    ) : null;
  // The chosen card and the others on screen (the toolbar's obstacles), and the board area's place in the map view.
  const viewRef = useRef<HTMLDivElement | null>(null);
  const cardNode = useRef<Konva.Group | null>(null);
  // What screen readers hear: the card the keyboard chose, and others' changes (politely).
  const [selectionWords, setSelectionWords] = useState('');
  const changeWords = useChangeAnnouncements(
    projector ? null : board,
    [session?.doc, restrictedSession?.doc],
    me.participantId,
    chrome.live,
  );
  const { onSurfaceKey, onMapKey } = useMapKeys({
    board,
    layout,
    nav,
    actions,
    history,
    canEdit,
    selectedId,
    editingId,
    selectedCard,
    category,
    myMarkOn,
    announceSelection: setSelectionWords,
  });
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
                  <MeetingButton open={meetingOpen} onToggle={() => setMeetingOpen((open) => !open)} />
                </ViewControls>
              }
              onHelp={chrome.onHelp}
            />
          )}
          {chrome.menuSlot && (
            <MapMenu
              slot={chrome.menuSlot}
              phone={phone}
              canEdit={canEdit}
              addControls={addControls}
              history={history}
              scale={scale}
              onZoom={nav.zoom}
              onFit={nav.fitBoard}
              onColumn={nav.zoomToColumn}
              follow={followPicker('follow')}
              summon={followPicker('summon')}
              wallControl={wallControl}
              meeting={<MeetingButton open={meetingOpen} onToggle={() => setMeetingOpen((open) => !open)} />}
              onProjector={() => setProjector(true)}
              onLock={!locked && mayLock(me) && session !== null ? () => lockBoard(session, true) : null}
            />
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
          <MapAnnouncements
            notice={
              actions.notice
                ? t(actions.notice)
                : follow.broughtBy !== null
                  ? t('map.broughtBy', { name: follow.broughtBy })
                  : ''
            }
            selection={selectionWords}
            changes={changeWords}
          >
            <PeerActivityList board={board} watchers={watchers} />
          </MapAnnouncements>
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
          <MapSurface
            surfaceRef={surfaceRef}
            board={board}
            layout={layout}
            camera={camera}
            view={viewport}
            canEdit={canEdit}
            projector={projector}
            selectedId={selectedId}
            editingId={editingId}
            peers={projector ? [] : peers}
            watchers={projector ? NO_WATCHERS : watchers}
            stageRef={stageRef}
            actions={actions}
            mayMove={mayMove}
            onCursor={projector ? ignoreCursor : publishCursor}
            walls={walls}
            editing={
              editingWriter && editingRect
                ? { writer: editingWriter, rect: editingRect, textStyle: editingCard?.textStyle }
                : null
            }
            onKeyDown={onSurfaceKey}
          />
        )}
        {/* Whether the wall follows: a state the facilitator sees at a glance, over the board's corner. */}
        {!phone && !projector && wallControl && <div className="map-wall-pill">{wallControl}</div>}
      </div>
      {canEdit && !phone && (
        <SelectionToolbar
          actions={selectedCard && !editingId && layout ? selectionActions(selectedCard) : null}
          cardRect={() =>
            selectedCard
              ? chosenCardOnScreen(stageRef.current, scrollRef.current, selectedCard.id, cardNode)
              : null
          }
          viewport={() => boardAreaIn(scrollRef.current, viewRef.current)}
          otherCards={() => otherCardsOnScreen(stageRef.current, scrollRef.current, layout, selectedId)}
          controls={() => addButtonsOnScreen(stageRef.current, scrollRef.current, layout)}
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
