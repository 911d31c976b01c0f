import type { NetworkMemberState, RuleId, RuleState } from '@kinmap/model';
import { useState } from 'react';
import type { ActionOutcome, BoardWriter } from '../editing/boardActions';
import { t } from '../lib/messages';
import { addRuleTo, removeRuleFrom, setResponsible } from './planActions';
import { withResponsible } from './planOrder';
import { RuleItem } from './RuleItem';

export interface RulesSectionProps {
  readonly session: BoardWriter | null;
  readonly rules: readonly RuleState[];
  readonly members: readonly NetworkMemberState[];
  readonly report: <T>(outcome: ActionOutcome<T>) => ActionOutcome<T>;
  /** Whether this person may remove rules (the server refuses it otherwise: SPEC AC13). */
  readonly canRemove: boolean;
}

/** The rules of the plan, each with the network members who make sure it happens. */
export function RulesSection({ session, rules, members, report, canRemove }: RulesSectionProps) {
  const [addedId, setAddedId] = useState<RuleId | null>(null);
  const add = () => {
    if (!session) return;
    const outcome = report(addRuleTo(session));
    if (outcome.ok) setAddedId(outcome.value);
  };
  return (
    <section className="plan-section" aria-labelledby="plan-rules-title">
      <h3 id="plan-rules-title">{t('plan.rules.title')}</h3>
      <p className="hint">{t('plan.rules.hint')}</p>
      {rules.length === 0 ? (
        <p className="plan-empty">{t('plan.rules.empty')}</p>
      ) : (
        session && (
          <ol className="plan-list" aria-labelledby="plan-rules-title">
            {rules.map((rule, index) => (
              <RuleItem
                key={rule.id}
                session={session}
                rule={rule}
                number={index + 1}
                members={members}
                focusText={rule.id === addedId}
                onResponsible={(member, chosen) =>
                  report(setResponsible(session, rule.id, withResponsible(rule, members, member.id, chosen)))
                }
                onRemove={canRemove ? () => report(removeRuleFrom(session, rule.id)) : undefined}
              />
            ))}
          </ol>
        )
      )}
      <button type="button" className="plan-add" disabled={!session} onClick={add}>
        {t('plan.rules.add')}
      </button>
    </section>
  );
}
