import type { Role } from '@kinmap/model';
import { useEffect, useRef } from 'react';
import { t } from '../lib/messages';
import { QrCode } from './QrCode';

/** An open link as the sheet and the large view show it. */
export interface OpenLink {
  readonly label: string;
  readonly role: Role;
  readonly address: string;
}

/** Closes on Escape and takes focus when it opens, as a dialog should. */
function useDialog(onClose: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return ref;
}

/**
 * The printable join sheet: one block per open link (name, role, QR code, link) and nothing else
 * of the board; the print style sheet hides the rest of the page (access.css).
 */
export function JoinSheet({
  links,
  onClose,
}: {
  readonly links: readonly OpenLink[];
  readonly onClose: () => void;
}) {
  const ref = useDialog(onClose);
  useEffect(() => {
    document.body.classList.add('printing-join-sheet');
    return () => document.body.classList.remove('printing-join-sheet');
  }, []);
  return (
    <div
      ref={ref}
      className="join-sheet"
      role="dialog"
      aria-modal="true"
      aria-labelledby="join-sheet-title"
      tabIndex={-1}
    >
      <div className="join-sheet__bar">
        <h2 id="join-sheet-title">{t('invite.sheetTitle')}</h2>
        <p className="hint">{t('invite.sheetHint')}</p>
        <button type="button" onClick={() => window.print()}>
          {t('invite.print')}
        </button>
        <button type="button" onClick={onClose}>
          {t('invite.close')}
        </button>
      </div>
      <ul className="join-sheet__people">
        {links.map((link) => (
          <li key={link.address} className="join-sheet__person">
            <p className="join-sheet__name">{link.label}</p>
            <p className="join-sheet__role">{t(`role.${link.role}`)}</p>
            <QrCode text={link.address} label={t('invite.qrLabel', { label: link.label })} pixels={180} />
            <p className="join-sheet__how">{t('invite.sheetHow')}</p>
            <p className="join-sheet__link">{link.address}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * One person's link as a large QR code over the whole screen, for the screen the room can see: the
 * person scans it from their seat. Shown on this device only; the link is never sent to other
 * screens (everything sent to the board reaches every member).
 */
export function LargeCode({ link, onClose }: { readonly link: OpenLink; readonly onClose: () => void }) {
  const ref = useDialog(onClose);
  return (
    <div
      ref={ref}
      className="large-code"
      role="dialog"
      aria-modal="true"
      aria-labelledby="large-code-title"
      tabIndex={-1}
    >
      <h2 id="large-code-title">{t('invite.largeTitle', { label: link.label })}</h2>
      <p className="large-code__role">{t('invite.largeRole', { role: t(`role.${link.role}`) })}</p>
      <QrCode
        text={link.address}
        label={t('invite.qrLabel', { label: link.label })}
        className="large-code__qr"
      />
      <p className="large-code__how">{t('invite.largeHow')}</p>
      <button type="button" onClick={onClose}>
        {t('invite.close')}
      </button>
    </div>
  );
}
