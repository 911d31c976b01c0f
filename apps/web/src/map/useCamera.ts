import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  type Camera,
  clampToBoard,
  fitColumn,
  fitRect,
  panBy,
  pinch,
  revealRect,
  type Size,
  safeCamera,
  viewRect,
  wheelZoom,
  zoomAround,
  zoomStep,
} from '../canvas/camera';
import { type Rect, type ScreenPoint, screenPoint } from '../canvas/geometry';

/**
 * The camera as something to watch: panning changes it every frame, so the canvas and the editor
 * overlay apply it directly (no React render); React state holds only the zoom (for its label).
 */
export interface CameraSource {
  readonly current: () => Camera;
  /** Calls `listener` with every new camera; returns the function that stops it. */
  readonly subscribe: (listener: (camera: Camera) => void) => () => void;
}

export interface CameraControls extends CameraSource {
  /** The zoom now (React state: changes only when the zoom does, not on a pan). */
  readonly scale: number;
  /** Where the view is now (latest, also between renders). */
  readonly current: () => Camera;
  readonly viewSize: () => Size | null;
  /** The part of the board in view now, in board coordinates (null before the view is measured). */
  readonly viewRect: () => Rect | null;
  readonly moveTo: (camera: Camera) => void;
  readonly zoom: (direction: 1 | -1) => void;
  /** Shows the whole of a board rectangle, centred and letterboxed. */
  readonly fit: (target: Rect) => void;
  /** `readable`: the scale at which the card text reads well (canvas/camera.ts `fitColumn`). */
  readonly fitColumn: (target: Rect, readable?: number) => void;
  /** Moves as little as needed to show a board rectangle wholly (keyboard selection). */
  readonly reveal: (target: Rect) => void;
}

export interface CameraInput {
  /** The board's area on the screen: the canvas is exactly this size. */
  readonly viewRef: RefObject<HTMLElement | null>;
  /** Hears every change of view. */
  readonly onMoved: (camera: Camera) => void;
  /** The part of the board the view may show now (board coordinates), so it cannot be panned away (null: no limit). */
  readonly bounds: () => Rect | null;
  /** Whether a press at this client point is on something of its own (a card, a button): then it does not pan. */
  readonly grabsPointer?: (clientX: number, clientY: number) => boolean;
  /** Told when the person moves the view by hand (wheel, drag, pinch). */
  readonly onManualMove?: () => void;
  /** Told how far one finger or the mouse moved between press and release on the empty board (screen pixels). */
  readonly onSwipe?: (dx: number, dy: number) => void;
}

function sizeOf(el: HTMLElement): Size {
  return { width: el.clientWidth, height: el.clientHeight };
}

/** Lines and pages of a wheel in pixels (Firefox reports lines). */
function wheelPixels(event: WheelEvent, delta: number): number {
  if (event.deltaMode === 1) return delta * 16;
  if (event.deltaMode === 2) return delta * 400;
  return delta;
}

/**
 * The map's camera: zoom and pan as a transform of a viewport-sized canvas. Wheel and trackpad
 * pan; Ctrl+wheel (and a trackpad pinch, which the browser reports as one) zoom around the
 * pointer; a drag on the empty board pans; one finger pans and two fingers pinch on touch.
 */
export function useCamera({
  viewRef,
  onMoved,
  bounds: boardBounds,
  grabsPointer,
  onManualMove,
  onSwipe,
}: CameraInput): CameraControls {
  const [scale, setScale] = useState(1);
  const ref = useRef<Camera>({ scale: 1, x: 0, y: 0 });
  const listeners = useRef(new Set<(camera: Camera) => void>());
  const subscribe = useCallback((listener: (camera: Camera) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const moved = useRef(onMoved);
  moved.current = onMoved;
  const bounds = useRef(boardBounds);
  bounds.current = boardBounds;
  const grabs = useRef(grabsPointer);
  grabs.current = grabsPointer;
  const manual = useRef(onManualMove);
  manual.current = onManualMove;
  const swiped = useRef(onSwipe);
  swiped.current = onSwipe;

  const current = useCallback(() => ref.current, []);
  const viewSize = useCallback(() => (viewRef.current ? sizeOf(viewRef.current) : null), [viewRef]);
  const moveTo = useCallback(
    (next: Camera) => {
      const safe = safeCamera(next);
      const view = viewSize();
      const board = bounds.current();
      const clamped = view && board ? clampToBoard(safe, view, board) : safe;
      const prev = ref.current;
      if (prev.scale === clamped.scale && prev.x === clamped.x && prev.y === clamped.y) return;
      ref.current = clamped;
      for (const listener of listeners.current) listener(clamped);
      setScale(clamped.scale);
      moved.current(clamped);
    },
    [viewSize],
  );

  useEffect(() => {
    const el = viewRef.current;
    if (!el) return;
    const local = (clientX: number, clientY: number): ScreenPoint => {
      const box = el.getBoundingClientRect();
      return screenPoint(clientX - box.left, clientY - box.top);
    };
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      manual.current?.();
      const now = ref.current;
      if (event.ctrlKey || event.metaKey) {
        const dy = wheelPixels(event, event.deltaY);
        moveTo(zoomAround(now, wheelZoom(now.scale, dy), local(event.clientX, event.clientY)));
      } else {
        const dx = wheelPixels(event, event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX);
        const dy = event.shiftKey && event.deltaX === 0 ? 0 : wheelPixels(event, event.deltaY);
        moveTo(panBy(now, -dx, -dy));
      }
    };

    // Pointers down on the empty board, by id: one pans, two pinch.
    const down = new Map<number, ScreenPoint>();
    // Where a lone pointer went down (for a swipe), forgotten once a second one joins.
    let start: { id: number; at: ScreenPoint } | null = null;
    const onPointerDown = (event: PointerEvent) => {
      if (event.button !== 0 && event.pointerType === 'mouse') return;
      const onSomething = grabs.current?.(event.clientX, event.clientY) ?? false;
      // A second finger pinches even when it lands on a card.
      if (onSomething && down.size === 0) return;
      const at = local(event.clientX, event.clientY);
      down.set(event.pointerId, at);
      start = down.size === 1 ? { id: event.pointerId, at } : null;
    };
    const onPointerMove = (event: PointerEvent) => {
      const before = down.get(event.pointerId);
      if (!before) return;
      const at = local(event.clientX, event.clientY);
      if (down.size === 1) {
        if (before.x === at.x && before.y === at.y) return;
        manual.current?.();
        moveTo(panBy(ref.current, at.x - before.x, at.y - before.y));
      } else if (down.size === 2) {
        const [a, b] = [...down.entries()];
        if (!a || !b) return;
        const other = a[0] === event.pointerId ? b[1] : a[1];
        manual.current?.();
        moveTo(pinch(ref.current, [before, other], [at, other]));
      }
      down.set(event.pointerId, at);
    };
    const onPointerUp = (event: PointerEvent) => {
      if (!down.has(event.pointerId)) return;
      down.delete(event.pointerId);
      if (start?.id === event.pointerId && down.size === 0) {
        const at = local(event.clientX, event.clientY);
        swiped.current?.(at.x - start.at.x, at.y - start.at.y);
      }
      start = null;
    };
    // Not passive: the wheel must not also scroll or zoom the whole page.
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('pointermove', onPointerMove);
    window.addEventListener('pointerup', onPointerUp);
    window.addEventListener('pointercancel', onPointerUp);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('pointermove', onPointerMove);
      window.removeEventListener('pointerup', onPointerUp);
      window.removeEventListener('pointercancel', onPointerUp);
    };
  }, [viewRef, moveTo]);

  const zoom = useCallback(
    (direction: 1 | -1) => {
      const view = viewSize();
      if (!view) return;
      const now = ref.current;
      moveTo(zoomAround(now, zoomStep(now.scale, direction), screenPoint(view.width / 2, view.height / 2)));
    },
    [viewSize, moveTo],
  );
  const fit = useCallback(
    (target: Rect) => {
      const view = viewSize();
      if (view) moveTo(fitRect(target, view));
    },
    [viewSize, moveTo],
  );
  const toColumn = useCallback(
    (target: Rect, readable?: number) => {
      const view = viewSize();
      if (view) moveTo(fitColumn(target, view, 16, readable));
    },
    [viewSize, moveTo],
  );
  const reveal = useCallback(
    (target: Rect) => {
      const view = viewSize();
      if (view) moveTo(revealRect(ref.current, view, target));
    },
    [viewSize, moveTo],
  );
  const inView = useCallback(() => {
    const view = viewSize();
    return view ? viewRect(ref.current, view) : null;
  }, [viewSize]);
  return {
    scale,
    subscribe,
    current,
    viewSize,
    viewRect: inView,
    moveTo,
    zoom,
    fit,
    fitColumn: toColumn,
    reveal,
  };
}

/** Keeps an element (the card editor's layer, in board coordinates) under the camera's transform. */
export function useCameraTransform(ref: RefObject<HTMLElement | null>, camera: CameraSource): void {
  useLayoutEffect(() => {
    const apply = (c: Camera) => {
      const el = ref.current;
      if (el) el.style.transform = `scale(${c.scale}) translate(${-c.x}px, ${-c.y}px)`;
    };
    apply(camera.current());
    return camera.subscribe(apply);
  });
}
