import { ConnectionStatus } from './ConnectionStatus';
import type { ConnectionState } from './connection';
import { t } from './messages';
import { ParticipantList } from './ParticipantList';
import type { Presence } from './presence';
import { navigate } from './router';

export interface BoardHeaderProps {
  readonly title: string;
  readonly status: ConnectionState;
  readonly people: readonly Presence[];
  readonly myParticipantId: string;
  /** Absent when this person has no share links to show. */
  readonly share?: { readonly open: boolean; readonly toggle: () => void };
}

/** The strip above the board: the case, whether it is up to date, and who is here. */
export function BoardHeader({ title, status, people, myParticipantId, share }: BoardHeaderProps) {
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
      <ConnectionStatus status={status} />
      <ParticipantList people={people} myParticipantId={myParticipantId} />
      {share && (
        <button type="button" className="share-toggle" aria-expanded={share.open} onClick={share.toggle}>
          {t('share.toggle')}
        </button>
      )}
    </header>
  );
}
