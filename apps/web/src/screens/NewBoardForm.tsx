import { type FormEvent, useState } from 'react';
import { createBoard } from '../lib/api';
import { FormField, FormProblem, SubmitButton } from '../lib/FormField';
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
        <FormField
          id="case-label"
          label={t('landing.caseLabel')}
          hint={t('landing.caseLabelHint')}
          name="caseLabel"
          autoComplete="off"
          maxLength={MAX_TITLE}
          value={label}
          aria-invalid={error === 'empty'}
          onChange={(e) => setLabel(e.currentTarget.value)}
        />
        <FormProblem>{error && t(error === 'empty' ? 'landing.emptyLabel' : 'landing.error')}</FormProblem>
        <SubmitButton busy={busy} label={t('landing.create')} busyLabel={t('landing.creating')} />
      </form>
    </>
  );
}
