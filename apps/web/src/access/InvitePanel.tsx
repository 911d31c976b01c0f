import { may, type Role } from '@kinmap/model';
import { MAX_INVITES_PER_REQUEST } from '@kinmap/protocol';
import { type FormEvent, useRef, useState } from 'react';
import type { Me } from '../board/useBoard';
import { ROLE_COLORS } from '../canvas/colors';
import { FormProblem, SubmitButton } from '../lib/FormField';
import { t } from '../lib/messages';
import { AccessList } from './AccessList';
import { createInvite, createInvites, inviteAddress } from './inviteApi';
import { DEFAULT_EXPIRY_DAYS, EXPIRY_DAYS, invitableRoles } from './inviteRules';
import { JoinCodeButton } from './lobby/JoinCodeButton';

interface PersonRow {
  readonly key: number;
  readonly label: string;
  readonly role: Role;
}

/** The longest name or label a row takes (the server's limit too). */
const MAX_LABEL = 100;

/**
 * "Invite people", for staff: several people at once (a name or label and a role each, one
 * expiry), a wall screen link, and below every link still open — copy, QR code, print sheet —
 * and who has access now.
 */
export function InvitePanel({ boardId, me }: { readonly boardId: string; readonly me: Me }) {
  const roles = invitableRoles(me.role);
  const firstRole: Role = roles.includes('family') ? 'family' : (roles[0] ?? 'viewer');
  const nextKey = useRef(1);
  const [rows, setRows] = useState<readonly PersonRow[]>([{ key: 0, label: '', role: firstRole }]);
  const [days, setDays] = useState<number>(DEFAULT_EXPIRY_DAYS);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [made, setMade] = useState<number | null>(null);
  const [wallLink, setWallLink] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const change = (key: number, patch: Partial<Omit<PersonRow, 'key'>>) =>
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const addRow = () =>
    setRows((all) =>
      all.length >= MAX_INVITES_PER_REQUEST
        ? all
        : [...all, { key: nextKey.current++, label: '', role: all.at(-1)?.role ?? firstRole }],
    );
  const removeRow = (key: number) =>
    setRows((all) => (all.length > 1 ? all.filter((r) => r.key !== key) : all));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    setMade(null);
    const result = await createInvites(boardId, {
      invites: rows.map((row) => ({
        role: row.role,
        ...(row.label.trim() ? { label: row.label.trim() } : {}),
      })),
      expiresInHours: days * 24,
    });
    setBusy(false);
    if (!result.ok) {
      setFailed(true);
      return;
    }
    setMade(result.value.length);
    setRows([{ key: nextKey.current++, label: '', role: firstRole }]);
    setVersion((v) => v + 1);
  };

  const wallScreen = async () => {
    setBusy(true);
    setFailed(false);
    const result = await createInvite(boardId, {
      role: 'viewer',
      label: t('projector.wallName'),
      expiresInHours: days * 24,
    });
    setBusy(false);
    if (!result.ok) {
      setFailed(true);
      return;
    }
    setWallLink(inviteAddress(window.location.origin, result.value.link, { projector: true }));
    setVersion((v) => v + 1);
  };

  return (
    <section id="invite-panel" className="share-panel invite-panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <p className="hint">{t('invite.hint')}</p>
      <form className="invite-panel__form" onSubmit={(e) => void submit(e)} noValidate>
        <ol className="invite-panel__people">
          {rows.map((row, index) => (
            <li key={row.key} className="invite-panel__person">
              <label htmlFor={`invite-label-${row.key}`}>{t('invite.label')}</label>
              <input
                id={`invite-label-${row.key}`}
                autoComplete="off"
                maxLength={MAX_LABEL}
                value={row.label}
                aria-describedby={index === 0 ? 'invite-label-hint' : undefined}
                onChange={(e) => change(row.key, { label: e.currentTarget.value })}
              />
              <label htmlFor={`invite-role-${row.key}`}>{t('invite.role')}</label>
              <select
                id={`invite-role-${row.key}`}
                value={row.role}
                onChange={(e) => change(row.key, { role: e.currentTarget.value as Role })}
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
              <span
                className="participant__dot"
                style={{ background: ROLE_COLORS[row.role] }}
                aria-hidden="true"
              />
              {rows.length > 1 && (
                <button
                  type="button"
                  className="invite-panel__remove-row"
                  aria-label={t('invite.removeRow', { number: index + 1 })}
                  onClick={() => removeRow(row.key)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ol>
        <p id="invite-label-hint" className="hint">
          {t('invite.labelHint')}
        </p>
        <div className="invite-panel__actions">
          <button type="button" onClick={addRow} disabled={rows.length >= MAX_INVITES_PER_REQUEST}>
            {t('invite.addRow')}
          </button>
          <label htmlFor="invite-expiry">{t('invite.expiry')}</label>
          <select id="invite-expiry" value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
            {EXPIRY_DAYS.map((d) => (
              <option key={d} value={d}>
                {t('invite.days', { count: d })}
              </option>
            ))}
          </select>
          <SubmitButton
            busy={busy}
            label={t('invite.createMany', { count: rows.length })}
            busyLabel={t('invite.creating')}
          />
        </div>
      </form>
      <p className="share-panel__copied" aria-live="polite">
        {made !== null && t('invite.made', { count: made })}
      </p>
      {roles.includes('viewer') && (
        <p>
          <button type="button" disabled={busy} onClick={() => void wallScreen()}>
            {t('invite.wallScreen')}
          </button>{' '}
          <span className="hint">{t('invite.wallHint')}</span>
        </p>
      )}
      {wallLink && (
        <p className="invite-panel__created">
          <label htmlFor="wall-link">{t('invite.wallLink')}</label>{' '}
          <input id="wall-link" readOnly value={wallLink} onFocus={(e) => e.currentTarget.select()} />
        </p>
      )}
      {may(me.role, 'AU20') && <JoinCodeButton boardId={boardId} />}
      <FormProblem>{failed && t('invite.failed')}</FormProblem>
      <AccessList boardId={boardId} me={me} version={version} />
    </section>
  );
}
