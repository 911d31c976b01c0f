import type { BoardState, CardId } from '@kinmap/model';
import { ownValue } from '@kinmap/model';
import type Konva from 'konva';
import { useEffect, useMemo, useRef } from 'react';
import { Layer, Rect, Stage } from 'react-konva';
import { BOARD_WIDTH, type BoardLayout, layoutBoard } from '../canvas/boardLayout';
import { pairNumberOf, pairNumbers } from '../canvas/pairs';
import { createCanvasMeasure } from '../canvas/text/textMeasure';
import { AnalysisBand } from '../map/AnalysisRowShape';
import { CardShape } from '../map/CardShape';
import { ColumnShape } from '../map/ColumnShape';
import { SectionShape } from '../map/SectionShape';
import type { PictureBanner } from './pictureContent';
import { type PrintFrame, printFrame } from './printFrame';

export interface BoardPictureProps {
  /** The board as this person may see it. */
  readonly board: BoardState;
  /** Called once the whole board is on the offscreen stage. */
  readonly onDrawn: (stage: Konva.Stage, layout: BoardLayout) => void;
}

const ignore = () => {};
const ignoreCard = (_cardId: CardId) => {};

/**
 * The whole map on an offscreen stage, drawn with the same shapes as the live canvas but laid
 * out at the board's own width (never the phone's stacked layout), with nothing culled, no
 * selection, no cursors and no "+ Add" buttons: what goes on paper.
 */
export function BoardPicture({ board, onDrawn }: BoardPictureProps) {
  const measure = useMemo(() => createCanvasMeasure(), []);
  // The window size only decides stacked or not; at the board's width it is the three columns.
  const layout = useMemo(
    () => layoutBoard(board, { width: BOARD_WIDTH, height: 1 }, measure),
    [board, measure],
  );
  const numbers = useMemo(() => pairNumbers(board), [board]);
  const cardsLayer = useRef<Konva.Layer | null>(null);
  const drawn = () => {
    const stage = cardsLayer.current?.getStage();
    if (stage) onDrawn(stage, layout);
  };
  return (
    <div className="board-picture" aria-hidden="true">
      <Stage width={layout.width} height={layout.height} listening={false}>
        <Layer>
          <Rect x={0} y={0} width={layout.width} height={layout.height} fill="#ffffff" />
          {layout.columns.map((column) => (
            <ColumnShape key={column.column} column={column} />
          ))}
          {layout.sections.map((section) => (
            <SectionShape key={section.category} section={section} canEdit={false} onAdd={ignore} />
          ))}
          <AnalysisBand analysis={layout.analysis} state={board} area={null} highContrast={false} />
        </Layer>
        <Layer ref={cardsLayer}>
          {Object.values(layout.cards).map((placed) => {
            const card = ownValue(board.cards, placed.cardId);
            if (!card) return null;
            return (
              <CardShape
                key={card.id}
                card={card}
                placed={placed}
                selected={false}
                pairNumber={pairNumberOf(card, numbers)}
                draggable={false}
                onSelect={ignoreCard}
                onEdit={ignoreCard}
                onDragStart={ignore}
                onDragMove={ignoreCard}
                onDragEnd={ignore}
              />
            );
          })}
          <WhenDrawn onDrawn={drawn} />
        </Layer>
      </Stage>
    </div>
  );
}

/**
 * Renders nothing; its effect runs once the Konva tree around it is committed, so every shape
 * is on the stage by then (the stage draws them again into the picture's own canvas).
 */
function WhenDrawn({ onDrawn }: { readonly onDrawn: () => void }) {
  const latest = useRef(onDrawn);
  latest.current = onDrawn;
  // Once only, also when development's strict mode runs the effect twice: one picture per click.
  const fired = useRef(false);
  useEffect(() => {
    if (fired.current) return;
    fired.current = true;
    latest.current();
  }, []);
  return null;
}

/** The banner's height and type sizes in board units (scaled with the picture). */
const BANNER = { height: 64, padding: 14, warning: 22, detail: 15 } as const;
const BANNER_FILL = '#b91c1c';

/** The picture's canvas with `banner` drawn in a red band above it. */
function withBanner(picture: HTMLCanvasElement, banner: PictureBanner, ratio: number): HTMLCanvasElement {
  const band = Math.round(BANNER.height * ratio);
  const canvas = document.createElement('canvas');
  canvas.width = picture.width;
  canvas.height = picture.height + band;
  const context = canvas.getContext('2d');
  if (!context) return picture;
  context.fillStyle = BANNER_FILL;
  context.fillRect(0, 0, canvas.width, band);
  context.fillStyle = '#ffffff';
  context.textBaseline = 'top';
  const padding = BANNER.padding * ratio;
  const maxWidth = canvas.width - 2 * padding;
  context.font = `bold ${BANNER.warning * ratio}px system-ui, sans-serif`;
  context.fillText(banner.warning, padding, padding * 0.8, maxWidth);
  context.font = `${BANNER.detail * ratio}px system-ui, sans-serif`;
  context.fillText(banner.detail, padding, padding * 0.8 + (BANNER.warning + 6) * ratio, maxWidth);
  context.drawImage(picture, 0, band);
  return canvas;
}

function toPngBlob(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), 'image/png'));
}

/**
 * The PNG of a drawn board at print resolution, and the frame it was drawn with; with a banner
 * above the map when it holds professionals-only cards.
 */
export async function boardPng(
  stage: Konva.Stage,
  layout: BoardLayout,
  banner: PictureBanner | null = null,
): Promise<{ readonly blob: Blob; readonly frame: PrintFrame } | null> {
  const frame = printFrame(layout);
  try {
    const area = {
      x: frame.x,
      y: frame.y,
      width: frame.width,
      height: frame.height,
      pixelRatio: frame.pixelRatio,
    };
    if (banner !== null) {
      const blob = await toPngBlob(withBanner(stage.toCanvas(area), banner, frame.pixelRatio));
      return blob ? { blob, frame } : null;
    }
    const blob = await stage.toBlob({ ...area, mimeType: 'image/png' });
    return blob instanceof Blob ? { blob, frame } : null;
  } catch {
    // The browser could not encode the canvas (out of memory): the caller says so in words.
    return null;
  }
}
