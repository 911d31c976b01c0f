import { CATEGORIES, type Category } from '@kinmap/model';
import { CircleHelp, Plus, Redo2, Undo2 } from 'lucide-react';
import type { ReactNode } from 'react';
import type { UndoControls } from '../editing/useBoardUndo';
import { t } from '../lib/messages';
import { SHORTCUTS, withKey } from './shortcuts';

export interface AddControlsProps {
  /** The section a new card goes to (also the one the chosen card is in). */
  readonly category: Category;
  readonly onCategory: (category: Category) => void;
  readonly onAdd: (category: Category) => void;
  /** Only facilitators and practitioners may hide a card from the family and the wall screen. */
  readonly canMarkProfessionalsOnly: boolean;
  /** Staff choose before writing: a new card is then born professionals-only. */
  readonly newProfessionalsOnly: boolean;
  readonly onNewProfessionalsOnly: (flag: boolean) => void;
}

/** Adding a card without choosing one first: the section, the professionals-only choice, and Add. */
export function AddControls({
  category,
  onCategory,
  onAdd,
  canMarkProfessionalsOnly,
  newProfessionalsOnly,
  onNewProfessionalsOnly,
}: AddControlsProps) {
  return (
    <>
      <label className="toolbar__group">
        <span>{t('toolbar.section')}</span>
        <select
          name="category"
          value={category}
          onChange={(e) => onCategory(e.currentTarget.value as Category)}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="toolbar__add"
        onClick={() => onAdd(category)}
        aria-keyshortcuts={SHORTCUTS.add.keys}
        title={withKey(t('toolbar.addTo', { section: t(`category.${category}`) }), 'add')}
      >
        <Plus aria-hidden="true" size={18} />
        {t(
          newProfessionalsOnly && canMarkProfessionalsOnly
            ? 'toolbar.addProfessionalsOnlyCard'
            : 'toolbar.addCard',
        )}
      </button>
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
    </>
  );
}

/** Undo and redo of this person's own changes on the board. */
export function HistoryControls({
  history,
}: {
  history: Pick<UndoControls, 'canUndo' | 'canRedo' | 'undo' | 'redo'>;
}) {
  return (
    <>
      <button
        type="button"
        className="icon-button"
        disabled={!history.canUndo}
        aria-label={t('map.undo')}
        title={withKey(t('map.undo'), 'undo')}
        aria-keyshortcuts={SHORTCUTS.undo.keys}
        onClick={history.undo}
      >
        <Undo2 aria-hidden="true" size={20} />
      </button>
      <button
        type="button"
        className="icon-button"
        disabled={!history.canRedo}
        aria-label={t('map.redo')}
        title={withKey(t('map.redo'), 'redo')}
        aria-keyshortcuts={SHORTCUTS.redo.keys}
        onClick={history.redo}
      >
        <Redo2 aria-hidden="true" size={20} />
      </button>
    </>
  );
}

/** The `?` button: the list of keyboard shortcuts. */
export function HelpButton({ onHelp }: { onHelp: () => void }) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={t('keys.open')}
      title={withKey(t('keys.open'), 'help')}
      aria-keyshortcuts={SHORTCUTS.help.keys}
      onClick={onHelp}
    >
      <CircleHelp aria-hidden="true" size={20} />
    </button>
  );
}

export interface ToolbarProps extends AddControlsProps {
  readonly canEdit: boolean;
  /** Say that this person may look but not change (not on a locked board: its banner says why). */
  readonly readOnlyNotice: boolean;
  readonly history: Pick<UndoControls, 'canUndo' | 'canRedo' | 'undo' | 'redo'>;
  /** Zoom, fit and following: for everyone, viewers too. */
  readonly view: ReactNode;
  readonly onHelp: () => void;
}

/**
 * The map's one row of tools on a laptop: adding a card, undo, the view and following. What is
 * about the chosen card sits beside the card (SelectionToolbar); everything else is in the menu.
 */
export function Toolbar({ canEdit, readOnlyNotice, history, view, onHelp, ...add }: ToolbarProps) {
  return (
    <div className="toolbar map-bar" role="toolbar" aria-label={t('toolbar.label')}>
      {canEdit ? (
        <>
          <AddControls {...add} />
          <span className="toolbar__separator" aria-hidden="true" />
          <HistoryControls history={history} />
        </>
      ) : (
        readOnlyNotice && <p className="toolbar--readonly">{t('toolbar.readOnly')}</p>
      )}
      <span className="toolbar__spacer" />
      {view}
      <HelpButton onHelp={onHelp} />
    </div>
  );
}
