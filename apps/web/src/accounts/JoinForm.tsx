import { type FormEvent, type ReactNode, useState } from 'react';
import { FormField, FormProblem, SubmitButton } from '../lib/FormField';
import { t } from '../lib/messages';

export interface JoinFormProps {
  readonly busy: boolean;
  /** Shown under the field, e.g. when the connection failed and the person can try again. */
  readonly error: string | null;
  readonly onJoin: (name: string) => void;
  /** What the person is joining (board, inviter, role, what they will see), above the form. */
  readonly intro?: ReactNode;
}

const MAX_NAME = 100;

/** Asks for the name others will see before the person joins the board. */
export function JoinForm({ busy, error, onJoin, intro }: JoinFormProps) {
  const [name, setName] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    setEmpty(trimmed === '');
    if (trimmed !== '') onJoin(trimmed);
  };
  const message = empty ? t('join.emptyName') : error;
  return (
    <main className="page page--narrow">
      <h1>{t('join.title')}</h1>
      {intro}
      <form onSubmit={submit} noValidate>
        <FormField
          id="display-name"
          label={t('join.name')}
          hint={t('join.nameHint')}
          describedBy={message ? 'display-name-error' : null}
          name="displayName"
          autoComplete="name"
          maxLength={MAX_NAME}
          value={name}
          aria-invalid={empty}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <FormProblem id="display-name-error">{message}</FormProblem>
        <SubmitButton busy={busy} label={t('join.submit')} busyLabel={t('join.joining')} />
      </form>
    </main>
  );
}
