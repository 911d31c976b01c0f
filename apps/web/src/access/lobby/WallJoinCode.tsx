import { t } from '../../lib/messages';
import { QrCode } from '../QrCode';
import { joinCodeAddress, type LobbyCode } from './lobbyApi';

/** The QR code's side on the wall, in CSS pixels: scannable from the back of a room. */
const WALL_QR_PIXELS = 420;

/**
 * On the wall, while the facilitator shows a join code: a large QR code and the short address to
 * type, over the board. The code only lets someone ask to join; the facilitator lets each person
 * in (docs/SECURITY.md "The wall's join code").
 */
export function WallJoinCode({ code }: { readonly code: LobbyCode }) {
  const address = joinCodeAddress(window.location.origin, code);
  return (
    <div className="wall-join" data-testid="wall-join">
      <section className="wall-join__card" aria-labelledby="wall-join-title">
        <h2 id="wall-join-title" className="wall-join__title">
          {t('lobby.wallTitle')}
        </h2>
        <div className="wall-join__body">
          <QrCode
            text={address}
            label={t('lobby.wallQrLabel')}
            pixels={WALL_QR_PIXELS}
            className="wall-join__qr"
          />
          <div className="wall-join__words">
            <p className="wall-join__how">{t('lobby.wallScan')}</p>
            <p className="wall-join__or">{t('lobby.wallOr')}</p>
            <p className="wall-join__url" data-join-url={address}>
              {window.location.host}
              <wbr />
              <span className="wall-join__path">{code.link}</span>
            </p>
            <p className="wall-join__how">{t('lobby.wallThen')}</p>
          </div>
        </div>
      </section>
    </div>
  );
}
