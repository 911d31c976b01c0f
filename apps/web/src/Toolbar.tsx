import { CATEGORIES, type CardState, type Category, type Mark } from '@kinmap/model';
import { useState } from 'react';
import { t } from './messages';

export interface ToolbarProps {
  readonly canEdit: boolean;
  readonly selected: CardState | null;
  readonly myMark: Mark | null;
  readonly onAdd: (category: Category) => void;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
  readonly onMark: (mark: Mark | null) => void;
}

/** Everything the canvas does, as ordinary buttons: reachable with Tab and usable with a screen reader. */
export function Toolbar({ canEdit, selected, myMark, onAdd, onEdit, onDelete, onMark }: ToolbarProps) {
  const [category, setCategory] = useState<Category>('harm');
  if (!canEdit) return <p className="toolbar toolbar--readonly">{t('toolbar.readOnly')}</p>;
  const noCard = selected === null;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <label className="toolbar__group">
        <span>{t('toolbar.section')}</span>
        <select
          name="category"
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value as Category)}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => onAdd(category)}>
        {t('toolbar.addCard')}
      </button>
      <span className="toolbar__separator" aria-hidden="true" />
      <button type="button" disabled={noCard} onClick={onEdit}>
        {t('toolbar.edit')}
      </button>
      <button
        type="button"
        disabled={noCard}
        aria-pressed={myMark === 'agree'}
        onClick={() => onMark(myMark === 'agree' ? null : 'agree')}
      >
        {t('toolbar.agree')}
      </button>
      <button
        type="button"
        disabled={noCard}
        aria-pressed={myMark === 'dispute'}
        onClick={() => onMark(myMark === 'dispute' ? null : 'dispute')}
      >
        {t('toolbar.dispute')}
      </button>
      <button type="button" className="danger" disabled={noCard} onClick={onDelete}>
        {t('toolbar.delete')}
      </button>
    </div>
  );
}
