import { Monitor, Pause, Play } from 'lucide-react';
import type { Rect } from '../canvas/geometry';
import { t } from '../lib/messages';

export interface WallControlProps {
  /** The wall follows the facilitator's view as it moves (default), or holds what was sent. */
  readonly live: boolean;
  readonly onLive: (live: boolean) => void;
  readonly onSend: () => void;
}

/**
 * A facilitator's control of the wall screen, shown while a wall is on the board: the wall
 * follows their view live (like a presenter's screen mirrored), or, with "Hold the wall" pressed,
 * keeps showing what they last sent while they look elsewhere ("Send this view to the wall").
 */
export function WallControl({ live, onLive, onSend }: WallControlProps) {
  return (
    <span className="toolbar__group wall-control">
      <span className="wall-control__state">
        <Monitor aria-hidden="true" size={18} />
        {t(live ? 'map.wallFollowsYou' : 'map.wallHeld')}
      </span>
      <button type="button" aria-pressed={!live} onClick={() => onLive(!live)}>
        {live ? <Pause aria-hidden="true" size={16} /> : <Play aria-hidden="true" size={16} />}
        {t('map.holdWall')}
      </button>
      {!live && (
        <button type="button" onClick={onSend}>
          {t('map.sendToWall')}
        </button>
      )}
    </span>
  );
}

/** Where the wall's view is on this board (board units), drawn over the scaled board surface. */
export function WallOutline({ rect, scale }: { readonly rect: Rect; readonly scale: number }) {
  return (
    <div
      className="map-wall-outline"
      data-testid="wall-outline"
      style={{
        left: rect.x * scale,
        top: rect.y * scale,
        width: rect.width * scale,
        height: rect.height * scale,
      }}
    >
      <span className="map-wall-outline__label">{t('map.onTheWall')}</span>
    </div>
  );
}
