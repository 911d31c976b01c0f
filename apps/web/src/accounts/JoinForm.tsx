import { type FormEvent, useState } from 'react';
import { t } from '../lib/messages';

export interface JoinFormProps {
  readonly busy: boolean;
  /** Shown under the field, e.g. when the connection failed and the person can try again. */
  readonly error: string | null;
  readonly onJoin: (name: string) => void;
}

const MAX_NAME = 100;

/** Asks for the name others will see before the person joins the board. */
export function JoinForm({ busy, error, onJoin }: JoinFormProps) {
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
      <form onSubmit={submit} noValidate>
        <label htmlFor="display-name">{t('join.name')}</label>
        <p id="display-name-hint" className="hint">
          {t('join.nameHint')}
        </p>
        <input
          id="display-name"
          name="displayName"
          autoComplete="name"
          maxLength={MAX_NAME}
          value={name}
          aria-describedby={message ? 'display-name-hint display-name-error' : 'display-name-hint'}
          aria-invalid={empty}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        {message && (
          <p id="display-name-error" className="error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t(busy ? 'join.joining' : 'join.submit')}
        </button>
      </form>
    </main>
  );
}
