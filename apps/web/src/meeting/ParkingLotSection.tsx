import {
  addCard,
  addParkingItem,
  type BoardState,
  MEETING_TOOL_LIMITS,
  type MeetingToolsState,
  may,
  ownValue,
  type ParkingItemState,
  type Result,
  removeParkingItem,
  resolveParkingItem,
} from '@kinmap/model';
import { type FormEvent, useState } from 'react';
import type { BoardWriter } from '../editing/boardActions';
import { t } from '../lib/messages';

export interface ParkingLotSectionProps {
  readonly writer: BoardWriter | null;
  readonly tools: MeetingToolsState;
  readonly board: BoardState;
  readonly canWrite: boolean;
  readonly onFailed: () => void;
}

/**
 * Things to come back to. Anyone taking part parks one in their own words ([AC42]) and may take
 * their own back ([AC43]); staff mark items dealt with or make them a next step ([AC44]). The lot
 * is in the shared document, seen by everyone: never a place for professionals-only content.
 */
export function ParkingLotSection({ writer, tools, board, canWrite, onFailed }: ParkingLotSectionProps) {
  const role = writer?.actor.role ?? 'viewer';
  const me = writer?.actor.participantId;
  const canAdd = canWrite && may(role, 'AC42');
  const canHandle = canWrite && may(role, 'AC44');
  const [text, setText] = useState('');
  const open = tools.parkingLot.filter((item) => !item.resolved);
  const resolved = tools.parkingLot.filter((item) => item.resolved);

  const apply = (write: (w: BoardWriter) => Result<unknown>) => {
    if (writer === null) return;
    if (!write(writer).ok) onFailed();
  };
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    apply((w) => addParkingItem(w.doc, w.actor, text.trim()));
    setText('');
  };
  const toNextStep = (item: ParkingItemState) =>
    apply((w) => {
      const added = addCard(w.doc, w.actor, { category: 'nextStep', text: item.text });
      return added.ok ? resolveParkingItem(w.doc, w.actor, item.id, true) : added;
    });

  const byline = (item: ParkingItemState) => {
    const name = ownValue(board.participants, item.authorId)?.displayName || t('meeting.parking.someone');
    return t('meeting.parking.by', { name, role: t(`role.${item.authorRole}`) });
  };
  const row = (item: ParkingItemState) => (
    <li key={item.id} className={`meeting-parking-item${item.resolved ? ' is-done' : ''}`}>
      <span className="meeting-parking-text" dir="auto">
        {item.text}
      </span>
      <span className="meeting-parking-by" dir="auto">
        {byline(item)}
      </span>
      <span className="meeting-parking-buttons">
        {canHandle && !item.resolved && (
          <button type="button" onClick={() => toNextStep(item)}>
            {t('meeting.parking.toCard')}
          </button>
        )}
        {canHandle && (
          <button
            type="button"
            onClick={() => apply((w) => resolveParkingItem(w.doc, w.actor, item.id, !item.resolved))}
          >
            {item.resolved ? t('meeting.parking.reopen') : t('meeting.parking.resolve')}
          </button>
        )}
        {canWrite && item.authorId === me && may(role, 'AC43') && !canHandle && (
          <button type="button" onClick={() => apply((w) => removeParkingItem(w.doc, w.actor, item.id))}>
            {t('meeting.parking.withdraw')}
          </button>
        )}
      </span>
    </li>
  );

  return (
    <section className="meeting-section" aria-labelledby="meeting-parking-title">
      <h2 id="meeting-parking-title">{t('meeting.parking.title')}</h2>
      <p className="meeting-hint">{t('meeting.parking.hint')}</p>
      {open.length === 0 ? (
        <p className="meeting-empty">{t('meeting.parking.empty')}</p>
      ) : (
        <ul className="meeting-parking">{open.map(row)}</ul>
      )}
      {resolved.length > 0 && (
        <details className="meeting-parking-resolved">
          <summary>{t('meeting.parking.resolvedTitle', { count: resolved.length })}</summary>
          <ul className="meeting-parking">{resolved.map(row)}</ul>
        </details>
      )}
      {canAdd && (
        <form className="meeting-add" onSubmit={onAdd}>
          <label>
            {t('meeting.parking.label')}
            <textarea
              rows={2}
              dir="auto"
              value={text}
              maxLength={MEETING_TOOL_LIMITS.parkingText}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <button type="submit">{t('meeting.parking.add')}</button>
        </form>
      )}
    </section>
  );
}
