import type { BoardState } from '@kinmap/model';
import { visibleBoard } from '../board/visibility';

/** The wall screen shows everything this much larger than the facilitator sees it. */
export const PROJECTOR_ZOOM = 1.5;

/** `?projector` in the address opens the map as a wall screen. */
export function isProjectorLink(search: string): boolean {
  return new URLSearchParams(search).has('projector');
}

/**
 * The board as the wall screen shows it: never a professionals-only card, whoever's device is
 * projecting (a facilitator may switch their own screen to projector mode).
 */
export function projectorBoard(board: BoardState): BoardState {
  return visibleBoard(board, 'viewer');
}
