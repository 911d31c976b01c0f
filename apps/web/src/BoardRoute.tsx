import { newId } from '@kinmap/model';
import { useEffect, useMemo, useState } from 'react';
import { type ApiResult, type BoardAccess, fetchBoardAccess } from './api';
import { BoardScreen } from './BoardScreen';
import { JoinForm } from './JoinForm';
import { type MessageKey, t } from './messages';
import { ProblemPage } from './ProblemPage';
import {
  hasJoined,
  type KeyValueStore,
  loadBoardToken,
  loadDisplayName,
  loadParticipantId,
  markJoined,
  readTokenFromHash,
  safeStore,
  saveBoardToken,
  saveDisplayName,
} from './session';

/**
 * Takes the token from the link's fragment, keeps it for this tab (so a reload works) and removes
 * it from the address bar, where it could be copied or shoulder-surfed.
 */
function takeToken(store: KeyValueStore, boardId: string): string | null {
  const fromLink = readTokenFromHash(window.location.hash);
  if (fromLink) {
    saveBoardToken(store, boardId, fromLink);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return fromLink ?? loadBoardToken(store, boardId);
}

const ACCESS_PROBLEMS: Readonly<Record<string, MessageKey>> = {
  unauthorized: 'join.badToken',
  forbidden: 'join.badToken',
  'not-found': 'join.notFound',
  failed: 'join.failed',
};

/** The `/b/:boardId` page: checks the link, asks for a name, then shows the board. */
export function BoardRoute({ boardId }: { readonly boardId: string }) {
  const tabStore = useMemo(() => safeStore(() => window.sessionStorage), []);
  const browserStore = useMemo(() => safeStore(() => window.localStorage), []);
  const [token] = useState(() => takeToken(tabStore, boardId));
  const [access, setAccess] = useState<ApiResult<BoardAccess> | null>(null);
  const [name, setName] = useState<string | null>(() => {
    const remembered = loadDisplayName(browserStore);
    return hasJoined(tabStore, boardId) && remembered !== '' ? remembered : null;
  });
  const participantId = useMemo(() => loadParticipantId(browserStore, newId), [browserStore]);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    void fetchBoardAccess(boardId, token).then((result) => {
      if (!cancelled) setAccess(result);
    });
    return () => {
      cancelled = true;
    };
  }, [boardId, token]);

  if (!token) return <ProblemPage message="join.noToken" />;
  if (!access) {
    return (
      <main className="page page--narrow">
        <p role="status">{t('join.loading')}</p>
      </main>
    );
  }
  if (!access.ok) return <ProblemPage message={ACCESS_PROBLEMS[access.reason] ?? 'join.failed'} />;
  const { role, title } = access.value;
  if (name === null) {
    const join = (chosen: string) => {
      saveDisplayName(browserStore, chosen);
      markJoined(tabStore, boardId);
      setName(chosen);
    };
    return <JoinForm title={title} role={role} initialName={loadDisplayName(browserStore)} onJoin={join} />;
  }
  return <BoardScreen boardId={boardId} token={token} title={title} me={{ participantId, name, role }} />;
}
