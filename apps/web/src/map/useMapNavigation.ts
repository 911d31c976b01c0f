import { COLUMNS, type Column } from '@kinmap/model';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { publishPresence } from '../board/presence/localPresence';
import type { Peer } from '../board/presence/presence';
import { type BoardLayout, boardPages, sharesBoardCoordinates } from '../canvas/boardLayout';
import { TEXT_STYLES } from '../canvas/boardMetrics';
import { type Camera, fitRect, fitWidth, type Size, viewportOf } from '../canvas/camera';
import type { Rect } from '../canvas/geometry';
import { samePlaces } from '../canvas/typingLayout';
import { viewCommand } from './boardKeys';
import type { LeaderView } from './follow';
import { frameOfView, leaderCamera } from './projector';
import { type CameraControls, useCamera } from './useCamera';
import { type FollowControls, useFollow } from './useFollow';

export interface MapNavigationInput {
  /** The board's area on the screen (the canvas is its size). */
  readonly viewRef: RefObject<HTMLElement | null>;
  readonly layout: BoardLayout | null;
  /** The size of the board area (the window's part for the board), once measured. */
  readonly view: Size | null;
  readonly awareness: Awareness | null;
  readonly peers: readonly Peer[];
  /** A wall screen shows what the facilitator frames (letterboxed) and is followed by nobody. */
  readonly projector: boolean;
  /** May this card's id travel in presence (not a professionals-only card)? */
  readonly shareable: (cardId: string) => boolean;
  /** A facilitator ([A4]) frames what the wall shows. */
  readonly leadsWall: boolean;
  /** Whether a press at this client point is on a card or a button of the canvas (then it does not pan). */
  readonly grabsPointer?: (clientX: number, clientY: number) => boolean;
}

export interface MapNavigation {
  readonly camera: CameraControls;
  readonly follow: FollowControls;
  /** The view controls' actions; each stops following someone, since the person moved the view. */
  readonly zoom: (direction: 1 | -1) => void;
  readonly fitBoard: () => void;
  readonly zoomToColumn: (column: Column) => void;
  /** Brings a board rectangle (a card chosen with the keyboard) into view, on its page on a phone. */
  readonly reveal: (rect: Rect) => void;
  /** A phone shows one page at a time (the three columns, then the worries-and-goals row): which one. */
  readonly page: number;
  readonly pageCount: number;
  readonly showPage: (page: number) => void;
  /** "Bring everyone to me", sharing how much of the board is in view so others show the same part. */
  readonly summonEveryone: () => void;
  /** Handles + / − / 0 on the board; true when the key was one of those. */
  readonly onViewKey: (chord: Parameters<typeof viewCommand>[0]) => boolean;
}

/** A horizontal swipe longer than this (screen pixels) turns a phone's page. */
const SWIPE_PX = 60;
/** The whole board opens fitted when that shows it at least this large; otherwise its full width, from the top. */
const OPEN_FITTED_FROM_SCALE = 0.6;
/** Space above the board when it opens fitted (screen pixels). */
const OPEN_TOP_PX = 8;

/** Zoom, pan, following someone and "bring everyone to me", for the map. */
export function useMapNavigation({
  viewRef,
  layout,
  view,
  awareness,
  peers,
  projector,
  grabsPointer,
  shareable,
  leadsWall,
}: MapNavigationInput): MapNavigation {
  const shareViewRef = useRef<(camera: Camera) => void>(() => {});
  const pages = layout ? boardPages(layout) : null;
  const [page, setPage] = useState(0);
  const pageCount = pages?.length ?? 0;
  const shownPage = Math.min(page, Math.max(0, pageCount - 1));
  const boundsRef = useRef<Rect | null>(null);
  boundsRef.current = layout
    ? (pages?.[shownPage] ?? { x: 0, y: 0, width: layout.width, height: layout.height })
    : null;
  // A hand on the view (wheel, drag, pinch, zoom) stops following and keeps the view from re-fitting.
  const byHandRef = useRef<() => void>(() => {});
  const swipeRef = useRef<(dx: number, dy: number) => void>(() => {});
  const camera = useCamera({
    viewRef,
    onMoved: (c) => shareViewRef.current(c),
    bounds: () => boundsRef.current,
    ...(grabsPointer ? { grabsPointer } : {}),
    onManualMove: () => byHandRef.current(),
    onSwipe: (dx, dy) => swipeRef.current(dx, dy),
  });
  const { viewSize, moveTo } = camera;
  // A phone's page layout has its own coordinates: its raw viewport and pointer mean nothing
  // elsewhere, but its frame (anchors: sections and cards) does, so it follows and is followed.
  const shares = layout !== null && sharesBoardCoordinates(layout);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const shareableRef = useRef(shareable);
  shareableRef.current = shareable;
  const frameOf = useCallback(
    (c: Camera) => frameOfView(layoutRef.current, c, viewSize(), (id) => shareableRef.current(id)),
    [viewSize],
  );
  // A new function on every new layout, so a follower re-fits when the board under it changes.
  const showLeader = useCallback(
    (leader: LeaderView) => (layout ? leaderCamera(layout, leader, viewSize(), projector) : null),
    [layout, viewSize, projector],
  );
  // On a phone a leader's view may be on another page: turn to the page that holds its centre.
  const pagesRef = useRef(pages);
  pagesRef.current = pages;
  // Whether the view is still the default one (re-chosen when the layout or screen changes).
  const fitted = useRef(true);
  const moveToLeader = useCallback(
    (c: Camera) => {
      // A leader's view (followed or brought to) is no longer the default one: a later re-fit
      // (stopping following, a card coming) must not throw it away.
      fitted.current = false;
      const phonePages = pagesRef.current;
      const size = viewSize();
      if (phonePages && size) {
        const centre = c.x + size.width / 2 / c.scale;
        const index = phonePages.findIndex((p) => centre >= p.x && centre < p.x + p.width);
        const target = index >= 0 ? phonePages[index] : undefined;
        if (target) {
          setPage(index);
          boundsRef.current = target;
        }
      }
      moveTo(c);
    },
    [moveTo, viewSize],
  );
  const follow = useFollow({
    awareness,
    peers,
    moveTo: moveToLeader,
    current: camera.current,
    viewSize,
    frameOf,
    sharesCoordinates: shares,
    showLeader,
    screen: projector ? 'wall' : 'screen',
    leadsWall: leadsWall && !projector,
  });
  shareViewRef.current = follow.shareView;
  // Cards come and go under a still view: share what it holds now (the wall follows anchors).
  const { shareView } = follow;
  const { current } = camera;
  // Not after a keystroke that moved nothing: reading the view's size then forces the browser to lay
  // the page out again, inside the keystroke's frame.
  const sharedFor = useRef<BoardLayout | null>(null);
  useEffect(() => {
    const before = sharedFor.current;
    sharedFor.current = layout;
    if (layout && !(before && samePlaces(before, layout))) shareView(current());
  }, [layout, shareView, current]);
  useDefaultView(camera, layout, view, follow.following !== null, fitted);

  const showPageAt = (index: number, rect?: Rect) => {
    const target = pages?.[index];
    const size = viewSize();
    if (!target || !size || !layout) return;
    setPage(index);
    boundsRef.current = target;
    fitted.current = false;
    const column = layout.columns[index]?.rect ?? layout.analysis.rect;
    const top = fitWidth({ ...target, y: 0, height: column.height }, size, 0);
    moveTo(rect ? revealInPage(top, rect, size) : top);
  };
  byHandRef.current = () => {
    fitted.current = false;
    if (!projector && follow.following !== null) follow.follow(null);
  };
  swipeRef.current = (dx, dy) => {
    if (!pages || Math.abs(dx) < SWIPE_PX || Math.abs(dx) < 1.5 * Math.abs(dy)) return;
    const next = shownPage + (dx < 0 ? 1 : -1);
    if (next >= 0 && next < pages.length) showPageAt(next);
  };

  const zoom = (direction: 1 | -1) => {
    byHandRef.current();
    camera.zoom(direction);
  };
  const fitBoard = () => {
    byHandRef.current();
    if (!layout) return;
    if (pages) showPageAt(shownPage);
    else {
      camera.fit({ x: 0, y: 0, width: layout.width, height: layout.height });
      fitted.current = true;
    }
  };
  const zoomToColumn = (column: Column) => {
    byHandRef.current();
    if (pages) {
      showPageAt(COLUMNS.indexOf(column));
      return;
    }
    const rect = layout?.columns.find((c) => c.column === column)?.rect;
    // The wall's large card text reads well at a smaller scale than the standard text.
    if (rect && layout) camera.fitColumn(rect, TEXT_STYLES.cardText.size / layout.cardText.size);
  };
  const reveal = (rect: Rect) => {
    if (!pages) {
      camera.reveal(rect);
      return;
    }
    const index = pages.findIndex((p) => rect.x >= p.x && rect.x < p.x + p.width);
    if (index >= 0 && index !== shownPage) showPageAt(index, rect);
    else camera.reveal(rect);
  };
  const summonEveryone = () => {
    const now = camera.current();
    if (awareness)
      publishPresence(awareness, {
        summon: { at: Date.now(), viewport: viewportOf(now, viewSize() ?? undefined), frame: frameOf(now) },
      });
  };
  const onViewKey = (chord: Parameters<typeof viewCommand>[0]) => {
    const command = viewCommand(chord);
    if (command === 'fit') fitBoard();
    else if (command) zoom(command === 'zoomIn' ? 1 : -1);
    return command !== null;
  };
  return {
    camera,
    follow,
    zoom,
    fitBoard,
    zoomToColumn,
    reveal,
    page: shownPage,
    pageCount,
    showPage: (index) => {
      byHandRef.current();
      showPageAt(index);
    },
    summonEveryone,
    onViewKey,
  };
}

/** A page's top view moved down just enough to show `rect` (a card chosen with the keyboard). */
function revealInPage(top: Camera, rect: Rect, view: Size): Camera {
  const bottom = rect.y + rect.height + 8 / top.scale;
  const below = bottom - (top.y + view.height / top.scale);
  return below > 0 ? { ...top, y: top.y + below } : top;
}

/**
 * The view a map opens with, and keeps while nobody moves it by hand: the whole board fitted to
 * the screen (the board was laid out to the screen's shape, so it fills it), or, when that would
 * be too small to read (a large board), its full width from the top. A phone opens on its first
 * page. Chosen again when the layout's width or the screen's size changes, not while following
 * someone (then the leader decides), nor once the view was moved away from it (`fitted` false:
 * by hand, or to a leader's view).
 */
function useDefaultView(
  camera: CameraControls,
  layout: BoardLayout | null,
  view: Size | null,
  following: boolean,
  fitted: RefObject<boolean>,
): void {
  const opened = useRef(false);
  const boardWidth = layout?.width ?? null;
  const stacked = layout?.stacked ?? false;
  const boardHeight = useRef(0);
  boardHeight.current = layout?.height ?? 0;
  const firstColumn = useRef<Rect | null>(null);
  firstColumn.current = layout?.columns[0]?.rect ?? null;
  const viewWidth = view?.width ?? null;
  // Not chosen again when only the height changes: a card's notes opening below the board must
  // not zoom the board.
  const heightRef = useRef(0);
  heightRef.current = view?.height ?? 0;
  const { moveTo } = camera;
  useLayoutEffect(() => {
    const viewHeight = heightRef.current;
    if (boardWidth === null || viewWidth === null) return;
    if (opened.current && (following || !fitted.current)) return;
    opened.current = true;
    const size = { width: viewWidth, height: viewHeight };
    const column = firstColumn.current;
    if (stacked && column) {
      const pageWidth = column.x * 2 + column.width;
      moveTo(fitWidth({ x: 0, y: 0, width: pageWidth, height: column.height }, size, 0));
      fitted.current = true;
      return;
    }
    const whole = { x: 0, y: 0, width: boardWidth, height: boardHeight.current };
    const fit = fitRect(whole, size);
    // Opened fitted, the board starts at the top of the screen (it grows downwards as cards come).
    const top = { ...fit, y: Math.min(fit.y, -OPEN_TOP_PX / fit.scale) };
    moveTo(fit.scale >= OPEN_FITTED_FROM_SCALE ? top : fitWidth(whole, size, 0));
    fitted.current = true;
  }, [boardWidth, stacked, viewWidth, following, moveTo, fitted]);
}
