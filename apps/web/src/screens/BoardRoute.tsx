import { useEffect, useState } from 'react';
import { fetchMe, memberName, type SignedIn } from '../accounts/accountApi';
import { type ApiResult, type BoardAccess, fetchBoardAccess } from '../lib/api';
import { type MessageKey, t } from '../lib/messages';
import { type LocalFallback, localFallback } from '../offline/localFallback';
import { BoardScreen } from './BoardScreen';
import { ProblemPage } from './ProblemPage';

type Opened = {
  readonly access: ApiResult<BoardAccess>;
  readonly me: ApiResult<SignedIn>;
  /** This device's copy: opened when the server cannot be reached, wiped when it refuses. */
  readonly local: LocalFallback;
};

/** Why a board does not open, in the words the person needs to act on it. */
export function accessProblem(access: ApiResult<BoardAccess>): MessageKey | null {
  if (access.ok) return null;
  switch (access.reason) {
    case 'unauthorized':
    case 'forbidden':
      return 'join.noAccess';
    case 'not-found':
      return 'join.notFound';
    default:
      return 'join.failed';
  }
}

/**
 * The `/b/:boardId` page: the session cookie says who this person is on the board (role and
 * member id from the server); their name comes from their member record, never typed here.
 */
export function BoardRoute({ boardId }: { readonly boardId: string }) {
  const [opened, setOpened] = useState<Opened | null>(null);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([fetchBoardAccess(boardId), fetchMe()]).then(([access, me]) => {
      if (!cancelled) setOpened({ access, me, local: localFallback(boardId, access) });
    });
    return () => {
      cancelled = true;
    };
  }, [boardId]);

  if (!opened) {
    return (
      <main className="page page--narrow">
        <p role="status">{t('join.loading')}</p>
      </main>
    );
  }
  const { access, me, local } = opened;
  if (local.open) {
    const { memberId, name, role } = local.open;
    const offlineMe = { participantId: memberId, name, role };
    return <BoardScreen boardId={boardId} title="" me={offlineMe} />;
  }
  const problem = accessProblem(access);
  if (!access.ok || problem) {
    const message = local.lostUnsaved ? 'offline.endedUnsaved' : (problem ?? 'join.failed');
    return <ProblemPage message={message} signIn={problem === 'join.noAccess'} />;
  }
  const { role, title, memberId } = access.value;
  const name = (me.ok ? memberName(me.value, memberId) : null) ?? t(`role.${role}`);
  return <BoardScreen boardId={boardId} title={title} me={{ participantId: memberId, name, role }} />;
}
