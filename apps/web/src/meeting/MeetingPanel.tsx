import { type BoardState, type MeetingToolsState, may, showOnWall } from '@kinmap/model';
import { useState } from 'react';
import type { BoardWriter } from '../editing/boardActions';
import { t } from '../lib/messages';
import { AgendaSection } from './AgendaSection';
import { ParkingLotSection } from './ParkingLotSection';

export interface MeetingPanelProps {
  readonly writer: BoardWriter | null;
  readonly tools: MeetingToolsState;
  readonly board: BoardState;
  readonly now: () => number;
  readonly canWrite: boolean;
  readonly onClose: () => void;
}

/**
 * The meeting tools beside the map: the agenda and its timer, the parking lot, and — for the
 * facilitator — one button that puts the end-of-meeting summary on the wall ([AC41]).
 */
export function MeetingPanel({ writer, tools, board, now, canWrite, onClose }: MeetingPanelProps) {
  const [failed, setFailed] = useState(false);
  const onFailed = () => setFailed(true);
  const canRun = canWrite && writer !== null && may(writer.actor.role, 'AC41');
  const summaryOnWall = tools.facilitation.wall === 'summary';
  return (
    <aside className="meeting-panel" aria-label={t('meeting.panel')} data-testid="meeting-panel">
      <header className="meeting-panel-header">
        <h2>{t('meeting.panel')}</h2>
        <button type="button" className="meeting-close" aria-label={t('meeting.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {canRun && (
        <button
          type="button"
          className={summaryOnWall ? 'meeting-wall-toggle' : 'meeting-wall-toggle meeting-primary'}
          aria-pressed={summaryOnWall}
          onClick={() => {
            if (writer && !showOnWall(writer.doc, writer.actor, summaryOnWall ? 'map' : 'summary').ok)
              onFailed();
          }}
        >
          {summaryOnWall ? t('meeting.wall.showMap') : t('meeting.wall.showSummary')}
        </button>
      )}
      <AgendaSection writer={writer} tools={tools} now={now} canWrite={canWrite} onFailed={onFailed} />
      <ParkingLotSection
        writer={writer}
        tools={tools}
        board={board}
        canWrite={canWrite}
        onFailed={onFailed}
      />
      <p className="meeting-notice" role="status" aria-live="polite">
        {failed ? t('meeting.notice.failed') : ''}
      </p>
    </aside>
  );
}
