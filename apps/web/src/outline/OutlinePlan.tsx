import type { NetworkMemberState } from '@kinmap/model';
import type { ReactNode } from 'react';
import { type MessageKey, t } from '../lib/messages';
import { formatReviewDate, type PlanSummary, type RuleSummary } from './planSummary';

/** Board words shown with their own direction, or "Not written yet". */
function words(text: string): ReactNode {
  return text.trim() === '' ? t('outline.notSet') : <bdi dir="auto">{text}</bdi>;
}

function Fields({ rows }: { readonly rows: ReadonlyArray<readonly [MessageKey, ReactNode]> }) {
  return (
    <dl className="outline-fields">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Member({ member }: { readonly member: NetworkMemberState }) {
  return (
    <li>
      <p className="outline-plan__name">{words(member.name)}</p>
      <Fields
        rows={[
          ['outline.relationship', words(member.relationship)],
          ['outline.contact', words(member.contact)],
          ['outline.agreedTo', words(member.agreedTo)],
          ['outline.toldAboutWorries', t(member.toldAboutWorries ? 'outline.yes' : 'outline.no')],
        ]}
      />
    </li>
  );
}

function Rule({ rule }: { readonly rule: RuleSummary }) {
  const people = rule.responsible.filter((name) => name.trim() !== '');
  return (
    <li>
      <p className="outline-plan__name">{words(rule.text)}</p>
      <Fields
        rows={[
          ['outline.responsible', words(people.join(', '))],
          ['outline.redFlags', words(rule.redFlags)],
          ['outline.networkResponse', words(rule.networkResponse)],
          ['outline.howChildWillKnow', words(rule.howChildWillKnow)],
        ]}
      />
    </li>
  );
}

/** The safety plan, read only: who is in the network, the rules, bottom lines, monitoring, review. */
export function OutlinePlan({ summary, locale }: { readonly summary: PlanSummary; readonly locale: string }) {
  const { network, rules, plan } = summary;
  return (
    <section className="outline-section">
      <h2>{t('outline.plan')}</h2>
      <p className="outline-prompt">{t('outline.planHint')}</p>
      <h3>{t('outline.network')}</h3>
      {network.length === 0 ? (
        <p>{t('outline.noNetwork')}</p>
      ) : (
        <ul className="outline-plan__list">
          {network.map((member) => (
            <Member key={member.id} member={member} />
          ))}
        </ul>
      )}
      <h3>{t('outline.rules')}</h3>
      {rules.length === 0 ? (
        <p>{t('outline.noRules')}</p>
      ) : (
        <ol className="outline-plan__list">
          {rules.map((rule) => (
            <Rule key={rule.id} rule={rule} />
          ))}
        </ol>
      )}
      <h3>{t('outline.bottomLines')}</h3>
      <p className="outline-plan__text">{words(plan.bottomLines)}</p>
      <h3>{t('outline.monitoring')}</h3>
      <Fields
        rows={[
          ['outline.monitoringWho', words(plan.monitoringWho)],
          ['outline.monitoringHowOften', words(plan.monitoringHowOften)],
        ]}
      />
      <h3>{t('outline.reviewDate')}</h3>
      <p>{plan.reviewDate ? formatReviewDate(plan.reviewDate, locale) : t('outline.notSet')}</p>
    </section>
  );
}
