import { type BoardState, may, type Role } from '@kinmap/model';
import { useMemo, useRef } from 'react';
import { useCardWriter } from '../board/professionalsOnlyContext';
import type { BoardSession, Me } from '../board/useBoard';
import { mayMarkProfessionalsOnly, mayWriteBoard } from '../editing/cardPermissions';
import { t } from '../lib/messages';
import { OutlineCardItem } from './OutlineCardItem';
import { OutlinePlan } from './OutlinePlan';
import { OutlineScales } from './OutlineScales';
import { OUTLINE_ID } from './outlineId';
import { type OutlineCategory, outlineColumns } from './outlineModel';
import { outlineScales } from './outlineScales';
import { planSummary } from './planSummary';
import { type OutlineActions, useOutlineActions } from './useOutlineActions';
import { useRemoteAnnouncement } from './useRemoteAnnouncement';

export { OUTLINE_ID };

export interface OutlineViewProps {
  readonly session: BoardSession | null;
  /** The board as this person may see it. */
  readonly board: BoardState;
  /** The whole board: only used to place moved cards among ones this person cannot see. */
  readonly everything: BoardState | null;
  readonly me: Me;
}

function CategoryPart({
  entry,
  canEdit,
  role,
  session,
  actions,
}: {
  readonly entry: OutlineCategory;
  readonly canEdit: boolean;
  readonly role: Role;
  readonly session: BoardSession | null;
  readonly actions: OutlineActions;
}) {
  const { category, cards } = entry;
  // A professionals-only card's text is edited in the restricted document.
  const writerOf = useCardWriter(session);
  const headingId = `outline-${category}`;
  return (
    <div className="outline-category">
      <h3 id={headingId}>{t(`category.${category}`)}</h3>
      <p className="outline-prompt">{t(`prompt.${category}`)}</p>
      {cards.length === 0 ? (
        <p className="outline-empty">{t('outline.noCards')}</p>
      ) : (
        <ol className="outline-cards" aria-labelledby={headingId}>
          {cards.map((card, i) => (
            <OutlineCardItem
              key={card.id}
              card={card}
              category={category}
              position={i + 1}
              isFirst={i === 0}
              isLast={i === cards.length - 1}
              writer={canEdit ? writerOf(card.id) : null}
              editing={actions.editingId === card.id}
              actions={actions}
              mayMove={may(role, card.mine ? 'AC4' : 'AC5')}
              mayEditText={may(role, card.mine ? 'AC3' : 'AC30')}
            />
          ))}
        </ol>
      )}
      {canEdit && (
        <button
          type="button"
          className="outline-add"
          data-add={category}
          onClick={() => actions.add(category)}
        >
          {t('outline.addCardTo', { category: t(`category.${category}`) })}
        </button>
      )}
    </div>
  );
}

/**
 * The board as ordinary HTML for screen readers and keyboards: the same live document as the
 * map, with headings per column and category, numbered cards, the scales and the plan.
 */
export function OutlineView({ session, board, everything, me }: OutlineViewProps) {
  const whole = everything ?? board;
  // [AC11] A locked board stops family and network writing.
  const canEdit = mayWriteBoard(board.meta.locked === true, me) && session !== null;
  const root = useRef<HTMLElement | null>(null);
  const actions = useOutlineActions(session, board, whole, root);
  const columns = useMemo(
    () => outlineColumns(board, me.participantId, whole),
    [board, me.participantId, whole],
  );
  const scales = useMemo(() => outlineScales(board, whole), [board, whole]);
  const plan = useMemo(() => planSummary(board), [board]);
  const said = useRemoteAnnouncement(session, me.role);
  const locale = document.documentElement.lang || 'en';

  return (
    <main id={OUTLINE_ID} ref={root} className="outline" tabIndex={-1} aria-label={t('outline.label')}>
      <p className="outline-intro">{canEdit ? t('outline.intro') : t('toolbar.readOnly')}</p>
      {canEdit && mayMarkProfessionalsOnly(me) && (
        <label className="outline-new-restricted">
          <input
            type="checkbox"
            checked={actions.newProfessionalsOnly}
            onChange={(e) => actions.setNewProfessionalsOnly(e.currentTarget.checked)}
          />{' '}
          {t('toolbar.newProfessionalsOnly')}
        </label>
      )}
      <p className="notice" role="alert">
        {actions.shownNotice ? t(actions.shownNotice) : ''}
      </p>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="outline-announcer">
        <span key={said.serial}>{said.text}</span>
      </div>
      <div className="outline-columns">
        {columns.map(({ column, categories }) => (
          <section key={column} className="outline-column">
            <h2>{t(`column.${column}`)}</h2>
            {categories.map((entry) => (
              <CategoryPart
                key={entry.category}
                entry={entry}
                canEdit={canEdit}
                role={me.role}
                session={session}
                actions={actions}
              />
            ))}
          </section>
        ))}
      </div>
      <OutlineScales scales={scales} />
      <OutlinePlan summary={plan} locale={locale} />
    </main>
  );
}
