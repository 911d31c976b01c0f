import { CATEGORIES, type CardState, type Category, type Mark } from '@kinmap/model';
import { useState } from 'react';
import type { UndoControls } from '../editing/useBoardUndo';
import { t } from '../lib/messages';

export interface ToolbarProps {
  readonly canEdit: boolean;
  readonly selected: CardState | null;
  readonly myMark: Mark | null;
  readonly onAdd: (category: Category) => void;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
  /** [AC4][AC5] Family and network members delete only their own cards. */
  readonly canDelete: boolean;
  readonly onMark: (mark: Mark | null) => void;
  /** The chosen card is a danger statement without a goal: offer to add its safety goal. */
  readonly offerSafetyGoal: boolean;
  readonly onAddSafetyGoal: () => void;
  /** Only facilitators and practitioners may hide a card from the family and the wall screen. */
  readonly canMarkProfessionalsOnly: boolean;
  readonly onProfessionalsOnly: (flag: boolean) => void;
  /** Staff choose before writing: a new card is then born professionals-only. */
  readonly newProfessionalsOnly: boolean;
  readonly onNewProfessionalsOnly: (flag: boolean) => void;
  readonly history: Pick<UndoControls, 'canUndo' | 'canRedo' | 'undo' | 'redo'>;
}

/** Everything the canvas does, as ordinary buttons: reachable with Tab and usable with a screen reader. */
export function Toolbar({
  canEdit,
  selected,
  myMark,
  onAdd,
  onEdit,
  onDelete,
  canDelete,
  onMark,
  offerSafetyGoal,
  onAddSafetyGoal,
  canMarkProfessionalsOnly,
  onProfessionalsOnly,
  newProfessionalsOnly,
  onNewProfessionalsOnly,
  history,
}: ToolbarProps) {
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
      {canMarkProfessionalsOnly && (
        <label className="toolbar__group toolbar__new-restricted">
          <input
            type="checkbox"
            name="newProfessionalsOnly"
            checked={newProfessionalsOnly}
            onChange={(e) => onNewProfessionalsOnly(e.currentTarget.checked)}
          />
          <span>{t('toolbar.newProfessionalsOnly')}</span>
        </label>
      )}
      <button type="button" onClick={() => onAdd(category)}>
        {t(
          newProfessionalsOnly && canMarkProfessionalsOnly
            ? 'toolbar.addProfessionalsOnlyCard'
            : 'toolbar.addCard',
        )}
      </button>
      {offerSafetyGoal && (
        <button type="button" className="map-offer" onClick={onAddSafetyGoal}>
          {t('map.addSafetyGoal')}
        </button>
      )}
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
      {canMarkProfessionalsOnly && (
        <button
          type="button"
          disabled={noCard}
          aria-pressed={selected?.professionalsOnly ?? false}
          onClick={() => selected && onProfessionalsOnly(!selected.professionalsOnly)}
        >
          {t('map.professionalsOnly')}
        </button>
      )}
      <button type="button" className="danger" disabled={noCard || !canDelete} onClick={onDelete}>
        {t('toolbar.delete')}
      </button>
      <span className="toolbar__separator" aria-hidden="true" />
      <button type="button" disabled={!history.canUndo} aria-keyshortcuts="Control+Z" onClick={history.undo}>
        {t('map.undo')}
      </button>
      <button
        type="button"
        disabled={!history.canRedo}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        onClick={history.redo}
      >
        {t('map.redo')}
      </button>
    </div>
  );
}
