import {
  addSticker,
  addStroke,
  CHILD_LIMITS,
  type ChildAreaState,
  eraseStrokes,
  removeStickers,
  type Sticker,
  type Stroke,
} from '@kinmap/model';
import type Konva from 'konva';
import { memo, type PointerEvent as ReactPointerEvent, useCallback, useMemo, useRef, useState } from 'react';
import { Circle, Layer, Line, Stage } from 'react-konva';
import type * as Y from 'yjs';
import { t } from '../lib/messages';
import { useElementSize } from '../lib/useElementSize';
import { clampWidth, type DrawingMode, PEN_WIDTHS, penColour, STICKER_ICONS, STICKER_TOKENS } from './pens';
import {
  extendStroke,
  keyboardStickerSpot,
  pointsToScreen,
  type ScreenPoint,
  type SurfaceSize,
  screenPoint,
  stickerSize,
  stickersCrossed,
  strokesCrossed,
  surfaceSize,
  toScreen,
  toUnit,
  unitPoint,
  widthToScreen,
} from './surfaceGeometry';
import { drawingSummary } from './toolWords';

export interface DrawingSurfaceProps {
  readonly doc: Y.Doc;
  readonly area: string;
  readonly areaTitle: string;
  readonly state: ChildAreaState;
  readonly mode: DrawingMode;
  readonly canWrite: boolean;
  /** Tells the panel that a drawing or picture could not be added (the area is full). */
  readonly onRefused: () => void;
}

/** A pen stroke or rubbing out in progress: the pointer that makes it, and what it has done so far. */
interface Gesture {
  readonly pointerId: number;
  last: ScreenPoint;
  /** The pen's points in the area's units (x, y, x, y…). */
  points: number[];
  readonly erasedStrokes: Set<string>;
  readonly erasedStickers: Set<string>;
}

/** A very long stroke is split in two here: the model takes at most so many coordinates in one. */
const MAX_COORDINATES = CHILD_LIMITS.coordinatesPerStroke;
/** The live line's points as React gives them: one array, so a render never resets a stroke in progress. */
const NO_POINTS: number[] = [];

/**
 * One area's drawing: the strokes and pictures of everyone (live, as the document changes), and, for
 * those who may write, the pen, the rubber and the pictures under any pointer — finger, pen or mouse.
 * A stroke is drawn on the canvas as it goes and written to the document once, when the pointer
 * lifts; the rubber hides what it passes over at once and removes it on lifting.
 */
export function DrawingSurface({
  doc,
  area,
  areaTitle,
  state,
  mode,
  canWrite,
  onRefused,
}: DrawingSurfaceProps) {
  const box = useRef<HTMLDivElement | null>(null);
  const measured = useElementSize(box);
  const width = measured?.width ?? 0;
  // One object per width, so the strokes and pictures (memo) draw again only when it changes.
  const size = useMemo(() => surfaceSize(width), [width]);
  const live = useRef<Konva.Line | null>(null);
  const gesture = useRef<Gesture | null>(null);
  // What the rubber has passed over, hidden until the document has removed it.
  const [rubbed, setRubbed] = useState<ReadonlySet<string>>(() => new Set());

  const showLive = (points: readonly number[]) => {
    const line = live.current;
    if (!line) return;
    line.points(pointsToScreen(points, size));
    line.getLayer()?.batchDraw();
  };
  const commitStroke = (points: readonly number[]) => {
    if (mode.kind !== 'pen' || points.length < 2) return;
    const result = addStroke(doc, area, {
      colour: mode.colour,
      width: clampWidth(PEN_WIDTHS[mode.width]),
      points,
    });
    if (!result.ok) onRefused();
  };
  const rub = (g: Gesture, to: ScreenPoint) => {
    const strokes = strokesCrossed(state.strokes, g.last, to, size).filter((id) => !g.erasedStrokes.has(id));
    const stickers = stickersCrossed(state.stickers, g.last, to, size).filter(
      (id) => !g.erasedStickers.has(id),
    );
    for (const id of strokes) g.erasedStrokes.add(id);
    for (const id of stickers) g.erasedStickers.add(id);
    if (strokes.length + stickers.length > 0) setRubbed(new Set([...g.erasedStrokes, ...g.erasedStickers]));
  };

  const at = (event: { clientX: number; clientY: number }, rect: DOMRect): ScreenPoint =>
    screenPoint(event.clientX - rect.left, event.clientY - rect.top);

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!canWrite || gesture.current || (event.pointerType === 'mouse' && event.button !== 0)) return;
    const point = at(event, event.currentTarget.getBoundingClientRect());
    if (mode.kind === 'sticker') {
      const { x, y } = toUnit(point, size);
      if (!addSticker(doc, area, { sticker: mode.sticker, x, y }).ok) onRefused();
      return;
    }
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const g: Gesture = {
      pointerId: event.pointerId,
      last: point,
      points: [],
      erasedStrokes: new Set(),
      erasedStickers: new Set(),
    };
    gesture.current = g;
    if (mode.kind === 'pen') {
      extendStroke(g.points, point, size);
      showLive(g.points);
    } else rub(g, point);
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    if (!g || g.pointerId !== event.pointerId) return;
    // Every position the device reported since the last frame: a fast pen keeps its curves.
    const native = event.nativeEvent;
    const events = typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
    const rect = event.currentTarget.getBoundingClientRect();
    for (const each of events.length > 0 ? events : [native]) {
      const point = at(each, rect);
      if (mode.kind === 'pen') {
        if (!extendStroke(g.points, point, size)) continue;
        if (g.points.length >= MAX_COORDINATES) {
          // A very long stroke goes in as two: the model takes at most so many points in one.
          commitStroke(g.points);
          g.points = g.points.slice(-2);
        }
      } else rub(g, point);
      g.last = point;
    }
    if (mode.kind === 'pen') showLive(g.points);
  };

  const finish = (event: ReactPointerEvent<HTMLDivElement>, keep: boolean) => {
    const g = gesture.current;
    if (!g || g.pointerId !== event.pointerId) return;
    gesture.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
    showLive([]);
    if (!keep) {
      setRubbed(new Set());
      return;
    }
    if (mode.kind === 'pen') commitStroke(g.points);
    else {
      if (g.erasedStrokes.size > 0) eraseStrokes(doc, area, [...g.erasedStrokes]);
      if (g.erasedStickers.size > 0) removeStickers(doc, area, [...g.erasedStickers]);
      setRubbed(new Set());
    }
  };

  const removeSticker = useCallback((id: string) => removeStickers(doc, area, [id]), [doc, area]);
  const placeWithKeyboard = () => {
    if (mode.kind !== 'sticker') return;
    const spot = keyboardStickerSpot(state.stickers.length);
    if (!addSticker(doc, area, { sticker: mode.sticker, x: spot.x, y: spot.y }).ok) onRefused();
  };

  const summary = drawingSummary(state);
  const penOn = canWrite && mode.kind === 'pen';
  return (
    <div className="child-surface-box" ref={box}>
      <div
        className={`child-surface child-surface--${canWrite ? mode.kind : 'read'}`}
        style={{ height: size.height }}
        role="img"
        aria-label={t('child.drawingLabel', { area: areaTitle, summary })}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={(event) => finish(event, true)}
        onPointerCancel={(event) => finish(event, false)}
      >
        {measured && (
          <div aria-hidden="true">
            <Stage width={size.width} height={size.height} listening={false}>
              <Layer listening={false}>
                {state.strokes.map((stroke) =>
                  rubbed.has(stroke.id) ? null : <StrokeShape key={stroke.id} stroke={stroke} size={size} />,
                )}
                <Line
                  ref={live}
                  points={NO_POINTS}
                  stroke={mode.kind === 'pen' ? penColour(mode.colour) : undefined}
                  strokeWidth={mode.kind === 'pen' ? widthToScreen(PEN_WIDTHS[mode.width], size) : 1}
                  lineCap="round"
                  lineJoin="round"
                  visible={penOn}
                />
              </Layer>
            </Stage>
          </div>
        )}
        {state.stickers.map((sticker) =>
          rubbed.has(sticker.id) ? null : <StickerMark key={sticker.id} sticker={sticker} size={size} />,
        )}
      </div>
      {canWrite &&
        mode.kind === 'eraser' &&
        state.stickers.map((sticker) => (
          <StickerRemover key={sticker.id} sticker={sticker} size={size} onRemove={removeSticker} />
        ))}
      {canWrite && mode.kind === 'sticker' && (
        <button type="button" className="child-surface__place" onClick={placeWithKeyboard}>
          {t('child.stickerPlace', { sticker: t(`child.sticker.${mode.sticker}`) })}
        </button>
      )}
    </div>
  );
}

/** One finished stroke: a line, or a dot when the pen only touched the paper. */
const StrokeShape = memo(function StrokeShape({ stroke, size }: { stroke: Stroke; size: SurfaceSize }) {
  const colour = penColour(stroke.colour);
  const width = Math.max(1, widthToScreen(stroke.width, size));
  if (stroke.points.length === 2) {
    const centre = toScreen(unitPoint(stroke.points[0] ?? 0, stroke.points[1] ?? 0), size);
    return <Circle x={centre.x} y={centre.y} radius={width / 2} fill={colour} />;
  }
  return (
    <Line
      points={pointsToScreen(stroke.points, size)}
      stroke={colour}
      strokeWidth={width}
      lineCap="round"
      lineJoin="round"
    />
  );
});

/** Where a picture sits over the canvas (CSS pixels in the surface). */
function stickerBox(sticker: Sticker, size: SurfaceSize) {
  const px = stickerSize(size);
  const centre = toScreen(unitPoint(sticker.x, sticker.y), size);
  return { left: centre.x - px / 2, top: centre.y - px / 2, width: px, height: px };
}

/** A picture in the area, drawn over the canvas with the app's icons. */
const StickerMark = memo(function StickerMark({ sticker, size }: { sticker: Sticker; size: SurfaceSize }) {
  const Icon = STICKER_ICONS[sticker.sticker];
  return (
    <span
      className="child-sticker"
      style={{ ...stickerBox(sticker, size), color: `var(--${STICKER_TOKENS[sticker.sticker]})` }}
    >
      <Icon aria-hidden="true" size={stickerSize(size)} strokeWidth={2.25} />
    </span>
  );
});

/**
 * With the rubber in hand, each picture also has a button over it, for the keyboard: seen only when
 * focused. The finger's tap passes through it to the paper, which rubs out what it touches.
 */
function StickerRemover({
  sticker,
  size,
  onRemove,
}: {
  sticker: Sticker;
  size: SurfaceSize;
  onRemove: (id: string) => void;
}) {
  return (
    <button
      type="button"
      className="child-sticker-remove"
      style={stickerBox(sticker, size)}
      aria-label={t('child.stickerRemove', { sticker: t(`child.sticker.${sticker.sticker}`) })}
      onClick={() => onRemove(sticker.id)}
    />
  );
}
