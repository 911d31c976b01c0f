import { useCallback, useEffect, useState } from 'react';
import { t } from '../lib/messages';
import { navigate } from '../lib/router';
import { NewBoardForm } from '../screens/NewBoardForm';
import { fetchMe, type SignedIn, signOut } from './accountApi';
import { BoardList } from './BoardList';
import { GuestHome } from './GuestHome';
import { SignInForm } from './SignInForm';

type Who = { readonly state: 'loading' } | { readonly state: 'known'; readonly me: SignedIn | null };

/**
 * The start page (`/` and `/signin`): a signed-in staff member sees their boards and starts new
 * ones; anyone else sees the sign-in form and, for families, where their way in is.
 */
export function Landing() {
  const [who, setWho] = useState<Who>({ state: 'loading' });
  const load = useCallback(() => {
    let cancelled = false;
    void fetchMe().then((result) => {
      if (!cancelled) setWho({ state: 'known', me: result.ok ? result.value : null });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  useEffect(load, [load]);

  const user = who.state === 'known' ? (who.me?.user ?? null) : null;
  // A family or network member's device: their boards and sign-out, not the staff sign-in form.
  const guest = who.state === 'known' && who.me && !user && who.me.members.length > 0 ? who.me : null;
  return (
    <main className="page page--narrow">
      <h1>{t('app.name')}</h1>
      <p>{t('app.tagline')}</p>
      {who.state === 'loading' && <p role="status">{t('home.loading')}</p>}
      {guest && <GuestHome me={guest} onSignOut={() => void signOut().then(load)} />}
      {who.state === 'known' && !user && !guest && <SignInForm onSignedIn={load} />}
      {user && (
        <>
          <p className="signed-in">
            {t('home.signedInAs', { name: user.displayName })}{' '}
            <button type="button" onClick={() => void signOut().then(load)}>
              {t('home.signOut')}
            </button>
          </p>
          {user.isAdmin && (
            <p>
              <a
                href="/staff"
                onClick={(e) => {
                  e.preventDefault();
                  navigate('/staff');
                }}
              >
                {t('staff.link')}
              </a>
            </p>
          )}
          <NewBoardForm />
          <BoardList />
        </>
      )}
    </main>
  );
}
