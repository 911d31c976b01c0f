import { useEffect, useState } from 'react';
import { t } from '../../lib/messages';
import { LOBBY_CHANGED, notifyLobbyChanged, readLobby, showJoinCode } from './lobbyApi';

/**
 * "Show a join code on the wall", in the invite panel of a facilitator ([AU20]). Disabled while a
 * code is up (the answer desk then offers "Hide"); the desk and the wall pick the new code up.
 */
export function JoinCodeButton({ boardId }: { readonly boardId: string }) {
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const read = () =>
      void readLobby(boardId).then((result) => {
        if (live && result.ok) setShown(result.value.code !== null);
      });
    read();
    window.addEventListener(LOBBY_CHANGED, read);
    return () => {
      live = false;
      window.removeEventListener(LOBBY_CHANGED, read);
    };
  }, [boardId]);
  const show = async () => {
    setBusy(true);
    setFailed(false);
    const result = await showJoinCode(boardId);
    setBusy(false);
    if (result.ok) notifyLobbyChanged();
    else setFailed(true);
  };
  return (
    <>
      <p>
        <button type="button" disabled={busy || shown} onClick={() => void show()}>
          {t('lobby.show')}
        </button>{' '}
        <span className="hint">{t('lobby.showHint')}</span>
      </p>
      {failed && (
        <p className="error" role="alert">
          {t('lobby.failed')}
        </p>
      )}
    </>
  );
}
