import { may, type PersonState } from '@kinmap/model';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../board/useBoard';
import { type ChildToolInfo, listChildTools, startChildTool } from '../child/childToolApi';
import { PrintTool } from '../child/PrintTool';
import { t } from '../lib/messages';

export interface ChildPlansSectionProps {
  readonly boardId: string;
  /** The children of the case, in order. */
  readonly caseChildren: readonly PersonState[];
  readonly me: Me;
  /** Opens a tool in the child's voice view. */
  readonly onOpen: (toolId: string) => void;
}

/**
 * The safety plan for each child (issue 15): how the child will know, written for them with
 * pictures (a child's tool of kind `child-safety-plan`, started from the rules' "how the child will
 * know"), opened in the child's voice view and printed for the child in large type. Shown as the
 * child chose, like every child's tool ([CT3]).
 */
export function ChildPlansSection({ boardId, caseChildren, me, onOpen }: ChildPlansSectionProps) {
  const [tools, setTools] = useState<readonly ChildToolInfo[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const mayStart = may(me.role, 'CT1');
  const refresh = useCallback(async () => {
    const result = await listChildTools(boardId);
    if (result.ok) setTools(result.value);
    else setFailed(true);
  }, [boardId]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (caseChildren.length === 0) return null;
  const planOf = (person: PersonState) =>
    tools?.find((tool) => tool.personId === person.id && tool.kind === 'child-safety-plan') ?? null;
  // Family and network see a child's plan only once the child chose to show it to them.
  if (!mayStart && tools !== null && !caseChildren.some((person) => planOf(person)?.mayOpen)) return null;

  const start = async (person: PersonState) => {
    setBusy(true);
    setFailed(false);
    const result = await startChildTool(boardId, { personId: person.id, kind: 'child-safety-plan' });
    setBusy(false);
    if (!result.ok) {
      setFailed(true);
      return;
    }
    onOpen(result.value.id);
  };

  return (
    <section className="plan-section" aria-labelledby="plan-children-title">
      <h3 id="plan-children-title">{t('plan.forChild.title')}</h3>
      <p className="hint">{t('plan.forChild.hint')}</p>
      {failed && (
        <p role="alert" className="error">
          {t('plan.forChild.failed')}
        </p>
      )}
      <ul className="plan-list" aria-labelledby="plan-children-title">
        {caseChildren.map((person) => {
          const plan = planOf(person);
          return (
            <li key={person.id} className="plan-child">
              <span className="plan-child__name" dir="auto">
                {t('plan.forChild.name', { child: person.name })}
              </span>
              {plan?.mayOpen ? (
                <span className="plan-child__actions">
                  <button type="button" onClick={() => onOpen(plan.id)}>
                    {t('plan.forChild.open', { child: person.name })}
                  </button>
                  <PrintTool boardId={boardId} toolId={plan.id} />
                </span>
              ) : plan ? (
                <span className="hint">{t('child.notShared', { child: person.name })}</span>
              ) : mayStart ? (
                <button type="button" disabled={busy || tools === null} onClick={() => void start(person)}>
                  {t('plan.forChild.start', { child: person.name })}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
