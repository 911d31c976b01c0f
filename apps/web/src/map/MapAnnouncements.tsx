import type { ReactNode } from 'react';
import { t } from '../lib/messages';

export interface MapAnnouncementsProps {
  /** The notice floating over the board (a refused change, who brought you here), or ''. */
  readonly notice: string;
  /** The card the keyboard chose, for screen readers. */
  readonly selection: string;
  /** Others' changes, for screen readers. */
  readonly changes: string;
  /** Shown between the notice and the screen readers' words (who is on which card). */
  readonly children?: ReactNode;
}

/** What the map says: the visible notice, and what screen readers hear (politely). */
export function MapAnnouncements({ notice, selection, changes, children }: MapAnnouncementsProps) {
  return (
    <>
      <p className="notice map-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {children}
      <div
        className="visually-hidden"
        role="status"
        aria-live="polite"
        aria-label={t('announce.selection')}
        data-testid="announce-selection"
      >
        {selection}
      </div>
      <div
        className="visually-hidden"
        role="log"
        aria-live="polite"
        aria-label={t('announce.changes')}
        data-testid="announce-changes"
      >
        {changes}
      </div>
    </>
  );
}
