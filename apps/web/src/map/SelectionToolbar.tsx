import type { CardState, Mark, PersonId } from '@kinmap/model';
import { Baby, Lock, Pencil, ShieldPlus, ThumbsDown, ThumbsUp, Trash2 } from 'lucide-react';
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
  /** [AC52] Staff mark the card as a child's own words: which child, or none. */
  readonly canQuote: boolean;
  /** The children of the case, in the board's order. */
  readonly children: readonly { readonly id: PersonId; readonly name: string }[];
  readonly onQuote: (personId: PersonId | null) => void;
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
  canQuote,
  children,
  onQuote,
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
      {canQuote && (children.length > 0 || card.quote) && (
        <ChildWordsChoice card={card} choices={children} onQuote={onQuote} />
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

/**
 * Whose own words the card holds ([AC52]): a child of the case, or nobody. A native list, so it
 * works the same with a mouse, a keyboard, a screen reader and a finger.
 */
function ChildWordsChoice({
  card,
  choices,
  onQuote,
}: {
  card: CardState;
  choices: SelectionActionsProps['children'];
  onQuote: (personId: PersonId | null) => void;
}) {
  const current = card.quote?.personId ?? '';
  // A quote of a child no longer of the case stays chosen, as "A child's words".
  const gone = current !== '' && !choices.some((child) => child.id === current);
  return (
    <label className="selection-quote" title={t('map.childWords')}>
      <Baby aria-hidden="true" size={18} />
      <span className="visually-hidden">{t('map.childWords')}</span>
      <select
        data-control="child-words"
        value={current}
        onChange={(e) => onQuote(e.currentTarget.value === '' ? null : (e.currentTarget.value as PersonId))}
      >
        <option value="">{t('map.notChildWords')}</option>
        {choices.map((child) => (
          <option key={child.id} value={child.id}>
            {t('card.quote', { name: child.name })}
          </option>
        ))}
        {gone && <option value={current}>{t('card.quoteChild')}</option>}
      </select>
    </label>
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
