import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Me } from '../board/useBoard';
import { t } from '../lib/messages';
import {
  type BoardMember,
  type Invite,
  listInvites,
  listMembers,
  removeMember,
  revokeInvite,
} from './inviteApi';
import { inviteStatusText, mayRemove, mayRevoke } from './inviteRules';

/** How often the lists are asked for again while open, so "opened by …" shows without a reload. */
const REFRESH_MS = 5000;

interface Lists {
  readonly invites: readonly Invite[];
  readonly members: readonly BoardMember[];
}

function MemberRow({
  member,
  me,
  onRemove,
}: {
  readonly member: BoardMember;
  readonly me: Me;
  readonly onRemove: () => Promise<boolean>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const name =
    member.id === me.participantId ? t('members.you', { name: member.displayName }) : member.displayName;
  return (
    <li className="access-list__row">
      <span>{t('members.entry', { name, role: t(`role.${member.role}`) })}</span>
      {member.revokedAt !== null && <span className="hint"> {t('members.ended')}</span>}
      {mayRemove(me.role, member, me.participantId) && !confirming && (
        <button
          type="button"
          aria-label={t('members.removeLabel', { name: member.displayName })}
          onClick={() => setConfirming(true)}
        >
          {t('members.remove')}
        </button>
      )}
      {confirming && (
        <span className="access-list__confirm">
          <span>{t('members.confirm', { name: member.displayName })}</span>{' '}
          <button
            type="button"
            onClick={() =>
              void onRemove().then((ok) => {
                setFailed(!ok);
                setConfirming(false);
              })
            }
          >
            {t('members.confirmYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('members.confirmNo')}
          </button>
        </span>
      )}
      {failed && (
        <span className="error" role="alert">
          {t('members.removeFailed')}
        </span>
      )}
    </li>
  );
}

/** The links sent for this board and the people who have access, with revoke and remove. */
export function AccessList({
  boardId,
  me,
  version,
}: {
  readonly boardId: string;
  readonly me: Me;
  readonly version: number;
}) {
  const [lists, setLists] = useState<Lists | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [revokeFailed, setRevokeFailed] = useState(false);

  const load = useCallback(async () => {
    const [invites, members] = await Promise.all([listInvites(boardId), listMembers(boardId)]);
    setLoadFailed(!invites.ok || !members.ok);
    if (invites.ok && members.ok) setLists({ invites: invites.value, members: members.value });
  }, [boardId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` asks for the lists again after a change here
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load, version]);

  const byId = useMemo(() => new Map((lists?.members ?? []).map((m) => [m.id, m])), [lists]);
  const revoke = async (invite: Invite) => {
    const result = await revokeInvite(boardId, invite.id);
    setRevokeFailed(!result.ok);
    await load();
  };
  const remove = async (member: BoardMember) => {
    const result = await removeMember(boardId, member.id);
    await load();
    return result.ok;
  };

  return (
    <div className="access-list">
      {loadFailed && (
        <p className="error" role="alert">
          {t('members.loadFailed')}
        </p>
      )}
      <h3>{t('invite.list')}</h3>
      {lists && lists.invites.length === 0 && <p>{t('invite.none')}</p>}
      <ul>
        {[...(lists?.invites ?? [])].reverse().map((invite) => {
          const label = invite.label || t('invite.unlabelled');
          return (
            <li key={invite.id} className="access-list__row" data-invite-status={invite.status}>
              <span>{t('invite.entry', { label, role: t(`role.${invite.role}`) })}</span>{' '}
              <span className="hint">{inviteStatusText(invite, byId)}</span>
              {mayRevoke(me.role, invite) && (
                <button
                  type="button"
                  aria-label={t('invite.revokeLabel', { label })}
                  onClick={() => void revoke(invite)}
                >
                  {t('invite.revoke')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {revokeFailed && (
        <p className="error" role="alert">
          {t('invite.revokeFailed')}
        </p>
      )}
      <h3>{t('members.title')}</h3>
      <ul>
        {(lists?.members ?? []).map((member) => (
          <MemberRow key={member.id} member={member} me={me} onRemove={() => remove(member)} />
        ))}
      </ul>
    </div>
  );
}
