import { LOBBY_ROLES, type Role } from '@kinmap/model';
import { useState } from 'react';
import { t } from '../../lib/messages';
import type { LobbyStateResponse } from './lobbyApi';
import type { LobbyControls } from './useLobby';

const timeOf = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * The facilitator's answer desk for the wall's join code: whether the code is on the wall (and
 * until when, with "Hide"), and each person asking to join — their name, who they say they are, a
 * role (family, network or viewer: never a staff role) and "Let in" / "Decline". Shown only while
 * the code is up or someone is waiting.
 */
export function LobbyDock({
  lobby,
  state,
}: {
  readonly lobby: LobbyControls;
  readonly state: LobbyStateResponse;
}) {
  const { code, requests } = state;
  return (
    <section className="lobby-dock" aria-labelledby="lobby-dock-title" data-testid="lobby-dock">
      <h2 id="lobby-dock-title" className="lobby-dock__title" aria-live="polite">
        {requests.length > 0 ? t('lobby.asking', { count: requests.length }) : t('lobby.nobody')}
      </h2>
      {code ? (
        <p className="lobby-dock__code">
          <span>{t('lobby.onWall', { code: code.code, time: timeOf(code.expiresAt) })}</span>{' '}
          <button type="button" disabled={lobby.busy} onClick={lobby.hide}>
            {t('lobby.hide')}
          </button>
        </p>
      ) : (
        <p className="lobby-dock__code">
          <span>{t('lobby.hidden')}</span>{' '}
          <button type="button" disabled={lobby.busy} onClick={lobby.show}>
            {t('lobby.showAgain')}
          </button>
        </p>
      )}
      {requests.length > 0 && (
        <ul className="lobby-dock__people">
          {requests.map((request) => (
            <LobbyPerson key={request.id} request={request} lobby={lobby} />
          ))}
        </ul>
      )}
      {lobby.failed && (
        <p className="error" role="alert">
          {t('lobby.failed')}
        </p>
      )}
    </section>
  );
}

function LobbyPerson({
  request,
  lobby,
}: {
  readonly request: LobbyStateResponse['requests'][number];
  readonly lobby: LobbyControls;
}) {
  const [role, setRole] = useState<Role>('family');
  const selectId = `lobby-role-${request.id}`;
  return (
    <li className="lobby-dock__person" data-testid="lobby-person">
      <p className="lobby-dock__name">
        <bdi>{request.name}</bdi>
        {request.about && (
          <>
            {' – '}
            <bdi className="lobby-dock__about">{request.about}</bdi>
          </>
        )}
      </p>
      <div className="lobby-dock__actions">
        <label htmlFor={selectId}>{t('lobby.as')}</label>
        <select id={selectId} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {LOBBY_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="lobby-dock__admit"
          disabled={lobby.busy}
          aria-label={t('lobby.admitLabel', { name: request.name })}
          onClick={() => lobby.admit(request.id, role)}
        >
          {t('lobby.admit')}
        </button>
        <button
          type="button"
          disabled={lobby.busy}
          aria-label={t('lobby.declineLabel', { name: request.name })}
          onClick={() => lobby.decline(request.id)}
        >
          {t('lobby.decline')}
        </button>
      </div>
    </li>
  );
}
