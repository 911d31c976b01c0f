import { may, type Role } from '@kinmap/model';
import type { Peer } from '../board/presence/presence';
import { t } from '../lib/messages';

export interface FollowPickerProps {
  readonly peers: readonly Peer[];
  readonly following: number | null;
  readonly onFollow: (clientId: number | null) => void;
  readonly myRole: Role;
  readonly onSummon: () => void;
  /** Only one of the two controls (the top bar has the choice, the menu the summons). */
  readonly show?: 'follow' | 'summon';
}

/** Choose someone whose view this screen follows; a facilitator can also bring everyone to their view. */
export function FollowPicker({ peers, following, onFollow, myRole, onSummon, show }: FollowPickerProps) {
  const others = peers.filter((p) => p.viewport).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      {show !== 'summon' && (
        <label className="toolbar__group">
          <span>{t('map.follow')}</span>
          <select
            name="follow"
            value={following === null ? '' : String(following)}
            onChange={(e) => onFollow(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
          >
            <option value="">{t('map.followNobody')}</option>
            {others.map((peer) => (
              <option key={peer.clientId} value={String(peer.clientId)}>
                {t('map.followPerson', { name: peer.name, role: t(`role.${peer.role}`) })}
              </option>
            ))}
          </select>
        </label>
      )}
      {show !== 'follow' && may(myRole, 'A4') && (
        <button type="button" onClick={onSummon}>
          {t('map.bringEveryone')}
        </button>
      )}
    </>
  );
}
