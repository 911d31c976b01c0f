import { useEffect, useState } from 'react';
import { fetchBoardAccess } from '../lib/api';
import { t } from '../lib/messages';
import { boardPath, navigate } from '../lib/router';
import type { SignedIn } from './accountApi';

/**
 * Home for a family or network member's device (no staff account): the boards this device was
 * invited to, and signing out, which a borrowed phone or a shared computer needs.
 */
export function GuestHome({ me, onSignOut }: { readonly me: SignedIn; readonly onSignOut: () => void }) {
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void Promise.all(
      me.members.map(async (m) => {
        const access = await fetchBoardAccess(m.boardId);
        return [m.boardId, access.ok ? access.value.title : ''] as const;
      }),
    ).then((pairs) => {
      if (live) setTitles(new Map(pairs));
    });
    return () => {
      live = false;
    };
  }, [me.members]);
  return (
    <section className="guest-home" aria-labelledby="guest-home-title">
      <h2 id="guest-home-title">{t('guest.title')}</h2>
      <ul>
        {me.members.map((m) => (
          <li key={m.id}>
            <a
              href={boardPath(m.boardId)}
              onClick={(e) => {
                e.preventDefault();
                navigate(boardPath(m.boardId));
              }}
            >
              {titles.get(m.boardId) || t('guest.untitled')}
            </a>{' '}
            <span className="hint">{t('guest.as', { name: m.displayName, role: t(`role.${m.role}`) })}</span>
          </li>
        ))}
      </ul>
      <p>
        <button type="button" onClick={onSignOut}>
          {t('home.signOut')}
        </button>
      </p>
      <p className="hint">{t('guest.signOutHint')}</p>
    </section>
  );
}
