import {
  type BoardState,
  clearRecordedRating,
  compareOrdered,
  type PersonId,
  recordRating,
  type ScaleId,
} from '@kinmap/model';
import { type FormEvent, useId, useMemo, useState } from 'react';
import type { BoardSession } from '../board/useBoard';
import { t } from '../lib/messages';
import { ScoreOptions } from './ScoreOptions';
import { type ScaleApiTarget, savePrivateRating, withdrawPrivateRating } from './scaleApi';

export interface RecordScoreFormProps {
  readonly scaleId: ScaleId;
  readonly board: BoardState;
  readonly session: BoardSession;
  /** This browser's key and the board: a private score goes to the server under the person's id. */
  readonly target: ScaleApiTarget;
  readonly isPrivate: boolean;
}

type Notice =
  | {
      readonly key: 'scale.record.saved' | 'scale.record.savedPrivately' | 'scale.record.withdrawn';
      readonly name: string;
    }
  | { readonly key: 'scale.record.failed' };

/**
 * Staff write down the score of someone in the room without a device — a child, a grandparent,
 * someone on a paper form — in their own name ("recorded by …", SPEC [AC47], [PR9]). While the scale
 * collects privately the score goes to the server only, like everyone's.
 */
export function RecordScoreForm({ scaleId, board, session, target, isPrivate }: RecordScoreFormProps) {
  const people = useMemo(() => Object.values(board.people).sort(compareOrdered), [board.people]);
  const formId = useId();
  const [personId, setPersonId] = useState<string>('');
  const [value, setValue] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const chosen = people.find((person) => person.id === personId) ?? people[0];
  if (chosen === undefined) return null;
  const recorded = !isPrivate && board.scales[scaleId]?.ratings[chosen.id] !== undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (value === null || saving) return;
    setSaving(true);
    const score = { value, reason };
    const ok = isPrivate
      ? (await savePrivateRating({ ...target, participantId: chosen.id }, scaleId, score)).ok
      : recordRating(session.doc, session.actor, scaleId, chosen.id as PersonId, score).ok;
    setSaving(false);
    setNotice(
      ok
        ? { key: isPrivate ? 'scale.record.savedPrivately' : 'scale.record.saved', name: chosen.name }
        : { key: 'scale.record.failed' },
    );
    if (ok) {
      setValue(null);
      setReason('');
    }
  };
  const withdraw = async () => {
    const ok = isPrivate
      ? (await withdrawPrivateRating({ ...target, participantId: chosen.id }, scaleId)).ok
      : clearRecordedRating(session.doc, session.actor, scaleId, chosen.id as PersonId).ok;
    setNotice(ok ? { key: 'scale.record.withdrawn', name: chosen.name } : { key: 'scale.record.failed' });
  };

  return (
    <form
      className="scale__form scale__record"
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${formId}-title`}
    >
      <h4 id={`${formId}-title`} className="scale__record-title">
        {t('scale.record.title')}
      </h4>
      <p className="hint">{t('scale.record.hint')}</p>
      <label>
        {t('scale.record.person')}
        <select value={chosen.id} onChange={(event) => setPersonId(event.currentTarget.value)}>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('scale.record.score', { name: chosen.name })}
        <select
          value={value === null ? '' : String(value)}
          onChange={(event) =>
            setValue(event.currentTarget.value === '' ? null : Number(event.currentTarget.value))
          }
        >
          <ScoreOptions />
        </select>
      </label>
      <label>
        {t('scale.record.reason', { name: chosen.name })}
        <textarea
          value={reason}
          maxLength={2000}
          rows={2}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
      </label>
      <div className="scale__buttons">
        <button type="submit" disabled={value === null || saving}>
          {saving ? t('scale.record.saving') : t('scale.record.save', { name: chosen.name })}
        </button>
        {(recorded || isPrivate) && (
          <button type="button" onClick={() => void withdraw()}>
            {t('scale.record.withdraw', { name: chosen.name })}
          </button>
        )}
      </div>
      <p className="scale__notice" role="status">
        {notice === null
          ? ''
          : notice.key === 'scale.record.failed'
            ? t(notice.key)
            : t(notice.key, { name: notice.name })}
      </p>
    </form>
  );
}
