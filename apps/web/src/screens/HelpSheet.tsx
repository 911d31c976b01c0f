import { X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { t } from '../lib/messages';
import { SHORTCUTS } from '../map/shortcuts';

export interface HelpSheetProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

/**
 * The `?` sheet: every keyboard shortcut of the board, from the same list the buttons' tooltips
 * use. A modal dialog: focus stays inside (the browser makes the rest of the page inert), Escape
 * closes it, and focus goes back to where it was.
 */
export function HelpSheet({ open, onClose }: HelpSheetProps) {
  const ref = useRef<HTMLDialogElement | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="help-sheet"
      aria-labelledby="help-sheet-title"
      onClose={() => {
        onClose();
        const back = returnTo.current;
        returnTo.current = null;
        if (back?.isConnected) back.focus();
      }}
    >
      <div className="help-sheet__head">
        <h2 id="help-sheet-title">{t('keys.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('keys.close')}
          onClick={() => ref.current?.close()}
        >
          <X aria-hidden="true" size={20} />
        </button>
      </div>
      <p className="hint">{t('keys.intro')}</p>
      <table className="help-sheet__table">
        <thead>
          <tr>
            <th scope="col">{t('keys.key')}</th>
            <th scope="col">{t('keys.action')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(SHORTCUTS).map(([id, entry]) => (
            <tr key={id}>
              <td>
                <kbd>{entry.shown}</kbd>
              </td>
              <td>{t(entry.what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
