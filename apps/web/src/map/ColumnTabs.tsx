import { COLUMNS } from '@kinmap/model';
import { type KeyboardEvent, useRef } from 'react';
import { t } from '../lib/messages';

export interface ColumnTabsProps {
  /** The page shown: 0–2 the three columns, 3 the worries-and-goals row. */
  readonly page: number;
  readonly pageCount: number;
  readonly onPage: (page: number) => void;
}

/** The phone's tabs between its pages (one column at a time, swipe does the same). */
export function ColumnTabs({ page, pageCount, onPage }: ColumnTabsProps) {
  const labels = [...COLUMNS.map((column) => t(`map.column.${column}`)), t('map.page.analysis')].slice(
    0,
    pageCount,
  );
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // Arrow keys move between tabs, as in any tab list.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (page + step + labels.length) % labels.length;
    onPage(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="map-column-tabs" role="tablist" aria-label={t('map.pages')} onKeyDown={onKeyDown}>
      {labels.map((label, i) => (
        <button
          key={label}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          aria-selected={i === page}
          tabIndex={i === page ? 0 : -1}
          className="map-column-tab"
          onClick={() => onPage(i)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
