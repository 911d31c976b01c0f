import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  type Camera,
  clampScale,
  fitRect,
  fitWidth,
  type Size,
  wheelZoom,
  zoomAround,
  zoomStep,
} from '../canvas/camera';
import { type Rect, screenPoint } from '../canvas/geometry';

export interface CameraControls {
  readonly scale: number;
  /** Where the view is now (read from the scrolling area). */
  readonly current: () => Camera;
  readonly viewSize: () => Size | null;
  readonly moveTo: (camera: Camera) => void;
  readonly zoom: (direction: 1 | -1) => void;
  readonly fit: (target: Rect) => void;
  readonly fitColumn: (target: Rect) => void;
}

function sizeOf(el: HTMLElement): Size {
  return { width: el.clientWidth, height: el.clientHeight };
}

/**
 * The map's zoom and scroll. Plain wheel scrolls (the browser does it); Ctrl+wheel and pinch
 * zoom around the pointer. `onMoved` hears every change of view (scrolling included).
 */
export function useCamera(
  scrollRef: RefObject<HTMLElement | null>,
  onMoved: (camera: Camera) => void,
): CameraControls {
  const [scale, setScale] = useState(1);
  const [request, setRequest] = useState<Camera | null>(null);
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  const moved = useRef(onMoved);
  moved.current = onMoved;

  const current = useCallback((): Camera => {
    const el = scrollRef.current;
    return { scale: scaleRef.current, scrollLeft: el?.scrollLeft ?? 0, scrollTop: el?.scrollTop ?? 0 };
  }, [scrollRef]);
  const moveTo = useCallback((camera: Camera) => {
    setScale(clampScale(camera.scale));
    setRequest(camera);
  }, []);

  // The surface has its new size only after the render, so the scroll is set after it.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!request || !el) return;
    el.scrollLeft = request.scrollLeft;
    el.scrollTop = request.scrollTop;
    moved.current(current());
  }, [request, scrollRef, current]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const box = el.getBoundingClientRect();
      const anchor = screenPoint(event.clientX - box.left, event.clientY - box.top);
      moveTo(zoomAround(current(), wheelZoom(scaleRef.current, event.deltaY), anchor));
    };
    const onScroll = () => moved.current(current());
    // Not passive: Ctrl+wheel must not also zoom the whole page.
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('scroll', onScroll);
    };
  }, [scrollRef, current, moveTo]);

  const zoom = useCallback(
    (direction: 1 | -1) => {
      const el = scrollRef.current;
      if (!el) return;
      const { width, height } = sizeOf(el);
      moveTo(
        zoomAround(current(), zoomStep(scaleRef.current, direction), screenPoint(width / 2, height / 2)),
      );
    },
    [scrollRef, current, moveTo],
  );
  const fit = useCallback(
    (target: Rect) => {
      const el = scrollRef.current;
      if (el) moveTo(fitRect(target, sizeOf(el)));
    },
    [scrollRef, moveTo],
  );
  const fitColumn = useCallback(
    (target: Rect) => {
      const el = scrollRef.current;
      if (el) moveTo(fitWidth(target, sizeOf(el)));
    },
    [scrollRef, moveTo],
  );
  const viewSize = useCallback(() => (scrollRef.current ? sizeOf(scrollRef.current) : null), [scrollRef]);
  return { scale, current, viewSize, moveTo, zoom, fit, fitColumn };
}
