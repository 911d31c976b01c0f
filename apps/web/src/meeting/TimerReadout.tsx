import { formatDuration, type MeetingToolsState, timerReading } from '@kinmap/model';
import { t } from '../lib/messages';
import { useTick } from './useMeetingTools';

export interface TimerReadoutProps {
  readonly tools: MeetingToolsState;
  readonly now: () => number;
  /** `wall`: the large strip on the wall screen; `panel`: the facilitator's panel. */
  readonly variant: 'wall' | 'panel';
}

/** The current agenda item and its remaining time, computed from the shared timer on this screen. */
export function TimerReadout({ tools, now, variant }: TimerReadoutProps) {
  useTick(tools.facilitation.runningSince !== null);
  const reading = timerReading(tools.facilitation, tools.agenda, now());
  if (reading.item === null) {
    return variant === 'panel' ? (
      <p className="meeting-timer meeting-timer--idle">{t('meeting.timer.nothing')}</p>
    ) : null;
  }
  const over = reading.remainingMs < 0;
  const time = formatDuration(reading.remainingMs);
  return (
    <section
      className={`meeting-timer meeting-timer--${variant}${over ? ' meeting-timer--over' : ''}`}
      aria-label={t('meeting.wall.now')}
      data-testid={`meeting-timer-${variant}`}
    >
      <span className="meeting-timer-now">{t('meeting.wall.now')}</span>
      <span className="meeting-timer-item" dir="auto">
        {reading.item.title}
      </span>
      {/* role=timer is not announced every second; the text says whether time is left or over. */}
      <span className="meeting-timer-time" role="timer">
        {over ? t('meeting.timer.over', { time }) : t('meeting.timer.left', { time })}
      </span>
      {!reading.running && <span className="meeting-timer-paused">{t('meeting.timer.paused')}</span>}
    </section>
  );
}
