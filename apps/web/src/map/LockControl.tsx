import { t } from '../lib/messages';

export interface LockControlProps {
  readonly locked: boolean;
  /** [AC10] Facilitators lock and unlock. */
  readonly canLock: boolean;
  /** [AC11] Staff keep writing a locked board; family and network do not. */
  readonly canWriteLocked: boolean;
  readonly onLock: (locked: boolean) => void;
}

/** The board's lock: shown to everyone while locked, with the facilitator's button. */
export function LockControl({ locked, canLock, canWriteLocked, onLock }: LockControlProps) {
  if (!locked && !canLock) return null;
  return (
    <div className={locked ? 'lock-bar lock-bar--locked' : 'lock-bar'} role="status" aria-live="polite">
      {locked && <span>{t(canWriteLocked ? 'lock.lockedStaff' : 'lock.lockedGuest')}</span>}
      {canLock && (
        <button type="button" aria-pressed={locked} onClick={() => onLock(!locked)}>
          {t(locked ? 'lock.unlock' : 'lock.lock')}
        </button>
      )}
    </div>
  );
}
