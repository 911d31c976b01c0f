import { useCallback, useEffect, useRef, useState } from 'react';
import { type InvitePreview, openInvite, previewInvite } from '../access/inviteApi';
import { t } from '../lib/messages';
import { boardPath, navigate } from '../lib/router';
import { clearFragment, readFragmentValue } from '../lib/storage';
import { isProjectorLink } from '../map/projector';
import { ProblemPage } from '../screens/ProblemPage';
import { JoinForm } from './JoinForm';
import { joinProblem, type Problem, problemText } from './problems';

/**
 * `/join#invite=…`: a personal invite link. The secret is read once and taken out of the address
 * bar; the person gives their name, the server binds the link to them on this device (cookie) and
 * the board opens. A wall-screen link (`?projector`) joins at once as "Wall screen": nobody types
 * a name on the meeting room's computer in front of everyone.
 */
export function JoinPage() {
  const [invite] = useState(() => readFragmentValue(window.location.hash, 'invite'));
  const [projector] = useState(() => isProjectorLink(window.location.search));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // undefined: still asking; null: the preview could not be had (the form still works).
  const [preview, setPreview] = useState<InvitePreview | null | undefined>(undefined);
  useEffect(clearFragment, []);

  // What the link opens, before the person gives their name (the server says only the board's
  // title, the inviter's name and the role, and only for a link that still works).
  useEffect(() => {
    if (invite === null || projector) return;
    let live = true;
    void previewInvite(invite).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result.value);
      else {
        const found = joinProblem(result);
        setPreview(null);
        if (found.key !== 'join.failed') setProblem(found);
      }
    });
    return () => {
      live = false;
    };
  }, [invite, projector]);

  const join = useCallback(
    async (name: string) => {
      if (invite === null) return;
      setBusy(true);
      setProblem(null);
      const result = await openInvite(invite, name);
      setBusy(false);
      if (result.ok) navigate(boardPath(result.value.boardId, { projector }), { replace: true });
      else setProblem(joinProblem(result));
    },
    [invite, projector],
  );

  // Once only, even under React's development double effects.
  const wallJoined = useRef(false);
  useEffect(() => {
    if (!projector || invite === null || wallJoined.current) return;
    wallJoined.current = true;
    void join(t('projector.wallName'));
  }, [projector, invite, join]);

  if (invite === null) return <ProblemPage message="join.noInvite" />;
  if (problem && problem.key !== 'join.failed') {
    return (
      <main className="page page--narrow">
        <h1>{t('join.title')}</h1>
        <p role="alert">{problemText(problem)}</p>
      </main>
    );
  }
  if (projector && !problem) {
    return (
      <main className="page page--narrow">
        <p role="status">{t('join.loading')}</p>
      </main>
    );
  }
  if (preview === undefined) {
    return (
      <main className="page page--narrow">
        <h1>{t('join.title')}</h1>
        <p role="status">{t('join.checking')}</p>
      </main>
    );
  }
  return (
    <JoinForm
      busy={busy}
      error={problem ? problemText(problem) : null}
      onJoin={(name) => void join(name)}
      intro={preview ? <JoinIntro preview={preview} /> : null}
    />
  );
}

/** Which board, who invited them, their role and what they will see, in plain words. */
function JoinIntro({ preview }: { readonly preview: InvitePreview }) {
  return (
    <section className="join-intro" aria-label={t('join.title')}>
      <p className="join-intro__board">{t('join.board', { title: preview.boardTitle })}</p>
      <p>
        {preview.inviterName ? t('join.inviter', { name: preview.inviterName }) : t('join.inviterUnknown')}
      </p>
      <p className="join-intro__role">{t('join.role', { role: t(`role.${preview.role}`) })}</p>
      <p>{t(`join.sees.${preview.role}`)}</p>
      <p>{t('join.othersSee')}</p>
      {preview.alreadyJoined && <p>{t('join.alreadyJoined')}</p>}
    </section>
  );
}
