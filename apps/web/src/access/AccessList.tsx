import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Me } from '../board/useBoard';
import { t } from '../lib/messages';
import {
  type BoardMember,
  type Invite,
  inviteAddress,
  listInvites,
  listMembers,
  removeMember,
  revokeInvite,
} from './inviteApi';
import { inviteStatusText, mayRemove, mayRevoke } from './inviteRules';
import { JoinSheet, LargeCode, type OpenLink } from './JoinSheet';
import { QrCode } from './QrCode';

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

/** Copies text; false when the browser refuses (no permission, insecure origin). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** One link: who it is for, its state, and — while open — the link, copy, QR code and revoke. */
function InviteRow({
  invite,
  me,
  members,
  onRevoke,
  onShowLarge,
}: {
  readonly invite: Invite;
  readonly me: Me;
  readonly members: ReadonlyMap<string, BoardMember>;
  readonly onRevoke: () => Promise<void>;
  readonly onShowLarge: (link: OpenLink) => void;
}) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const [confirming, setConfirming] = useState(false);
  const label = invite.label || t('invite.unlabelled');
  const address = invite.link ? inviteAddress(window.location.origin, invite.link) : null;
  const holder = invite.usedByMemberId ? members.get(invite.usedByMemberId) : undefined;
  const opened = invite.status === 'used' && holder !== undefined && holder.revokedAt === null;
  return (
    <li className="access-list__row access-list__invite" data-invite-status={invite.status}>
      <div className="access-list__who">
        <span>{t('invite.entry', { label, role: t(`role.${invite.role}`) })}</span>{' '}
        <span className="hint">{inviteStatusText(invite, members)}</span>
      </div>
      {address && (
        <div className="access-list__link">
          <QrCode text={address} label={t('invite.qrLabel', { label })} pixels={96} />
          <input
            readOnly
            data-role={invite.role}
            value={address}
            aria-label={t('invite.linkFor', { label })}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            aria-label={t('invite.copyFor', { label })}
            onClick={() => void copyText(address).then(setCopied)}
          >
            {t('invite.copy')}
          </button>
          <button
            type="button"
            aria-label={t('invite.showLargeFor', { label })}
            onClick={() => onShowLarge({ label, role: invite.role, address })}
          >
            {t('invite.showLarge')}
          </button>
          <span className="share-panel__copied" aria-live="polite">
            {copied === null ? '' : t(copied ? 'invite.copied' : 'invite.copyFailed')}
          </span>
        </div>
      )}
      {mayRevoke(me.role, invite) && !confirming && (
        <button
          type="button"
          aria-label={t('invite.revokeLabel', { label })}
          onClick={() => (opened ? setConfirming(true) : void onRevoke())}
        >
          {t('invite.revoke')}
        </button>
      )}
      {confirming && holder && (
        <span className="access-list__confirm">
          <span>{t('invite.revokeOpenedConfirm', { name: holder.displayName })}</span>{' '}
          <button type="button" onClick={() => void onRevoke().then(() => setConfirming(false))}>
            {t('invite.revokeOpenedYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('members.confirmNo')}
          </button>
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
  const [sheet, setSheet] = useState(false);
  const [large, setLarge] = useState<OpenLink | null>(null);

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
  const openLinks = useMemo<OpenLink[]>(
    () =>
      (lists?.invites ?? []).flatMap((invite) =>
        invite.status === 'open' && invite.link
          ? [
              {
                label: invite.label || t('invite.unlabelled'),
                role: invite.role,
                address: inviteAddress(window.location.origin, invite.link),
              },
            ]
          : [],
      ),
    [lists],
  );
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
      <div className="access-list__heading">
        <h3>{t('invite.list')}</h3>
        {openLinks.length > 0 && (
          <button type="button" onClick={() => setSheet(true)}>
            {t('invite.printSheet')}
          </button>
        )}
      </div>
      {lists && lists.invites.length === 0 && <p>{t('invite.none')}</p>}
      <ul>
        {[...(lists?.invites ?? [])].reverse().map((invite) => (
          <InviteRow
            key={invite.id}
            invite={invite}
            me={me}
            members={byId}
            onRevoke={() => revoke(invite)}
            onShowLarge={setLarge}
          />
        ))}
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
      {sheet && <JoinSheet links={openLinks} onClose={() => setSheet(false)} />}
      {large && <LargeCode link={large} onClose={() => setLarge(null)} />}
    </div>
  );
}
