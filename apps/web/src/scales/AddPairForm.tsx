import { addPair } from '@kinmap/model';
import { type FormEvent, useState } from 'react';
import type { BoardSession } from '../board/useBoard';
import { t } from '../lib/messages';

/** Adds a worry (danger statement) and its safety goal as a new pair with its own scale. */
export function AddPairForm({ session }: { session: BoardSession }) {
  const [dangerStatement, setDangerStatement] = useState('');
  const [safetyGoal, setSafetyGoal] = useState('');
  const [failed, setFailed] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = addPair(session.doc, session.actor, { dangerStatement, safetyGoal });
    setFailed(!result.ok);
    if (result.ok) {
      setDangerStatement('');
      setSafetyGoal('');
    }
  };
  return (
    <form className="scale__add-pair" onSubmit={onSubmit}>
      <h3>{t('scale.addPair')}</h3>
      <label>
        {t('scale.newDangerStatement')}
        <textarea
          value={dangerStatement}
          rows={2}
          onChange={(event) => setDangerStatement(event.target.value)}
        />
      </label>
      <label>
        {t('scale.newSafetyGoal')}
        <textarea value={safetyGoal} rows={2} onChange={(event) => setSafetyGoal(event.target.value)} />
      </label>
      <button type="submit" disabled={dangerStatement.trim() === '' || safetyGoal.trim() === ''}>
        {t('scale.addPairButton')}
      </button>
      {failed && (
        <p className="scale__notice" role="alert">
          {t('scale.addPairFailed')}
        </p>
      )}
    </form>
  );
}
