import type { PlanState } from '@kinmap/model';
import type { ActionOutcome, BoardWriter } from '../editing/boardActions';
import { t } from '../lib/messages';
import { PlanTextArea } from './PlanTextArea';
import { editPlanText, setReviewDate } from './planActions';
import { getPlanText } from './planTexts';
import { ReviewDateField } from './ReviewDateField';

export interface PlanDetailsProps {
  readonly session: BoardWriter | null;
  readonly plan: PlanState;
  readonly report: <T>(outcome: ActionOutcome<T>) => ActionOutcome<T>;
}

/** The agency's bottom lines, who checks the plan and how often, and when it is reviewed. */
export function PlanDetails({ session, plan, report }: PlanDetailsProps) {
  if (!session) return null;
  return (
    <section className="plan-section" aria-labelledby="plan-details-title">
      <h3 id="plan-details-title">{t('plan.details.title')}</h3>
      <PlanTextArea
        label={t('plan.bottomLines')}
        hint={t('plan.bottomLinesHint')}
        ytext={getPlanText(session.doc, 'bottomLines')}
        write={(edit) => editPlanText(session, 'bottomLines', edit)}
      />
      <PlanTextArea
        label={t('plan.monitoringWho')}
        ytext={getPlanText(session.doc, 'monitoringWho')}
        write={(edit) => editPlanText(session, 'monitoringWho', edit)}
      />
      <PlanTextArea
        label={t('plan.monitoringHowOften')}
        ytext={getPlanText(session.doc, 'monitoringHowOften')}
        write={(edit) => editPlanText(session, 'monitoringHowOften', edit)}
      />
      <ReviewDateField
        reviewDate={plan.reviewDate}
        onSave={(reviewDate) => report(setReviewDate(session, reviewDate))}
      />
    </section>
  );
}
