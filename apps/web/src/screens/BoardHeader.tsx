import { ConnectionStatus } from '../board/ConnectionStatus';
import type { ConnectionState } from '../board/connection';
import { ParticipantList } from '../board/presence/ParticipantList';
import type { Presence } from '../board/presence/presence';
import { t } from '../lib/messages';
import { navigate } from '../lib/router';

export interface BoardHeaderProps {
  readonly title: string;
  readonly status: ConnectionState;
  /** This person's changes the server has not confirmed yet. */
  readonly unsaved?: number;
  readonly people: readonly Presence[];
  readonly myParticipantId: string;
  /** Absent when this person may not invite anyone. */
  readonly invite?: { readonly open: boolean; readonly toggle: () => void };
  /** Signs this device out (everyone, family included: a borrowed phone must be left clean). */
  readonly onSignOut?: () => void;
}

/** The strip above the board: the case, whether it is up to date, and who is here. */
export function BoardHeader({
  title,
  status,
  unsaved = 0,
  people,
  myParticipantId,
  invite,
  onSignOut,
}: BoardHeaderProps) {
  return (
    <header className="board-header">
      <a
        className="brand"
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        {t('app.name')}
      </a>
      <h1 className="board-title">{title}</h1>
      <ConnectionStatus status={status} unsaved={unsaved} />
      <ParticipantList people={people} myParticipantId={myParticipantId} />
      {invite && (
        <button
          type="button"
          className="share-toggle"
          aria-expanded={invite.open}
          aria-controls="invite-panel"
          onClick={invite.toggle}
        >
          {t('invite.toggle')}
        </button>
      )}
      {onSignOut && (
        <button type="button" className="sign-out" onClick={onSignOut}>
          {t('home.signOut')}
        </button>
      )}
    </header>
  );
}
