import { COLUMNS, type Column } from '@kinmap/model';
import { Maximize, ZoomIn, ZoomOut } from 'lucide-react';
import type { ReactNode } from 'react';
import { t } from '../lib/messages';
import { SHORTCUTS, withKey } from './shortcuts';

export interface ViewControlsProps {
  readonly scale: number;
  readonly onZoom: (direction: 1 | -1) => void;
  readonly onFit: () => void;
  /** Follow controls, shown in the same group. */
  readonly children?: ReactNode;
}

/** Zoom and fit, for everyone (viewers too): the same as the + / − / 0 keys on the board. */
export function ViewControls({ scale, onZoom, onFit, children }: ViewControlsProps) {
  return (
    <fieldset className="map-view-controls">
      <legend className="visually-hidden">{t('map.viewTools')}</legend>
      <button
        type="button"
        className="icon-button"
        onClick={() => onZoom(-1)}
        aria-label={t('map.zoomOut')}
        title={withKey(t('map.zoomOut'), 'zoomOut')}
        aria-keyshortcuts={SHORTCUTS.zoomOut.keys}
      >
        <ZoomOut aria-hidden="true" size={20} />
      </button>
      <output className="map-zoom-level" aria-label={t('map.zoomLevel')}>
        {t('map.zoomPercent', { percent: Math.round(scale * 100) })}
      </output>
      <button
        type="button"
        className="icon-button"
        onClick={() => onZoom(1)}
        aria-label={t('map.zoomIn')}
        title={withKey(t('map.zoomIn'), 'zoomIn')}
        aria-keyshortcuts={SHORTCUTS.zoomIn.keys}
      >
        <ZoomIn aria-hidden="true" size={20} />
      </button>
      <button
        type="button"
        onClick={onFit}
        title={withKey(t('map.fitBoard'), 'fit')}
        aria-keyshortcuts={SHORTCUTS.fit.keys}
      >
        <Maximize aria-hidden="true" size={18} />
        {t('map.fitBoard')}
      </button>
      {children}
    </fieldset>
  );
}

/** Zoom to one of the three columns (in the menu). */
export function ColumnZoom({ onColumn }: { onColumn: (column: Column) => void }) {
  return (
    <fieldset className="map-column-zoom">
      <legend>{t('map.zoomToColumn')}</legend>
      {COLUMNS.map((column) => (
        <button key={column} type="button" onClick={() => onColumn(column)}>
          {t(`map.column.${column}`)}
        </button>
      ))}
    </fieldset>
  );
}
