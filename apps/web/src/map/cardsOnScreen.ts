import type { CardId } from '@kinmap/model';
import type Konva from 'konva';
import type { BoardLayout } from '../canvas/boardLayout';
import type { Rect } from '../canvas/geometry';
import type { ScreenRect } from './toolbarPlacement';

/**
 * Where cards are on screen, in the pixels of the board's area (`scroller`; its top-left is 0, 0),
 * read from what the canvas draws: for the chosen card's toolbar (SelectionToolbar), which runs
 * this once a frame while a card is chosen.
 */

/** A cache of the chosen card's Konva node: found once per card (a search of the stage), then only measured. */
export interface CardNodeCache {
  current: Konva.Group | null;
}

/** The chosen card as drawn (its paper, wherever it is being dragged), or null when it is not drawn. */
export function chosenCardOnScreen(
  stage: Konva.Stage | null,
  scroller: HTMLElement | null,
  cardId: CardId,
  cache: CardNodeCache,
): ScreenRect | null {
  if (!stage || !scroller) return null;
  let node = cache.current;
  if (!node || node.id() !== cardId || node.getStage() !== stage)
    node = cache.current =
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
}

/**
 * Every other card of the layout that shows in the board's area, through the stage's camera (the
 * layout's rectangles are the cards' papers; only the chosen card is ever dragged off its place).
 */
export function otherCardsOnScreen(
  stage: Konva.Stage | null,
  scroller: HTMLElement | null,
  layout: BoardLayout | null,
  exceptId: CardId | null,
): ScreenRect[] {
  if (!layout) return [];
  const rects: Rect[] = [];
  for (const id of Object.keys(layout.cards)) {
    const rect = layout.cards[id]?.rect;
    if (rect && id !== exceptId) rects.push(rect);
  }
  return onScreen(stage, scroller, rects);
}

/** The sections' Add buttons drawn on the canvas, in the same pixels. */
export function addButtonsOnScreen(
  stage: Konva.Stage | null,
  scroller: HTMLElement | null,
  layout: BoardLayout | null,
): ScreenRect[] {
  return layout
    ? onScreen(
        stage,
        scroller,
        layout.sections.map((s) => s.addButton),
      )
    : [];
}

/** Board rectangles through the stage's camera, those showing in the board's area only. */
function onScreen(
  stage: Konva.Stage | null,
  scroller: HTMLElement | null,
  rects: readonly Rect[],
): ScreenRect[] {
  if (!stage || !scroller) return [];
  const from = stage.container().getBoundingClientRect();
  const to = scroller.getBoundingClientRect();
  const k = stage.scaleX();
  const dx = from.left - to.left + stage.x();
  const dy = from.top - to.top + stage.y();
  const width = scroller.clientWidth;
  const height = scroller.clientHeight;
  const out: ScreenRect[] = [];
  for (const rect of rects) {
    const r = { x: dx + rect.x * k, y: dy + rect.y * k, width: rect.width * k, height: rect.height * k };
    if (r.x < width && r.y < height && r.x + r.width > 0 && r.y + r.height > 0) out.push(r);
  }
  return out;
}

/** The board's area: its size, and its offset inside `root` (where the toolbar is positioned). */
export function boardAreaIn(
  scroller: HTMLElement | null,
  root: HTMLElement | null,
): { width: number; height: number; left: number; top: number } | null {
  if (!scroller || !root) return null;
  const a = scroller.getBoundingClientRect();
  const b = root.getBoundingClientRect();
  return {
    width: scroller.clientWidth,
    height: scroller.clientHeight,
    left: a.left - b.left,
    top: a.top - b.top,
  };
}
