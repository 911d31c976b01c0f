import type { ConnectionState } from './connection';
import { t } from './messages';

const LABELS = {
  connecting: 'status.connecting',
  connected: 'status.connected',
  synced: 'status.synced',
  offline: 'status.offline',
  denied: 'status.denied',
  ended: 'status.ended',
} as const;

/** Says in words whether what you see is up to date; the dot's colour only repeats it. */
export function ConnectionStatus({ status }: { readonly status: ConnectionState }) {
  return (
    <p className={`connection-status connection-status--${status}`} role="status" data-status={status}>
      <span className="connection-status__dot" aria-hidden="true" />
      {t(LABELS[status])}
    </p>
  );
}
