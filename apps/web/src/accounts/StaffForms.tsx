import { type FormEvent, useState } from 'react';
import { FormField, FormProblem, SubmitButton } from '../lib/FormField';
import { t } from '../lib/messages';
import { addStaff, resetStaffPassword, type StaffAccount } from './staffApi';

const MIN_PASSWORD = 10;

type StaffProblem =
  | 'staff.empty'
  | 'staff.shortPassword'
  | 'staff.invalid'
  | 'staff.emailTaken'
  | 'staff.failed'
  | null;

/** "Add a staff account": name, email, a first password passed on in person, and admin or not. */
export function AddStaffForm({ onAdded }: { readonly onAdded: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<StaffProblem>(null);
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    if (name.trim() === '' || email.trim() === '' || password === '') return setProblem('staff.empty');
    if (password.length < MIN_PASSWORD) return setProblem('staff.shortPassword');
    setBusy(true);
    setProblem(null);
    const result = await addStaff({ email: email.trim(), displayName: name.trim(), password, isAdmin });
    setBusy(false);
    if (!result.ok) {
      setProblem(
        result.reason === 'conflict'
          ? 'staff.emailTaken'
          : result.reason === 'invalid'
            ? 'staff.invalid'
            : 'staff.failed',
      );
      return;
    }
    setAdded(result.value.displayName);
    setName('');
    setEmail('');
    setPassword('');
    setIsAdmin(false);
    onAdded();
  };

  return (
    <form className="staff-add" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="staff-add-title">
      <h2 id="staff-add-title">{t('staff.addTitle')}</h2>
      <FormField
        id="staff-name"
        label={t('staff.name')}
        type="text"
        autoComplete="off"
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <FormField
        id="staff-email"
        label={t('staff.email')}
        type="email"
        autoComplete="off"
        maxLength={254}
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
      />
      <FormField
        id="staff-password"
        label={t('staff.password')}
        hint={t('staff.passwordHint')}
        type="password"
        autoComplete="new-password"
        maxLength={256}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
      />
      <div className="checkbox">
        <input
          id="staff-admin"
          type="checkbox"
          checked={isAdmin}
          onChange={(e) => setIsAdmin(e.currentTarget.checked)}
        />
        <label htmlFor="staff-admin">{t('staff.makeAdmin')}</label>
      </div>
      <FormProblem>{problem && t(problem)}</FormProblem>
      {added && (
        <p role="status" className="staff-done">
          {t('staff.added', { name: added })}
        </p>
      )}
      <SubmitButton busy={busy} label={t('staff.addSubmit')} busyLabel={t('staff.busy')} />
    </form>
  );
}

/** "Set a new password" for one account: it replaces the old one and signs the person out everywhere. */
export function NewPasswordForm({
  account,
  onDone,
}: {
  readonly account: StaffAccount;
  readonly onDone: (changed: boolean) => void;
}) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<StaffProblem>(null);
  const id = `staff-new-password-${account.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password === '') return setProblem('staff.empty');
    if (password.length < MIN_PASSWORD) return setProblem('staff.shortPassword');
    setBusy(true);
    setProblem(null);
    const result = await resetStaffPassword(account.id, password);
    setBusy(false);
    if (result.ok) onDone(true);
    else setProblem(result.reason === 'invalid' ? 'staff.invalid' : 'staff.failed');
  };

  return (
    <form className="staff-password" onSubmit={(e) => void submit(e)} noValidate>
      <FormField
        id={id}
        label={t('staff.newPassword', { name: account.displayName })}
        hint={t('staff.newPasswordHint')}
        type="password"
        autoComplete="new-password"
        maxLength={256}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
      />
      <FormProblem>{problem && t(problem)}</FormProblem>
      <div className="staff-actions">
        <SubmitButton busy={busy} label={t('staff.setPassword')} busyLabel={t('staff.busy')} />
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          {t('staff.cancel')}
        </button>
      </div>
    </form>
  );
}
