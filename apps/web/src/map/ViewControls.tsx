import { COLUMNS, type Column } from '@kinmap/model';
import type { ReactNode } from 'react';
import { t } from '../lib/messages';

export interface ViewControlsProps {
  readonly scale: number;
  readonly onZoom: (direction: 1 | -1) => void;
  readonly onFit: () => void;
  readonly onColumn: (column: Column) => void;
  /** Follow and "bring everyone" controls, shown in the same bar. */
  readonly children?: ReactNode;
}

/** Zoom and fit, for everyone (viewers too): the same as the + / − / 0 keys on the board. */
export function ViewControls({ scale, onZoom, onFit, onColumn, children }: ViewControlsProps) {
  return (
    <div className="toolbar map-view-controls" role="toolbar" aria-label={t('map.viewTools')}>
      <button type="button" onClick={() => onZoom(-1)} aria-keyshortcuts="-">
        {t('map.zoomOut')}
      </button>
      <output className="map-zoom-level" aria-label={t('map.zoomLevel')}>
        {t('map.zoomPercent', { percent: Math.round(scale * 100) })}
      </output>
      <button type="button" onClick={() => onZoom(1)} aria-keyshortcuts="+">
        {t('map.zoomIn')}
      </button>
      <button type="button" onClick={onFit} aria-keyshortcuts="0">
        {t('map.fitBoard')}
      </button>
      <fieldset className="map-column-zoom">
        <legend>{t('map.zoomToColumn')}</legend>
        {COLUMNS.map((column) => (
          <button key={column} type="button" onClick={() => onColumn(column)}>
            {t(`map.column.${column}`)}
          </button>
        ))}
      </fieldset>
      {children}
    </div>
  );
}
