import { formatLobbyCode, parseLobbyCode } from '@kinmap/protocol';
import { type FormEvent, useEffect, useState } from 'react';
import { FormField, FormProblem, SubmitButton } from '../../lib/FormField';
import { type MessageKey, t } from '../../lib/messages';
import { boardPath, navigate } from '../../lib/router';
import { clearFragment } from '../../lib/storage';
import { openInvite } from '../inviteApi';
import { askToJoin, requestStatus } from './lobbyApi';

/** How often a waiting phone asks whether it was let in. */
const POLL_MS = 2000;
/** This tab's request, so a phone that reloads the page keeps its place (the tab's storage only). */
const STORE_KEY = 'kinmap.lobbyRequest';

interface Waiting {
  readonly token: string;
  readonly name: string;
}

type Stage =
  | { readonly kind: 'form' }
  | { readonly kind: 'waiting'; readonly request: Waiting }
  | { readonly kind: 'joining' }
  | { readonly kind: 'over'; readonly message: MessageKey };

function storedRequest(): Waiting | null {
  try {
    const value: unknown = JSON.parse(window.sessionStorage.getItem(STORE_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { token, name } = value as Record<string, unknown>;
    return typeof token === 'string' && typeof name === 'string' ? { token, name } : null;
  } catch {
    return null;
  }
}

function store(request: Waiting | null): void {
  try {
    if (request) window.sessionStorage.setItem(STORE_KEY, JSON.stringify(request));
    else window.sessionStorage.removeItem(STORE_KEY);
  } catch {
    // Private mode without storage: the page still works until it is reloaded.
  }
}

/**
 * `/ask#ABCDE-FGHJK`: the page the wall's QR code opens. The person gives their name (and, if they
 * like, who they are) and waits; nothing of the board is here until the facilitator lets them in,
 * then the page opens the one-person invite the server made for this device and the board opens.
 */
export function AskToJoinPage() {
  const [fromLink] = useState(() => parseLobbyCode(window.location.hash));
  useEffect(clearFragment, []);
  const [stage, setStage] = useState<Stage>(() => {
    const request = storedRequest();
    return request ? { kind: 'waiting', request } : { kind: 'form' };
  });

  useEffect(() => {
    if (stage.kind !== 'waiting') return;
    let live = true;
    const { token, name } = stage.request;
    const check = async () => {
      const result = await requestStatus(token);
      if (!live) return;
      if (!result.ok) {
        // Gone (expired or never known): over. A network blip or a busy server: ask again later.
        if (result.reason === 'not-found' || result.reason === 'invalid') {
          store(null);
          setStage({ kind: 'over', message: 'lobby.ended' });
        }
        return;
      }
      if (result.value.status === 'declined') {
        store(null);
        setStage({ kind: 'over', message: 'lobby.declined' });
      } else if (result.value.status === 'admitted' && result.value.invite) {
        live = false;
        setStage({ kind: 'joining' });
        const secret = result.value.invite.split('#invite=')[1] ?? '';
        const opened = await openInvite(secret, name);
        store(null);
        if (opened.ok) navigate(boardPath(opened.value.boardId), { replace: true });
        else setStage({ kind: 'over', message: 'lobby.joinFailed' });
      }
    };
    void check();
    const timer = window.setInterval(() => void check(), POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [stage]);

  return (
    <main className="page page--narrow ask-page">
      <h1>{t('lobby.askTitle')}</h1>
      {stage.kind === 'form' && (
        <AskForm
          code={fromLink}
          onAsked={(request) => {
            store(request);
            setStage({ kind: 'waiting', request });
          }}
        />
      )}
      {stage.kind === 'waiting' && (
        <section className="ask-page__waiting" data-testid="ask-waiting">
          <p role="status" className="ask-page__status">
            {t('lobby.waiting', { name: stage.request.name })}
          </p>
          <p>{t('lobby.waitingHint')}</p>
        </section>
      )}
      {stage.kind === 'joining' && (
        <p role="status" className="ask-page__status">
          {t('lobby.joining')}
        </p>
      )}
      {stage.kind === 'over' && (
        <p role="alert" className="ask-page__status" data-testid="ask-over">
          {t(stage.message)}
        </p>
      )}
    </main>
  );
}

const MAX_NAME = 100;
const MAX_ABOUT = 60;

function AskForm({
  code,
  onAsked,
}: {
  readonly code: string | null;
  readonly onAsked: (request: Waiting) => void;
}) {
  const [typedCode, setTypedCode] = useState('');
  const [name, setName] = useState('');
  const [about, setAbout] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const joinCode = code ?? parseLobbyCode(typedCode);
    if (joinCode === null) return setProblem('lobby.badCode');
    if (trimmed === '') return setProblem('join.emptyName');
    setBusy(true);
    setProblem(null);
    const result = await askToJoin({
      code: joinCode,
      name: trimmed,
      ...(about.trim() ? { about: about.trim() } : {}),
    });
    setBusy(false);
    if (result.ok) onAsked({ token: result.value.token, name: trimmed });
    else if (result.reason === 'not-found') setProblem('lobby.codeEnded');
    else if (result.reason === 'rate-limited') setProblem('lobby.tooMany');
    else setProblem('lobby.askFailed');
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('lobby.askIntro')}</p>
      {code === null ? (
        <FormField
          id="ask-code"
          label={t('lobby.codeLabel')}
          hint={t('lobby.codeHint')}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={20}
          value={typedCode}
          onChange={(e) => setTypedCode(e.currentTarget.value)}
        />
      ) : (
        <p className="hint">{t('lobby.codeFromWall', { code: formatLobbyCode(code) })}</p>
      )}
      <FormField
        id="ask-name"
        label={t('join.name')}
        hint={t('lobby.nameHint')}
        name="displayName"
        autoComplete="name"
        maxLength={MAX_NAME}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <FormField
        id="ask-about"
        label={t('lobby.aboutLabel')}
        hint={t('lobby.aboutHint')}
        maxLength={MAX_ABOUT}
        value={about}
        onChange={(e) => setAbout(e.currentTarget.value)}
      />
      <FormProblem id="ask-problem">{problem && t(problem)}</FormProblem>
      <SubmitButton busy={busy} label={t('lobby.askSubmit')} busyLabel={t('lobby.sending')} />
    </form>
  );
}
