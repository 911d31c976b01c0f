import { type BoardState, may } from '@kinmap/model';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BoardSession, Me } from '../board/useBoard';
import type { ActionOutcome } from '../editing/boardActions';
import { mayWriteBoard } from '../editing/cardPermissions';
import { type MessageKey, t } from '../lib/messages';
import { ChildPlansSection } from './ChildPlansSection';
import { NetworkSection } from './NetworkSection';
import { PeopleSection } from './PeopleSection';
import { PlanDetails } from './PlanDetails';
import { PlanReadOnly } from './PlanReadOnly';
import { membersInOrder, peopleInOrder, rulesInOrder } from './planOrder';
import { RulesSection } from './RulesSection';

export interface PlanViewProps {
  readonly boardId: string;
  readonly session: BoardSession | null;
  /** The board as this person may see it (nothing in the plan is for professionals only today). */
  readonly board: BoardState;
  readonly me: Me;
  /** Opens a child's tool in the child's voice view (the safety plan for the child). */
  readonly onOpenChildTool: (toolId: string) => void;
}

const NOTICE_MS = 6000;

/** The safety plan: the network, the rules, the bottom lines and review, live for everyone. */
export function PlanView({ boardId, session, board, me, onOpenChildTool }: PlanViewProps) {
  // [AC11] A locked board stops family and network writing.
  const canEdit = may(me.role, 'AC12') && mayWriteBoard(board.meta.locked === true, me);
  const canRemove = may(me.role, 'AC13');
  const members = useMemo(() => membersInOrder(board), [board]);
  const rules = useMemo(() => rulesInOrder(board), [board]);
  const people = useMemo(() => peopleInOrder(board), [board]);
  const participants = useMemo(() => Object.values(board.participants), [board]);
  const canEditPeople = may(me.role, 'AC46') && mayWriteBoard(board.meta.locked === true, me);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const report = useCallback(<T,>(outcome: ActionOutcome<T>) => {
    if (!outcome.ok) setNotice(outcome.notice);
    return outcome;
  }, []);

  return (
    <div className="plan-scroll">
      <section className="plan" aria-labelledby="plan-title">
        <h2 id="plan-title">{t('plan.title')}</h2>
        <p className="hint">{t(canEdit ? 'plan.intro' : 'plan.readOnly')}</p>
        <p className="notice" role="status">
          {notice ? t(notice) : ''}
        </p>
        <PeopleSection
          session={session}
          people={people}
          participants={participants}
          report={report}
          canEdit={canEditPeople}
        />
        {canEdit ? (
          <>
            <NetworkSection session={session} members={members} report={report} canRemove={canRemove} />
            <RulesSection
              session={session}
              rules={rules}
              members={members}
              report={report}
              canRemove={canRemove}
            />
            <PlanDetails session={session} plan={board.plan} report={report} />
          </>
        ) : (
          <PlanReadOnly members={members} rules={rules} plan={board.plan} />
        )}
        <ChildPlansSection
          boardId={boardId}
          caseChildren={people.filter((person) => person.kind === 'child')}
          me={me}
          onOpen={onOpenChildTool}
        />
      </section>
    </div>
  );
}
