import { type FormEvent, useEffect, useState } from 'react';
import { t } from '../lib/messages';
import { navigate } from '../lib/router';
import { clearFragment, readFragmentValue } from '../lib/storage';
import { ProblemPage } from '../screens/ProblemPage';
import { type Problem, problemText, setupProblem } from '../screens/problems';
import { setUpAdministrator } from './accountApi';

const MIN_PASSWORD = 10;

/** Text fields of the first-run form, each with its label. */
function Field(props: {
  readonly id: string;
  readonly label: string;
  readonly type?: string;
  readonly autoComplete: string;
  readonly maxLength: number;
  readonly value: string;
  readonly hint?: string;
  readonly onChange: (value: string) => void;
}) {
  const hintId = `${props.id}-hint`;
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        value={props.value}
        {...(props.hint ? { 'aria-describedby': hintId } : {})}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    </>
  );
}

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
        <Field
          id="setup-name"
          label={t('setup.name')}
          autoComplete="name"
          maxLength={100}
          value={name}
          onChange={setName}
        />
        <Field
          id="setup-email"
          label={t('setup.email')}
          type="email"
          autoComplete="username"
          maxLength={254}
          value={email}
          onChange={setEmail}
        />
        <Field
          id="setup-password"
          label={t('setup.password')}
          type="password"
          autoComplete="new-password"
          maxLength={256}
          hint={t('setup.passwordHint')}
          value={password}
          onChange={setPassword}
        />
        {problem && (
          <p className="error" role="alert">
            {problemText(problem)}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t(busy ? 'setup.busy' : 'setup.submit')}
        </button>
      </form>
    </main>
  );
}
