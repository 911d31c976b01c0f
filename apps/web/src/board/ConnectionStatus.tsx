import { t } from '../lib/messages';
import { type ConnectionState, connectionWords } from './connection';

/**
 * Says in words whether what you see is up to date, and how many of your changes are not saved
 * yet; the dot's colour only repeats it.
 */
export function ConnectionStatus({
  status,
  unsaved = 0,
}: {
  readonly status: ConnectionState;
  readonly unsaved?: number;
}) {
  const words = connectionWords(status, unsaved);
  const saving = unsaved > 0 && (status === 'synced' || status === 'connected');
  return (
    <p
      className={`connection-status connection-status--${saving ? 'saving' : status}`}
      role="status"
      data-status={status}
      data-unsaved={unsaved}
    >
      <span className="connection-status__dot" aria-hidden="true" />
      {words.count === undefined ? t(words.key) : t(words.key, { count: words.count })}
    </p>
  );
}
