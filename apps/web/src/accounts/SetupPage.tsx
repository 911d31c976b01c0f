import { type FormEvent, useEffect, useState } from 'react';
import { FormField, FormProblem, SubmitButton } from '../lib/FormField';
import { t } from '../lib/messages';
import { navigate } from '../lib/router';
import { clearFragment, readFragmentValue } from '../lib/storage';
import { ProblemPage } from '../screens/ProblemPage';
import { setUpAdministrator } from './accountApi';
import { type Problem, problemText, setupProblem } from './problems';

const MIN_PASSWORD = 10;

/**
 * `/setup#code=…`: the link the server prints on its first start. The code is taken out of the
 * address bar at once; the administrator is signed in when the form succeeds.
 */
export function SetupPage() {
  const [code] = useState(() => readFragmentValue(window.location.hash, 'code'));
  useEffect(clearFragment, []);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  if (code === null) return <ProblemPage message="setup.noCode" />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || email.trim() === '' || password === '') {
      setProblem({ key: 'setup.empty' });
      return;
    }
    if (password.length < MIN_PASSWORD) {
      setProblem({ key: 'setup.shortPassword' });
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await setUpAdministrator({
      code,
      email: email.trim(),
      displayName: name.trim(),
      password,
    });
    setBusy(false);
    if (result.ok) navigate('/', { replace: true });
    else setProblem(setupProblem(result));
  };

  return (
    <main className="page page--narrow">
      <h1>{t('app.name')}</h1>
      <h2>{t('setup.title')}</h2>
      <p>{t('setup.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormField
          id="setup-name"
          label={t('setup.name')}
          type="text"
          autoComplete="name"
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <FormField
          id="setup-email"
          label={t('setup.email')}
          type="email"
          autoComplete="username"
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <FormField
          id="setup-password"
          label={t('setup.password')}
          type="password"
          autoComplete="new-password"
          maxLength={256}
          hint={t('setup.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <FormProblem>{problem && problemText(problem)}</FormProblem>
        <SubmitButton busy={busy} label={t('setup.submit')} busyLabel={t('setup.busy')} />
      </form>
    </main>
  );
}
