import type { Role } from '@kinmap/model';
import { type FormEvent, useState } from 'react';
import { t } from './messages';

export interface JoinFormProps {
  readonly title: string;
  readonly role: Role;
  readonly initialName: string;
  readonly onJoin: (name: string) => void;
}

const MAX_NAME = 80;

/** Asks for the name others will see before the person joins the board. */
export function JoinForm({ title, role, initialName, onJoin }: JoinFormProps) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setError(true);
      return;
    }
    onJoin(trimmed);
  };
  return (
    <main className="page page--narrow">
      <h1>{t('join.title')}</h1>
      <p className="board-name">{title}</p>
      <p>{t('join.role', { role: t(`role.${role}`) })}</p>
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
          aria-describedby={error ? 'display-name-hint display-name-error' : 'display-name-hint'}
          aria-invalid={error}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        {error && (
          <p id="display-name-error" className="error" role="alert">
            {t('join.emptyName')}
          </p>
        )}
        <button type="submit">{t('join.submit')}</button>
      </form>
    </main>
  );
}
