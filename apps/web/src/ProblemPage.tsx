import type { MessageKey } from './messages';
import { t } from './messages';
import { navigate } from './router';

/** A full-page explanation when the board cannot be shown, with a way back to the start. */
export function ProblemPage({ message }: { readonly message: MessageKey }) {
  return (
    <main className="page page--narrow">
      <h1>{t('app.name')}</h1>
      <p role="alert">{t(message)}</p>
      <p>
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          {t('app.backHome')}
        </a>
      </p>
    </main>
  );
}
