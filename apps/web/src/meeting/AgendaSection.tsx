import {
  addAgendaItem,
  type MeetingToolsState,
  may,
  moveAgendaItem,
  nextAgendaItem,
  pauseTimer,
  type Result,
  removeAgendaItem,
  setCurrentAgendaItem,
  startTimer,
} from '@kinmap/model';
import { type FormEvent, useState } from 'react';
import type { BoardWriter } from '../editing/boardActions';
import { t } from '../lib/messages';
import { TimerReadout } from './TimerReadout';

export interface AgendaSectionProps {
  readonly writer: BoardWriter | null;
  readonly tools: MeetingToolsState;
  readonly now: () => number;
  /** The board is open to this person's writing (not locked for them). */
  readonly canWrite: boolean;
  readonly onFailed: () => void;
}

/**
 * The agenda: staff prepare it ([AC40]); the facilitator runs it — start, pause, next item, go to
 * an item ([AC41]). Everyone sees the current item and its remaining time.
 */
export function AgendaSection({ writer, tools, now, canWrite, onFailed }: AgendaSectionProps) {
  const role = writer?.actor.role ?? 'viewer';
  const canPrepare = canWrite && may(role, 'AC40');
  const canRun = canWrite && may(role, 'AC41');
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('10');
  const { agenda, facilitation } = tools;
  const running = facilitation.runningSince !== null;

  const apply = (write: (w: BoardWriter) => Result<unknown>) => {
    if (writer === null) return;
    if (!write(writer).ok) onFailed();
  };
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    const count = Number.parseInt(minutes, 10);
    if (title.trim() === '' || !Number.isInteger(count)) return;
    apply((w) => addAgendaItem(w.doc, w.actor, { title: title.trim(), minutes: count }));
    setTitle('');
  };

  return (
    <section className="meeting-section" aria-labelledby="meeting-agenda-title">
      <h2 id="meeting-agenda-title">{t('meeting.agenda.title')}</h2>
      <TimerReadout tools={tools} now={now} variant="panel" />
      {canRun && agenda.length > 0 && (
        <div className="meeting-actions">
          {running ? (
            <button type="button" onClick={() => apply((w) => pauseTimer(w.doc, w.actor, { now: now() }))}>
              {t('meeting.timer.pause')}
            </button>
          ) : (
            <button
              type="button"
              className="meeting-primary"
              onClick={() => apply((w) => startTimer(w.doc, w.actor, { now: now() }))}
            >
              {facilitation.currentItemId === null ? t('meeting.timer.start') : t('meeting.timer.resume')}
            </button>
          )}
          {facilitation.currentItemId !== null && (
            <button
              type="button"
              onClick={() => apply((w) => nextAgendaItem(w.doc, w.actor, { now: now() }))}
            >
              {t('meeting.timer.next')}
            </button>
          )}
        </div>
      )}
      {agenda.length === 0 ? (
        <p className="meeting-empty">{t('meeting.agenda.empty')}</p>
      ) : (
        <ol className="meeting-agenda">
          {agenda.map((item, index) => {
            const current = item.id === facilitation.currentItemId;
            return (
              <li
                key={item.id}
                className={`meeting-agenda-item${current ? ' is-current' : ''}${item.done ? ' is-done' : ''}`}
                aria-current={current ? 'step' : undefined}
              >
                <span className="meeting-agenda-title" dir="auto">
                  {item.title}
                </span>
                <span className="meeting-agenda-meta">
                  {current
                    ? t('meeting.agenda.now')
                    : item.done
                      ? t('meeting.agenda.done')
                      : t('meeting.agenda.planned', { minutes: item.minutes })}
                </span>
                <span className="meeting-agenda-buttons">
                  {canRun && !current && (
                    <button
                      type="button"
                      aria-label={t('meeting.agenda.makeCurrent', { title: item.title })}
                      onClick={() => apply((w) => setCurrentAgendaItem(w.doc, w.actor, item.id))}
                    >
                      ▶
                    </button>
                  )}
                  {canPrepare && index > 0 && (
                    <button
                      type="button"
                      aria-label={t('meeting.agenda.moveUp', { title: item.title })}
                      onClick={() => apply((w) => moveAgendaItem(w.doc, w.actor, item.id, index - 1))}
                    >
                      ↑
                    </button>
                  )}
                  {canPrepare && (
                    <button
                      type="button"
                      aria-label={t('meeting.agenda.remove', { title: item.title })}
                      onClick={() => apply((w) => removeAgendaItem(w.doc, w.actor, item.id))}
                    >
                      ×
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {canPrepare && (
        <form className="meeting-add meeting-add--agenda" onSubmit={onAdd}>
          <label>
            {t('meeting.agenda.itemTitle')}
            <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="meeting-minutes">
            {t('meeting.agenda.minutes')}
            <input
              type="number"
              min={1}
              max={600}
              inputMode="numeric"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          </label>
          <button type="submit">{t('meeting.agenda.add')}</button>
        </form>
      )}
    </section>
  );
}
