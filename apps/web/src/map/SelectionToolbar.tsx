import type { CardState, Mark } from '@kinmap/model';
import { Lock, Pencil, ShieldPlus, ThumbsDown, ThumbsUp, Trash2 } from 'lucide-react';
import { type CSSProperties, useLayoutEffect, useRef, useState } from 'react';
import { t } from '../lib/messages';
import { SHORTCUTS, withKey } from './shortcuts';
import { type ScreenRect, type ScreenSize, toolbarPlacement } from './toolbarPlacement';

export interface SelectionActionsProps {
  readonly card: CardState;
  readonly myMark: Mark | null;
  readonly canEdit: boolean;
  readonly onEdit: () => void;
  readonly onMark: (mark: Mark | null) => void;
  /** [AC4][AC5] Family and network members delete only their own cards. */
  readonly canDelete: boolean;
  readonly onDelete: () => void;
  /** The chosen card is a danger statement without a goal: offer to add its safety goal. */
  readonly offerSafetyGoal: boolean;
  readonly onAddSafetyGoal: () => void;
  /** Only facilitators and practitioners may hide a card from the family and the wall screen. */
  readonly canMarkProfessionalsOnly: boolean;
  readonly onProfessionalsOnly: (flag: boolean) => void;
  /** Short words under the icons (the phone's bar), or the full names (beside the card). */
  readonly compact?: boolean;
}

/** What can be done to the chosen card: its buttons, for the toolbar beside it and the phone's bar. */
export function SelectionActions({
  card,
  myMark,
  canEdit,
  onEdit,
  onMark,
  canDelete,
  onDelete,
  offerSafetyGoal,
  onAddSafetyGoal,
  canMarkProfessionalsOnly,
  onProfessionalsOnly,
}: SelectionActionsProps) {
  if (!canEdit) return null;
  return (
    <>
      <button
        type="button"
        onClick={onEdit}
        aria-label={t('toolbar.edit')}
        title={withKey(t('toolbar.edit'), 'edit')}
        aria-keyshortcuts={SHORTCUTS.edit.keys}
      >
        <Pencil aria-hidden="true" size={18} />
        <span aria-hidden="true">{t('toolbar.editShort')}</span>
      </button>
      <button
        type="button"
        aria-pressed={myMark === 'agree'}
        onClick={() => onMark(myMark === 'agree' ? null : 'agree')}
        aria-label={t('toolbar.agree')}
        title={withKey(t('toolbar.agree'), 'agree')}
        aria-keyshortcuts={SHORTCUTS.agree.keys}
      >
        <ThumbsUp aria-hidden="true" size={18} />
        <span aria-hidden="true">{t('toolbar.agreeShort')}</span>
      </button>
      <button
        type="button"
        aria-pressed={myMark === 'dispute'}
        onClick={() => onMark(myMark === 'dispute' ? null : 'dispute')}
        aria-label={t('toolbar.dispute')}
        title={withKey(t('toolbar.dispute'), 'dispute')}
        aria-keyshortcuts={SHORTCUTS.dispute.keys}
      >
        <ThumbsDown aria-hidden="true" size={18} />
        <span aria-hidden="true">{t('toolbar.disputeShort')}</span>
      </button>
      {canMarkProfessionalsOnly && (
        <button
          type="button"
          aria-pressed={card.professionalsOnly}
          onClick={() => onProfessionalsOnly(!card.professionalsOnly)}
          title={t('map.professionalsOnly')}
        >
          <Lock aria-hidden="true" size={18} />
          {t('map.professionalsOnly')}
        </button>
      )}
      {offerSafetyGoal && (
        <button type="button" className="map-offer" onClick={onAddSafetyGoal} title={t('map.addSafetyGoal')}>
          <ShieldPlus aria-hidden="true" size={18} />
          {t('map.addSafetyGoal')}
        </button>
      )}
      <button
        type="button"
        className="danger"
        disabled={!canDelete}
        onClick={onDelete}
        aria-label={t('toolbar.delete')}
        title={withKey(t('toolbar.delete'), 'remove')}
        aria-keyshortcuts={SHORTCUTS.remove.keys}
      >
        <Trash2 aria-hidden="true" size={18} />
      </button>
    </>
  );
}

export interface SelectionToolbarProps {
  /** The chosen card's actions; null hides the toolbar (no card chosen, or it is being edited). */
  readonly actions: SelectionActionsProps | null;
  /** The card's rectangle in the map viewport's pixels (from the camera), null while unknown. */
  readonly cardRect: () => ScreenRect | null;
  /** The map viewport's size and its offset inside the element the toolbar is positioned in. */
  readonly viewport: () => (ScreenSize & { readonly left: number; readonly top: number }) | null;
  /** The other cards on screen, in the same pixels as `cardRect`: the toolbar keeps off them when it can. */
  readonly otherCards: () => readonly ScreenRect[];
  /** The controls drawn on the board (the sections' Add buttons), kept clear after the cards. */
  readonly controls: () => readonly ScreenRect[];
}

function sameStyle(a: CSSProperties | null, b: CSSProperties | null): boolean {
  return a === b || (!!a && !!b && a.left === b.left && a.top === b.top);
}

/**
 * The chosen card's toolbar, on the canvas beside the card: placed by `toolbarPlacement` (on
 * screen, never over the card, over no other card when a spot beside it is free) and following the
 * card while the view scrolls or zooms.
 */
export function SelectionToolbar({
  cardRect,
  viewport,
  otherCards,
  controls,
  actions,
}: SelectionToolbarProps) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [style, setStyle] = useState<CSSProperties | null>(null);
  const read = useRef({ cardRect, viewport, otherCards, controls });
  read.current = { cardRect, viewport, otherCards, controls };
  // The camera may move the card on any frame (scroll, zoom, follow): read its place once a frame
  // and re-render only when the toolbar must move.
  useLayoutEffect(() => {
    let frame = 0;
    const place = () => {
      const el = ref.current;
      const card = el && !el.hidden ? read.current.cardRect() : null;
      const view = card ? read.current.viewport() : null;
      let next: CSSProperties | null = null;
      if (el && card && view) {
        const size = { width: el.offsetWidth, height: el.offsetHeight };
        const { otherCards: cards, controls: buttons } = read.current;
        const p = toolbarPlacement(card, view, size, cards(), buttons());
        next = { left: Math.round(view.left + p.x), top: Math.round(view.top + p.y) };
      }
      setStyle((prev) => (sameStyle(prev, next) ? prev : next));
      frame = requestAnimationFrame(place);
    };
    place();
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <div
      ref={ref}
      className="selection-toolbar toolbar"
      role="toolbar"
      aria-label={t('selection.label')}
      data-placed={style ? 'yes' : 'no'}
      hidden={actions === null}
      style={style ?? { visibility: 'hidden', left: 0, top: 0 }}
    >
      {actions && <SelectionActions {...actions} />}
    </div>
  );
}
