import type { Column } from '@kinmap/model';
import { Lock, Monitor } from 'lucide-react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { UndoControls } from '../editing/useBoardUndo';
import { t } from '../lib/messages';
import { AddControls, type AddControlsProps, HistoryControls } from './Toolbar';
import { ColumnZoom, ViewControls } from './ViewControls';

export interface MapMenuProps {
  /** Where the top bar's menu takes the map's entries. */
  readonly slot: HTMLElement;
  readonly phone: boolean;
  readonly canEdit: boolean;
  readonly addControls: AddControlsProps;
  readonly history: UndoControls;
  readonly scale: number;
  readonly onZoom: (direction: 1 | -1) => void;
  readonly onFit: () => void;
  readonly onColumn: (column: Column) => void;
  /** The follow and "bring everyone to me" pickers, the wall's control and the meeting button. */
  readonly follow: ReactNode;
  readonly summon: ReactNode;
  readonly wallControl: ReactNode;
  readonly meeting: ReactNode;
  readonly onProjector: () => void;
  /** Locks the board; null when this person may not lock it (or it is locked already). */
  readonly onLock: (() => void) | null;
}

/**
 * The map's entries of the top bar's menu, through a portal: on a phone also what a laptop has in
 * the map's row (add, undo, zoom, follow, the meeting); everywhere zoom to a column, bring everyone
 * to me, the wall screen mode and the lock.
 */
export function MapMenu({
  slot,
  phone,
  canEdit,
  addControls,
  history,
  scale,
  onZoom,
  onFit,
  onColumn,
  follow,
  summon,
  wallControl,
  meeting,
  onProjector,
  onLock,
}: MapMenuProps) {
  return createPortal(
    <div className="map-menu">
      {phone && canEdit && (
        <div className="map-menu__row">
          <AddControls {...addControls} />
          <HistoryControls history={history} />
        </div>
      )}
      {phone && (
        <ViewControls scale={scale} onZoom={onZoom} onFit={onFit}>
          {follow}
          {meeting}
        </ViewControls>
      )}
      <ColumnZoom onColumn={onColumn} />
      {summon}
      {phone && wallControl}
      <button type="button" onClick={onProjector}>
        <Monitor aria-hidden="true" size={18} />
        {t('map.projector')}
      </button>
      {onLock && (
        <button type="button" aria-pressed={false} onClick={onLock}>
          <Lock aria-hidden="true" size={18} />
          {t('lock.lock')}
        </button>
      )}
    </div>,
    slot,
  );
}
