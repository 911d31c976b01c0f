import type { BoardState } from '@kinmap/model';
import { lazy, Suspense } from 'react';
import type { BoardWriter } from '../editing/boardActions';
import { t } from '../lib/messages';
import { TimerReadout } from './TimerReadout';
import { useMeetingTools, useServerClock } from './useMeetingTools';

// The panel and the end-of-meeting screen load the first time they are shown: a board's first
// load ships only what the map needs (docs/PERFORMANCE.md, "First load").
const MeetingPanel = lazy(() => import('./MeetingPanel').then((m) => ({ default: m.MeetingPanel })));
const MeetingSummary = lazy(() => import('./MeetingSummary').then((m) => ({ default: m.MeetingSummary })));

export interface MeetingButtonProps {
  readonly open: boolean;
  readonly onToggle: () => void;
}

/** The one entry point to the meeting tools, in the map's controls. */
export function MeetingButton({ open, onToggle }: MeetingButtonProps) {
  return (
    <button type="button" aria-expanded={open} onClick={onToggle}>
      {t('meeting.open')}
    </button>
  );
}

export interface MeetingToolsProps {
  readonly writer: BoardWriter | null;
  /** The board as this screen may show it (the wall's never holds professionals-only cards). */
  readonly board: BoardState;
  readonly projector: boolean;
  readonly open: boolean;
  readonly canWrite: boolean;
  readonly onClose: () => void;
}

/**
 * The meeting tools on one screen. On the wall: the current agenda item and its remaining time in
 * a strip above the map, or the end-of-meeting summary over the whole screen when the facilitator
 * puts it there. Elsewhere: the panel, when open.
 */
export function MeetingTools({ writer, board, projector, open, canWrite, onClose }: MeetingToolsProps) {
  const tools = useMeetingTools(writer?.doc ?? null);
  const now = useServerClock();
  if (tools === null) return null;
  if (projector) {
    if (tools.facilitation.wall === 'summary')
      return (
        <Suspense fallback={null}>
          <MeetingSummary board={board} />
        </Suspense>
      );
    return <TimerReadout tools={tools} now={now} variant="wall" />;
  }
  if (!open) return null;
  return (
    <div id="meeting-panel" className="meeting-dock">
      <Suspense fallback={null}>
        <MeetingPanel
          writer={writer}
          tools={tools}
          board={board}
          now={now}
          canWrite={canWrite}
          onClose={onClose}
        />
      </Suspense>
    </div>
  );
}
