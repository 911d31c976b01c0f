import type { MessageKey } from '../lib/messages';
import { t } from '../lib/messages';
import { navigate } from '../lib/router';

function AppLink({ path, label }: { readonly path: string; readonly label: MessageKey }) {
  return (
    <a
      href={path}
      onClick={(e) => {
        e.preventDefault();
        navigate(path);
      }}
    >
      {t(label)}
    </a>
  );
}

/** A full-page explanation when the board cannot be shown, with a way back to the start. */
export function ProblemPage({
  message,
  signIn = false,
}: {
  readonly message: MessageKey;
  /** Also offers staff the sign-in page. */
  readonly signIn?: boolean;
}) {
  return (
    <main className="page page--narrow">
      <h1>{t('app.name')}</h1>
      <p role="alert">{t(message)}</p>
      {signIn && (
        <p>
          <AppLink path="/signin" label="signIn.title" />
        </p>
      )}
      <p>
        <AppLink path="/" label="app.backHome" />
      </p>
    </main>
  );
}
