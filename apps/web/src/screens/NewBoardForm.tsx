import { type FormEvent, useState } from 'react';
import { createBoard } from '../lib/api';
import { t } from '../lib/messages';
import { boardPath, navigate } from '../lib/router';

const MAX_TITLE = 200;

/** Starts a board: the staff member gives a case label and becomes its facilitator. */
export function NewBoardForm() {
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<'empty' | 'failed' | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const title = label.trim();
    if (title === '') {
      setError('empty');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await createBoard(title);
    setBusy(false);
    if (!result.ok) {
      setError('failed');
      return;
    }
    navigate(boardPath(result.value.id));
  };

  return (
    <>
      <h2>{t('landing.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="case-label">{t('landing.caseLabel')}</label>
        <p id="case-label-hint" className="hint">
          {t('landing.caseLabelHint')}
        </p>
        <input
          id="case-label"
          name="caseLabel"
          autoComplete="off"
          maxLength={MAX_TITLE}
          value={label}
          aria-describedby="case-label-hint"
          aria-invalid={error === 'empty'}
          onChange={(e) => setLabel(e.currentTarget.value)}
        />
        {error && (
          <p className="error" role="alert">
            {t(error === 'empty' ? 'landing.emptyLabel' : 'landing.error')}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t(busy ? 'landing.creating' : 'landing.create')}
        </button>
      </form>
    </>
  );
}
