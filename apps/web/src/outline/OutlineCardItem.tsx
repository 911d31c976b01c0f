import { CATEGORIES, type Category, type Mark } from '@kinmap/model';
import { Baby } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { BoardWriter } from '../editing/boardActions';
import { type MessageKey, t } from '../lib/messages';
import { isolate } from './isolate';
import { OutlineCardEditor } from './OutlineCardEditor';
import type { OutlineCard } from './outlineModel';

export interface OutlineCardActions {
  readonly edit: (card: OutlineCard) => void;
  readonly closeEditor: (card: OutlineCard, category: Category, how: 'keyboard' | 'blur') => void;
  readonly step: (card: OutlineCard, category: Category, direction: 'up' | 'down') => void;
  readonly moveTo: (card: OutlineCard, to: Category) => void;
  readonly remove: (card: OutlineCard, category: Category) => void;
  readonly mark: (card: OutlineCard, mark: Mark | null) => void;
  readonly notice: (key: MessageKey) => void;
}

export interface OutlineCardItemProps {
  readonly card: OutlineCard;
  readonly category: Category;
  /** 1-based place in its category, as the ordered list reads it. */
  readonly position: number;
  readonly isFirst: boolean;
  readonly isLast: boolean;
  /** Null for someone who may only look (a viewer). */
  readonly writer: BoardWriter | null;
  readonly editing: boolean;
  readonly actions: OutlineCardActions;
  /** [AC4][AC5] May this person move and delete this card? Else only edit and mark it. */
  readonly mayMove: boolean;
  /** [AC3][AC30] May this person change this card's text? Else they disagree or suggest on the map. */
  readonly mayEditText: boolean;
}

/** Visible words plus the card they belong to, for screen readers: "Edit" reads "Edit card 2 in Harm". */
function ForCard({ label, cardRef }: { readonly label: string; readonly cardRef: string }) {
  return (
    <>
      {label}
      <span className="visually-hidden"> {cardRef}</span>
    </>
  );
}

function CardDetails({ card }: { readonly card: OutlineCard }) {
  const name = isolate(card.authorName ?? t('outline.someone'));
  const counts = [
    card.agree > 0 ? t('card.agree', { count: card.agree }) : '',
    card.dispute > 0 ? t('card.dispute', { count: card.dispute }) : '',
    card.professionalsOnly ? t('card.professionalsOnly') : '',
  ].filter((part) => part !== '');
  return (
    <>
      {card.childWords !== '' && (
        <p className="outline-card__quote">
          <Baby aria-hidden="true" size={18} />
          {card.childWords}
        </p>
      )}
      <p className="outline-card__meta">
        {[t('outline.addedBy', { name, role: t(`role.${card.authorRole}`) }), ...counts].join(' · ')}
      </p>
      {card.partner && (
        <p className="outline-card__pair">
          {t(card.partner.category === 'safetyGoal' ? 'outline.pairedWithGoal' : 'outline.pairedWithDanger')}{' '}
          {card.partner.text === null ? (
            t('outline.hiddenCard')
          ) : (
            <bdi dir="auto">{card.partner.text || t('card.empty')}</bdi>
          )}
        </p>
      )}
    </>
  );
}

/** One card of the outline: its words, who added it, and every change as an ordinary button. */
export function OutlineCardItem(props: OutlineCardItemProps) {
  const { card, category, position, isFirst, isLast, writer, editing, actions } = props;
  const cardRef = t('outline.cardRef', { n: position, category: t(`category.${category}`) });
  return (
    <li className="outline-card" data-card={card.id}>
      {editing && writer ? (
        <OutlineCardEditor
          writer={writer}
          cardId={card.id}
          cardRef={cardRef}
          onClose={(how) => actions.closeEditor(card, category, how)}
          onNotice={actions.notice}
        />
      ) : (
        <p className="outline-card__text" dir="auto">
          {card.text === '' ? t('card.empty') : card.text}
        </p>
      )}
      <CardDetails card={card} />
      {writer && !editing && <CardControls {...props} cardRef={cardRef} isFirst={isFirst} isLast={isLast} />}
    </li>
  );
}

function CardControls({
  card,
  category,
  isFirst,
  isLast,
  actions,
  cardRef,
  mayMove,
  mayEditText,
}: OutlineCardItemProps & { readonly cardRef: string }) {
  const [confirming, setConfirming] = useState(false);
  const others = CATEGORIES.filter((c) => c !== category);
  const [target, setTarget] = useState<Category>(others[0] ?? 'harm');
  const keepRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  if (confirming) {
    const questionId = `outline-confirm-${card.id}`;
    return (
      <div className="outline-card__actions outline-card__confirm">
        <p id={questionId}>{t('outline.confirmDelete', { card: cardRef })}</p>
        <button
          type="button"
          className="danger"
          data-control="confirm-delete"
          aria-describedby={questionId}
          onClick={() => actions.remove(card, category)}
        >
          {t('outline.confirmYes')}
        </button>
        <button
          type="button"
          ref={keepRef}
          data-control="keep"
          aria-describedby={questionId}
          onClick={() => setConfirming(false)}
        >
          {t('outline.confirmNo')}
        </button>
      </div>
    );
  }

  return (
    <div className="outline-card__actions">
      {mayEditText && (
        <button type="button" data-control="edit" onClick={() => actions.edit(card)}>
          <ForCard label={t('outline.edit')} cardRef={cardRef} />
        </button>
      )}
      {/* aria-disabled, not disabled: the button keeps focus after the card reaches the end. */}
      {mayMove && (
        <button
          type="button"
          data-control="up"
          aria-disabled={isFirst}
          onClick={() => !isFirst && actions.step(card, category, 'up')}
        >
          <ForCard label={t('outline.moveUp')} cardRef={cardRef} />
        </button>
      )}
      {mayMove && (
        <button
          type="button"
          data-control="down"
          aria-disabled={isLast}
          onClick={() => !isLast && actions.step(card, category, 'down')}
        >
          <ForCard label={t('outline.moveDown')} cardRef={cardRef} />
        </button>
      )}
      {mayMove && card.partner === null && (
        <span className="outline-card__move">
          <label>
            <span className="visually-hidden">{t('outline.moveToLabel', { card: cardRef })}</span>
            <select
              data-control="move-target"
              value={target}
              onChange={(e) => setTarget(e.currentTarget.value as Category)}
            >
              {others.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" data-control="move" onClick={() => actions.moveTo(card, target)}>
            <ForCard label={t('outline.move')} cardRef={cardRef} />
          </button>
        </span>
      )}
      <button
        type="button"
        data-control="agree"
        aria-pressed={card.myMark === 'agree'}
        onClick={() => actions.mark(card, card.myMark === 'agree' ? null : 'agree')}
      >
        <ForCard label={t('outline.agree')} cardRef={cardRef} />
      </button>
      <button
        type="button"
        data-control="dispute"
        aria-pressed={card.myMark === 'dispute'}
        onClick={() => actions.mark(card, card.myMark === 'dispute' ? null : 'dispute')}
      >
        <ForCard label={t('outline.dispute')} cardRef={cardRef} />
      </button>
      {mayMove && (
        <button type="button" className="danger" data-control="delete" onClick={() => setConfirming(true)}>
          <ForCard label={t('outline.delete')} cardRef={cardRef} />
        </button>
      )}
    </div>
  );
}
