import { areasOf, type ChildToolKind, type ChildToolState } from '@kinmap/model';
import { ArrowLeft } from 'lucide-react';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { t } from '../lib/messages';
import { useMediaQuery } from '../lib/useMediaQuery';
import { AreaPanel, type AreaPanelProps } from './AreaPanel';
import { AreaTabs } from './AreaTabs';
import { stopReading } from './ReadAloud';
import { areaTitle, toolName } from './toolWords';

export interface ToolDialogProps {
  readonly title: string;
  /** The back button's words ("Back to the children", "Back to version 3"). */
  readonly backLabel: string;
  readonly onClose: () => void;
  /** Buttons at the end of the top bar (print, who can see it, bring it back). */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}

/**
 * A child's tool full screen: a modal dialog above the board with a top bar (back, the tool's
 * name, its actions). Escape goes back like the button; leaving stops any reading aloud.
 */
export function ToolDialog({ title, backLabel, onClose, actions, children }: ToolDialogProps) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => stopReading();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="child-screen"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="child-screen__bar">
        <button type="button" className="child-screen__back" onClick={onClose}>
          <ArrowLeft aria-hidden="true" size={22} />
          {backLabel}
        </button>
        <h2 id={titleId} className="child-screen__title" dir="auto">
          {title}
        </h2>
        {actions}
      </header>
      {children}
    </dialog>
  );
}

/** Below this width the parts of a tool are tabs, one at a time. */
const TABS_QUERY = '(max-width: 720px)';

/** What every part of a tool is drawn with: the tool's document and state, and what this person may do. */
export type ToolAreasProps = Omit<AreaPanelProps, 'area' | 'state' | 'kind'> & {
  readonly kind: ChildToolKind;
  readonly state: ChildToolState;
};

/** Every part of a tool side by side on a tablet, laptop or wall; one tab at a time on a phone. */
export function ToolAreas({ kind, state, ...panelProps }: ToolAreasProps) {
  const narrow = useMediaQuery(TABS_QUERY);
  const [shownArea, setShownArea] = useState<string | null>(null);
  const areas = areasOf(kind).map((area) => ({ area, title: areaTitle(kind, area) }));
  const shown = areas.find((a) => a.area === shownArea)?.area ?? areas[0]?.area ?? '';
  const panel = (area: string) => {
    const areaState = state.areas[area];
    return areaState ? (
      <AreaPanel key={area} kind={kind} area={area} state={areaState} {...panelProps} />
    ) : null;
  };
  return narrow ? (
    <AreaTabs
      label={t('child.areas', { tool: toolName(kind) })}
      areas={areas}
      shown={shown}
      onShow={setShownArea}
    >
      {panel(shown)}
    </AreaTabs>
  ) : (
    <div className={`child-areas child-areas--${kind}`}>{areas.map(({ area }) => panel(area))}</div>
  );
}
