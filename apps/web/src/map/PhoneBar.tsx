import type { Category } from '@kinmap/model';
import { Menu, Pencil, Plus, ThumbsDown, ThumbsUp } from 'lucide-react';
import type { ReactNode } from 'react';
import { t } from '../lib/messages';
import type { SelectionActionsProps } from './SelectionToolbar';

export interface PhoneBarProps {
  readonly canEdit: boolean;
  /** The current section: one tap on Add puts a card there. */
  readonly category: Category;
  readonly onAdd: () => void;
  /** The chosen card's actions, or null when none is chosen. */
  readonly selection: SelectionActionsProps | null;
  /** Following someone (absent where following is not offered). */
  readonly follow: ReactNode;
  readonly onMenu: () => void;
}

/**
 * The phone's action bar at the thumb: add a card to the current section in one tap, agree,
 * disagree and edit for the chosen card, follow, and the menu (everything else). Every target is
 * at least 44 px.
 */
export function PhoneBar({ canEdit, category, onAdd, selection, follow, onMenu }: PhoneBarProps) {
  const mark = selection?.myMark ?? null;
  return (
    <div className="phone-bar" role="toolbar" aria-label={t('toolbar.label')}>
      {canEdit && (
        <>
          <button
            type="button"
            className="phone-bar__add"
            onClick={onAdd}
            aria-label={t('toolbar.addTo', { section: t(`category.${category}`) })}
          >
            <Plus aria-hidden="true" size={22} />
            <span aria-hidden="true">{t('toolbar.addShort')}</span>
          </button>
          <button
            type="button"
            disabled={!selection}
            aria-pressed={selection ? mark === 'agree' : undefined}
            aria-label={t('toolbar.agree')}
            onClick={() => selection?.onMark(mark === 'agree' ? null : 'agree')}
          >
            <ThumbsUp aria-hidden="true" size={22} />
            <span aria-hidden="true">{t('toolbar.agreeShort')}</span>
          </button>
          <button
            type="button"
            disabled={!selection}
            aria-pressed={selection ? mark === 'dispute' : undefined}
            aria-label={t('toolbar.dispute')}
            onClick={() => selection?.onMark(mark === 'dispute' ? null : 'dispute')}
          >
            <ThumbsDown aria-hidden="true" size={22} />
            <span aria-hidden="true">{t('toolbar.disputeShort')}</span>
          </button>
          <button
            type="button"
            disabled={!selection}
            aria-label={t('toolbar.edit')}
            onClick={() => selection?.onEdit()}
          >
            <Pencil aria-hidden="true" size={22} />
            <span aria-hidden="true">{t('toolbar.editShort')}</span>
          </button>
        </>
      )}
      {follow && <div className="phone-bar__follow">{follow}</div>}
      <button
        type="button"
        aria-label={t('menu.label')}
        aria-controls="board-menu"
        onClick={(e) => {
          e.stopPropagation();
          onMenu();
        }}
      >
        <Menu aria-hidden="true" size={22} />
        <span aria-hidden="true">{t('menu.label')}</span>
      </button>
    </div>
  );
}
