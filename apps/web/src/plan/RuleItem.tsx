import type { NetworkMemberState, RuleState, TextEdit } from '@kinmap/model';
import { useId } from 'react';
import type { BoardWriter } from '../editing/boardActions';
import { t } from '../lib/messages';
import { ConfirmRemove } from './ConfirmRemove';
import { PlanTextArea } from './PlanTextArea';
import { editRuleText } from './planActions';
import { memberLabel, responsibleMembers } from './planOrder';
import { getRuleText, type RuleTextField } from './planTexts';

export interface RuleItemProps {
  readonly session: BoardWriter;
  readonly rule: RuleState;
  readonly number: number;
  readonly members: readonly NetworkMemberState[];
  readonly focusText: boolean;
  readonly onResponsible: (member: NetworkMemberState, chosen: boolean) => void;
  /** Absent when this person may not remove rules (SPEC AC13: staff only). */
  readonly onRemove?: (() => void) | undefined;
}

/** One rule of the plan: what will happen, who makes sure, the warning signs and what follows. */
export function RuleItem({
  session,
  rule,
  number,
  members,
  focusText,
  onResponsible,
  onRemove,
}: RuleItemProps) {
  const peopleId = useId();
  const chosen = new Set(responsibleMembers(rule, members).map((member) => member.id));
  const text = (field: RuleTextField, label: string, focusOnMount = false) => (
    <PlanTextArea
      label={label}
      ytext={getRuleText(session.doc, rule.id, field)}
      write={(edit: TextEdit) => editRuleText(session, rule.id, field, edit)}
      focusOnMount={focusOnMount}
    />
  );
  return (
    <li className="plan-item">
      <h4 className="plan-item__title">{t('plan.rule.heading', { number })}</h4>
      {text('text', t('plan.rule.text'), focusText)}
      <fieldset className="plan-people" aria-describedby={members.length === 0 ? peopleId : undefined}>
        <legend className="plan-field__label">{t('plan.rule.responsible')}</legend>
        {members.length === 0 && (
          <p id={peopleId} className="hint">
            {t('plan.rule.noMembers')}
          </p>
        )}
        {members.map((member) => (
          <label key={member.id} className="plan-check">
            <input
              type="checkbox"
              checked={chosen.has(member.id)}
              onChange={(event) => onResponsible(member, event.currentTarget.checked)}
            />
            {memberLabel(member, members)}
          </label>
        ))}
      </fieldset>
      {text('redFlags', t('plan.rule.redFlags'))}
      {text('networkResponse', t('plan.rule.networkResponse'))}
      {text('howChildWillKnow', t('plan.rule.howChildWillKnow'))}
      {onRemove && (
        <ConfirmRemove
          label={t('plan.rule.remove', { number })}
          question={t('plan.rule.confirmRemove', { number })}
          onConfirm={onRemove}
        />
      )}
    </li>
  );
}
