import type { Role } from '@kinmap/model';
import { type FormEvent, useState } from 'react';
import type { Me } from '../board/useBoard';
import { ROLE_COLORS } from '../canvas/colors';
import { FormField, FormProblem, SubmitButton } from '../lib/FormField';
import { t } from '../lib/messages';
import { AccessList } from './AccessList';
import { createInvite, inviteAddress } from './inviteApi';
import { DEFAULT_EXPIRY_DAYS, EXPIRY_DAYS, invitableRoles } from './inviteRules';

interface CreatedLink {
  readonly address: string;
  readonly label: string;
  readonly role: Role;
}

/** The new link, shown once, with a copy button and what the person must know about it. */
function NewLink({ link }: { readonly link: CreatedLink }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.address);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (no permission, insecure origin): the link is on screen.
      setCopied(false);
    }
  };
  const heading = link.label
    ? t('invite.created', { name: link.label })
    : t('invite.createdForRole', { role: t(`role.${link.role}`) });
  return (
    <div className="invite-panel__created">
      <p className="invite-panel__created-for">{heading}</p>
      <div className="share-panel__row">
        <input
          readOnly
          data-role={link.role}
          value={link.address}
          aria-label={t('invite.linkLabel')}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={() => void copy()}>
          {t('invite.copy')}
        </button>
        <span className="share-panel__copied" aria-live="polite">
          {copied === null ? '' : t(copied ? 'invite.copied' : 'invite.copyFailed')}
        </span>
      </div>
      <p className="hint">{t('invite.shownOnce')}</p>
      <p className="hint">{t('invite.onePerson')}</p>
    </div>
  );
}

/**
 * "Invite people", for staff: a personal link per person (name or label, role, expiry), a wall
 * screen link, and who has access now. Links are shown once and never stored by this page.
 */
export function InvitePanel({ boardId, me }: { readonly boardId: string; readonly me: Me }) {
  const roles = invitableRoles(me.role);
  const [label, setLabel] = useState('');
  const [role, setRole] = useState<Role>(roles.includes('family') ? 'family' : (roles[0] ?? 'viewer'));
  const [days, setDays] = useState<number>(DEFAULT_EXPIRY_DAYS);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [created, setCreated] = useState<CreatedLink | null>(null);
  const [version, setVersion] = useState(0);

  const create = async (request: { role: Role; label: string }, projector: boolean) => {
    setBusy(true);
    setFailed(false);
    setCreated(null);
    const result = await createInvite(boardId, {
      role: request.role,
      ...(request.label ? { label: request.label } : {}),
      expiresInHours: days * 24,
    });
    setBusy(false);
    if (!result.ok) {
      setFailed(true);
      return;
    }
    const address = inviteAddress(window.location.origin, result.value.link, { projector });
    setCreated({ address, label: request.label, role: request.role });
    setLabel('');
    setVersion((v) => v + 1);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create({ role, label: label.trim() }, false);
  };

  return (
    <section id="invite-panel" className="share-panel invite-panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <p className="hint">{t('invite.hint')}</p>
      <form className="invite-panel__form" onSubmit={submit} noValidate>
        <FormField
          id="invite-label"
          label={t('invite.label')}
          hint={t('invite.labelHint')}
          autoComplete="off"
          maxLength={100}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
        />
        <label htmlFor="invite-role">{t('invite.role')}</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <span className="participant__dot" style={{ background: ROLE_COLORS[role] }} aria-hidden="true" />
        <label htmlFor="invite-expiry">{t('invite.expiry')}</label>
        <select id="invite-expiry" value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
          {EXPIRY_DAYS.map((d) => (
            <option key={d} value={d}>
              {t('invite.days', { count: d })}
            </option>
          ))}
        </select>
        <SubmitButton busy={busy} label={t('invite.create')} busyLabel={t('invite.creating')} />
      </form>
      {roles.includes('viewer') && (
        <p>
          <button
            type="button"
            disabled={busy}
            onClick={() => void create({ role: 'viewer', label: t('projector.wallName') }, true)}
          >
            {t('invite.wallScreen')}
          </button>{' '}
          <span className="hint">{t('invite.wallHint')}</span>
        </p>
      )}
      <FormProblem>{failed && t('invite.failed')}</FormProblem>
      {created && <NewLink link={created} />}
      <AccessList boardId={boardId} me={me} version={version} />
    </section>
  );
}
