import { useCallback, useEffect, useState } from 'react';
import { ConfirmButton } from '../lib/ConfirmButton';
import { FormProblem } from '../lib/FormField';
import { t } from '../lib/messages';
import { navigate } from '../lib/router';
import { ProblemPage } from '../screens/ProblemPage';
import { fetchMe, type StaffUser } from './accountApi';
import { AddStaffForm, NewPasswordForm } from './StaffForms';
import { listStaff, type StaffAccount, setStaffDisabled } from './staffApi';

type State =
  | { readonly state: 'loading' }
  | { readonly state: 'refused' }
  | { readonly state: 'failed' }
  | { readonly state: 'ready'; readonly me: StaffUser; readonly accounts: readonly StaffAccount[] };

/**
 * `/staff`: an administrator's list of staff accounts (SPEC [SA1]–[SA3]): add one, disable or
 * enable it, set a new password. Anyone else is told this page is for administrators.
 */
export function StaffPage() {
  const [page, setPage] = useState<State>({ state: 'loading' });
  const load = useCallback(async () => {
    const me = await fetchMe();
    const user = me.ok ? me.value.user : null;
    if (!user?.isAdmin) return setPage({ state: 'refused' });
    const accounts = await listStaff();
    setPage(accounts.ok ? { state: 'ready', me: user, accounts: accounts.value } : { state: 'failed' });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (page.state === 'refused') return <ProblemPage message="staff.adminsOnly" />;
  return (
    <main className="page page--narrow staff-page">
      <p>
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          {t('staff.back')}
        </a>
      </p>
      <h1>{t('staff.title')}</h1>
      <p>{t('staff.intro')}</p>
      {page.state === 'loading' && <p role="status">{t('home.loading')}</p>}
      {page.state === 'failed' && <FormProblem>{t('staff.loadFailed')}</FormProblem>}
      {page.state === 'ready' && (
        <>
          <ul className="staff-list" aria-label={t('staff.listLabel')}>
            {page.accounts.map((account) => (
              <StaffRow
                key={account.id}
                account={account}
                isMe={account.id === page.me.id}
                onChanged={() => void load()}
              />
            ))}
          </ul>
          <AddStaffForm onAdded={() => void load()} />
        </>
      )}
    </main>
  );
}

function StaffRow({
  account,
  isMe,
  onChanged,
}: {
  readonly account: StaffAccount;
  readonly isMe: boolean;
  readonly onChanged: () => void;
}) {
  const [settingPassword, setSettingPassword] = useState(false);
  const [note, setNote] = useState<'staff.passwordSet' | 'staff.protected' | 'staff.failed' | null>(null);
  const disabled = account.disabledAt !== null;

  const setDisabled = async (value: boolean) => {
    setNote(null);
    const result = await setStaffDisabled(account.id, value);
    if (result.ok) onChanged();
    else setNote(result.reason === 'conflict' ? 'staff.protected' : 'staff.failed');
  };

  return (
    <li className={`staff-row${disabled ? ' staff-row--disabled' : ''}`} aria-label={account.displayName}>
      <div className="staff-row__who">
        <strong>{account.displayName}</strong>
        <span className="staff-row__email">{account.email}</span>
        <span className="staff-row__tags">
          {account.isAdmin && <span className="tag">{t('staff.admin')}</span>}
          {isMe && <span className="tag">{t('staff.you')}</span>}
          {disabled && <span className="tag tag--warning">{t('staff.disabled')}</span>}
        </span>
      </div>
      {settingPassword ? (
        <NewPasswordForm
          account={account}
          onDone={(changed) => {
            setSettingPassword(false);
            setNote(changed ? 'staff.passwordSet' : null);
          }}
        />
      ) : (
        <div className="staff-actions">
          <button type="button" className="secondary" onClick={() => setSettingPassword(true)}>
            {t('staff.setPasswordFor', { name: account.displayName })}
          </button>
          {disabled ? (
            <button type="button" className="secondary" onClick={() => void setDisabled(false)}>
              {t('staff.enable', { name: account.displayName })}
            </button>
          ) : (
            !isMe && (
              <ConfirmButton
                label={t('staff.disable', { name: account.displayName })}
                question={t('staff.disableQuestion', { name: account.displayName })}
                yes={t('staff.disableYes')}
                no={t('staff.cancel')}
                danger
                onConfirm={() => void setDisabled(true)}
              />
            )
          )}
        </div>
      )}
      {note && (
        <p
          role={note === 'staff.passwordSet' ? 'status' : 'alert'}
          className={note === 'staff.passwordSet' ? 'staff-done' : 'error'}
        >
          {t(note, { name: account.displayName })}
        </p>
      )}
    </li>
  );
}
