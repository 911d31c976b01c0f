import type { NetworkMemberState, PlanState, RuleState } from '@kinmap/model';
import { t } from '../lib/messages';
import { memberLabel, responsibleMembers } from './planOrder';
import { formatReviewDate } from './reviewDate';
import { ToldSummary } from './ToldSummary';

export interface PlanReadOnlyProps {
  readonly members: readonly NetworkMemberState[];
  readonly rules: readonly RuleState[];
  readonly plan: PlanState;
}

/** One labelled detail; an empty one says so rather than leaving a gap. */
function Detail({ term, value }: { readonly term: string; readonly value: string }) {
  return (
    <div className="plan-detail">
      <dt>{term}</dt>
      <dd dir="auto">
        {value.trim() === '' ? <span className="plan-empty">{t('plan.notFilled')}</span> : value}
      </dd>
    </div>
  );
}

/** The plan for people who may read but not change it (viewers, the wall screen). */
export function PlanReadOnly({ members, rules, plan }: PlanReadOnlyProps) {
  return (
    <>
      <section className="plan-section" aria-labelledby="plan-network-title">
        <h3 id="plan-network-title">{t('plan.network.title')}</h3>
        <ToldSummary members={members} />
        {members.length === 0 && <p className="plan-empty">{t('plan.network.empty')}</p>}
        <ul className="plan-list">
          {members.map((member) => (
            <li key={member.id} className="plan-item">
              <h4 className="plan-item__title" dir="auto">
                {memberLabel(member, members)}
              </h4>
              <dl>
                <Detail term={t('plan.member.relationship')} value={member.relationship} />
                <Detail term={t('plan.member.contact')} value={member.contact} />
                <Detail term={t('plan.member.agreedTo')} value={member.agreedTo} />
              </dl>
              <p>{t(member.toldAboutWorries ? 'plan.member.told' : 'plan.member.notTold')}</p>
            </li>
          ))}
        </ul>
      </section>
      <section className="plan-section" aria-labelledby="plan-rules-title">
        <h3 id="plan-rules-title">{t('plan.rules.title')}</h3>
        {rules.length === 0 && <p className="plan-empty">{t('plan.rules.empty')}</p>}
        <ol className="plan-list">
          {rules.map((rule, index) => {
            const people = responsibleMembers(rule, members).map((m) => memberLabel(m, members));
            return (
              <li key={rule.id} className="plan-item">
                <h4 className="plan-item__title">{t('plan.rule.heading', { number: index + 1 })}</h4>
                <dl>
                  <Detail term={t('plan.rule.text')} value={rule.text} />
                  <Detail term={t('plan.rule.responsible')} value={people.join(', ')} />
                  <Detail term={t('plan.rule.redFlags')} value={rule.redFlags} />
                  <Detail term={t('plan.rule.networkResponse')} value={rule.networkResponse} />
                  <Detail term={t('plan.rule.howChildWillKnow')} value={rule.howChildWillKnow} />
                </dl>
              </li>
            );
          })}
        </ol>
      </section>
      <section className="plan-section" aria-labelledby="plan-details-title">
        <h3 id="plan-details-title">{t('plan.details.title')}</h3>
        <dl>
          <Detail term={t('plan.bottomLines')} value={plan.bottomLines} />
          <Detail term={t('plan.monitoringWho')} value={plan.monitoringWho} />
          <Detail term={t('plan.monitoringHowOften')} value={plan.monitoringHowOften} />
          <Detail
            term={t('plan.reviewDate')}
            value={plan.reviewDate ? formatReviewDate(plan.reviewDate) : ''}
          />
        </dl>
      </section>
    </>
  );
}
