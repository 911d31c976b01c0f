import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';

export interface AreaTabsProps {
  readonly label: string;
  readonly areas: readonly { readonly area: string; readonly title: string }[];
  readonly shown: string;
  readonly onShow: (area: string) => void;
  readonly children: ReactNode;
}

/**
 * On a phone the parts of a tool are tabs, one at a time (the others are not drawn at all): a row
 * of big tabs at the top, arrow keys, Home and End move between them (WAI-ARIA tabs pattern).
 */
export function AreaTabs({ label, areas, shown, onShow, children }: AreaTabsProps) {
  const id = useId();
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    const at = areas.findIndex((a) => a.area === shown);
    const last = areas.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % areas.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + areas.length) % areas.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const target = next === null ? undefined : areas[next];
    if (!target) return;
    event.preventDefault();
    onShow(target.area);
    tabs.current.get(target.area)?.focus();
  };
  return (
    <div className="child-tabs">
      <div className="child-tabs__list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {areas.map(({ area, title }) => (
          <button
            key={area}
            ref={(el) => {
              if (el) tabs.current.set(area, el);
              else tabs.current.delete(area);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${area}`}
            className="child-tabs__tab"
            aria-selected={area === shown}
            aria-controls={`${id}-panel`}
            tabIndex={area === shown ? 0 : -1}
            onClick={() => onShow(area)}
          >
            {title}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${shown}`}>
        {children}
      </div>
    </div>
  );
}
