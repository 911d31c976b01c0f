import type { BoardState, Category, Role } from '@kinmap/model';
import type Konva from 'konva';
import type { BoardLayout } from '../canvas/boardLayout';
import type { Rect } from '../canvas/geometry';
import { sectionOf } from '../canvas/layoutQueries';
import type { ConnectionState } from './connection';

/**
 * A read-only window onto what the canvas shows, for browser tests (a canvas has no DOM to
 * query). Installed only in Vite's dev mode or when a test sets `window.__kinmapEnableBridge`
 * before the page loads; production pages never have it.
 */
export interface KinmapBridge {
  state(): BoardState | null;
  /**
   * A card's rectangle in client (viewport) pixels under the camera, or null when the board has
   * no such card (it may be off screen: compare with `viewRect`).
   */
  cardRect(cardId: string): Rect | null;
  sectionRect(category: Category): Rect | null;
  addButtonRect(category: Category): Rect | null;
  /** The worries-and-goals row of a pair, in client pixels, or null when it has no row. */
  analysisRowRect(pairId: string): Rect | null;
  /** The camera: the board point at the canvas's top-left and the zoom (see canvas/camera.ts). */
  camera(): { x: number; y: number; scale: number } | null;
  /** The board's area on the screen (the canvas), in client pixels. */
  viewRect(): Rect | null;
  /** The layout's size in board units, and whether it is the phone's one-column-at-a-time layout. */
  boardSize(): { width: number; height: number; stacked: boolean } | null;
  /** How many cards the canvas draws now (culling leaves off-screen cards out). */
  drawnCards(): number;
  /** The id of the card actually drawn at a client pixel, read from Konva's hit canvas. */
  cardAt(clientX: number, clientY: number): string | null;
  /**
   * The size a drawn card's text has on the screen, in CSS pixels (its font size in board units
   * times the stage's scale, read from the drawn text node), or null when the card is not drawn.
   */
  cardTextPx(cardId: string): number | null;
  /** How a drawn card is marked when versions are compared ('added', 'changed', 'removed'), or null. */
  cardHighlight(cardId: string): string | null;
  status(): ConnectionState;
  readonly role: Role;
  readonly participantId: string;
}

export interface BridgeSource {
  readonly state: () => BoardState | null;
  readonly layout: () => BoardLayout | null;
  readonly stage: () => Konva.Stage | null;
  readonly status: () => ConnectionState;
  readonly role: Role;
  readonly participantId: string;
}

declare global {
  interface Window {
    __kinmapEnableBridge?: boolean;
    __kinmap?: KinmapBridge;
  }
}

export function bridgeEnabled(): boolean {
  return import.meta.env.DEV || window.__kinmapEnableBridge === true;
}

function toClient(stage: Konva.Stage | null, rect: Rect | undefined): Rect | null {
  if (!stage || !rect) return null;
  const box = stage.container().getBoundingClientRect();
  // The stage draws the board through the camera: board coordinates times the scale, plus the
  // stage's position, are pixels on the canvas.
  const k = stage.scaleX();
  return {
    x: box.left + stage.x() + rect.x * k,
    y: box.top + stage.y() + rect.y * k,
    width: rect.width * k,
    height: rect.height * k,
  };
}

/** Installs the bridge for this board screen; the returned function removes it again. */
export function connectBridge(source: BridgeSource): () => void {
  if (!bridgeEnabled()) return () => {};
  const bridge: KinmapBridge = {
    state: source.state,
    cardRect: (cardId) => toClient(source.stage(), source.layout()?.cards[cardId]?.rect),
    sectionRect: (category) => {
      const layout = source.layout();
      return toClient(source.stage(), layout ? sectionOf(layout, category)?.rect : undefined);
    },
    addButtonRect: (category) => {
      const layout = source.layout();
      return toClient(source.stage(), layout ? sectionOf(layout, category)?.addButton : undefined);
    },
    analysisRowRect: (pairId) => {
      const row = source.layout()?.analysis.rows.find((r) => r.pairId === pairId);
      return toClient(source.stage(), row?.rect);
    },
    camera: () => {
      const stage = source.stage();
      if (!stage) return null;
      const k = stage.scaleX();
      return { x: -stage.x() / k, y: -stage.y() / k, scale: k };
    },
    viewRect: () => {
      const box = source.stage()?.container().getBoundingClientRect();
      return box ? { x: box.left, y: box.top, width: box.width, height: box.height } : null;
    },
    boardSize: () => {
      const layout = source.layout();
      return layout ? { width: layout.width, height: layout.height, stacked: layout.stacked } : null;
    },
    drawnCards: () => source.stage()?.find('.card').length ?? 0,
    cardAt: (clientX, clientY) => {
      const stage = source.stage();
      if (!stage) return null;
      const box = stage.container().getBoundingClientRect();
      const shape = stage.getIntersection({ x: clientX - box.left, y: clientY - box.top });
      return shape?.findAncestor('.card', true)?.id() ?? null;
    },
    cardTextPx: (cardId) => {
      const text = source.stage()?.findOne<Konva.Group>(`#${cardId}`)?.findOne<Konva.Text>('.card-text');
      return text ? text.fontSize() * text.getAbsoluteScale().x : null;
    },
    cardHighlight: (cardId) => {
      const mark = source.stage()?.findOne<Konva.Group>(`#${cardId}`)?.findOne('.card-highlight');
      return mark?.name().match(/card-highlight--(\w+)/)?.[1] ?? null;
    },
    status: source.status,
    role: source.role,
    participantId: source.participantId,
  };
  window.__kinmap = bridge;
  return () => {
    if (window.__kinmap === bridge) delete window.__kinmap;
  };
}
