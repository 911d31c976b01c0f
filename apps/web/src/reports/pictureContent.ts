import type { BoardState } from '@kinmap/model';
import { currentLanguage, t } from '../lib/messages';

/**
 * What the picture of the map holds. Staff choose whether professionals-only cards are in it; a
 * picture that holds any carries a banner saying so, with the board's title and the date, so a
 * printed copy found on its own still says who it is for.
 */

/** The board drawn in the picture: professionals-only cards left out unless `withProfessionalsOnly`. */
export function pictureBoard(board: BoardState, withProfessionalsOnly: boolean): BoardState {
  if (withProfessionalsOnly) return board;
  const cards = Object.fromEntries(Object.entries(board.cards).filter(([, card]) => !card.professionalsOnly));
  return { ...board, cards };
}

export function holdsProfessionalsOnly(board: BoardState): boolean {
  return Object.values(board.cards).some((card) => card.professionalsOnly);
}

export interface PictureBanner {
  readonly warning: string;
  readonly detail: string;
}

/** The banner of a picture of `board` made at `when`; null when it holds no professionals-only card. */
export function pictureBanner(board: BoardState, when: number): PictureBanner | null {
  if (!holdsProfessionalsOnly(board)) return null;
  const date = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'long', timeStyle: 'short' }).format(
    when,
  );
  const title = Array.from(board.meta.title.trim() || t('reports.picture.untitled'))
    .slice(0, 80)
    .join('');
  return {
    warning: t('reports.picture.restrictedBanner'),
    detail: t('reports.picture.bannerDetail', { title, date }),
  };
}

/** `kinmap-<board>[-v<n>][-professionals-only].png` */
export function pictureFileName(boardId: string, suffix: string, restricted: boolean): string {
  return `kinmap-${boardId}${suffix}${restricted ? '-professionals-only' : ''}.png`;
}
