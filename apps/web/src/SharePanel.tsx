import { ROLES, type Role } from '@kinmap/model';
import { useState } from 'react';
import { shareLink } from './api';
import { ROLE_COLORS } from './colors';
import { t } from './messages';
import type { ShareTokens } from './session';

export interface SharePanelProps {
  readonly boardId: string;
  readonly tokens: ShareTokens;
}

type CopyState = { readonly role: Role; readonly ok: boolean } | null;

/** One link per role, each with a copy button; shown to the facilitator who created the board. */
export function SharePanel({ boardId, tokens }: SharePanelProps) {
  const [copied, setCopied] = useState<CopyState>(null);
  const copy = async (role: Role, link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied({ role, ok: true });
    } catch {
      // Clipboard access can be refused (no permission, insecure origin): the link is on screen.
      setCopied({ role, ok: false });
    }
  };
  return (
    <section className="share-panel" aria-labelledby="share-title">
      <h2 id="share-title">{t('share.title')}</h2>
      <p className="hint">{t('share.hint')}</p>
      <ul>
        {ROLES.map((role) => {
          const link = shareLink(window.location.origin, boardId, tokens[role]);
          const inputId = `share-link-${role}`;
          const state = copied?.role === role ? copied : null;
          return (
            <li key={role} className="share-panel__row">
              <label htmlFor={inputId} className="share-panel__role">
                <span
                  className="participant__dot"
                  style={{ background: ROLE_COLORS[role] }}
                  aria-hidden="true"
                />
                {t(`role.${role}`)}
              </label>
              <input
                id={inputId}
                data-role={role}
                readOnly
                value={link}
                aria-label={t('share.linkLabel', { role: t(`role.${role}`) })}
                onFocus={(e) => e.currentTarget.select()}
              />
              <button type="button" onClick={() => void copy(role, link)}>
                {t('share.copy')}
              </button>
              <span className="share-panel__copied" aria-live="polite">
                {state ? t(state.ok ? 'share.copied' : 'share.copyFailed') : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
