import { type MessageKey, t } from '../lib/messages';

/** Tells the person a change of theirs was refused and the board was loaded again. */
export function RejectionNotice({
  message,
  onDismiss,
}: {
  readonly message: MessageKey;
  readonly onDismiss: () => void;
}) {
  return (
    <div className="rejection-notice" role="alert">
      <span>{t(message)}</span>{' '}
      <button type="button" onClick={onDismiss}>
        {t('rejected.dismiss')}
      </button>
    </div>
  );
}
