import { type FormEvent, useState } from 'react';
import { FormField, FormProblem, SubmitButton } from '../lib/FormField';
import { t } from '../lib/messages';
import { type StaffUser, signIn } from './accountApi';
import { type Problem, problemText, signInProblem } from './problems';

/** Email and password for staff; family and network members are told to use their own link. */
export function SignInForm({ onSignedIn }: { readonly onSignedIn: (user: StaffUser) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (email.trim() === '' || password === '') {
      setProblem({ key: 'signIn.empty' });
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await signIn(email.trim(), password);
    setBusy(false);
    if (!result.ok) {
      setProblem(signInProblem(result));
      return;
    }
    setPassword('');
    onSignedIn(result.value);
  };

  return (
    <>
      <h2>{t('signIn.title')}</h2>
      <p className="hint">{t('signIn.staffOnly')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormField
          id="sign-in-email"
          label={t('signIn.email')}
          name="email"
          type="email"
          autoComplete="username"
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <FormField
          id="sign-in-password"
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          maxLength={256}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <FormProblem>{problem && problemText(problem)}</FormProblem>
        <SubmitButton busy={busy} label={t('signIn.submit')} busyLabel={t('signIn.busy')} />
      </form>
      <p className="sign-in__guests">{t('signIn.guests')}</p>
    </>
  );
}
