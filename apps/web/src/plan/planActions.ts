import {
  addNetworkMember,
  addRule,
  applyTextEdit,
  type NetworkMemberFields,
  type NetworkMemberId,
  type Result,
  type RuleId,
  removeNetworkMember,
  removeRule,
  setPlan,
  type TextEdit,
  updateNetworkMember,
  updateRule,
} from '@kinmap/model';
import type { ActionOutcome, BoardWriter } from '../editing/boardActions';
import { getPlanText, getRuleText, type PlanTextField, type RuleTextField } from './planTexts';

// The one place the plan view changes the document; like boardActions, each action returns the
// value or the notice to show, so components never read model failure reasons.

function outcome<T>(
  result: Result<T>,
  notice: 'plan.notice.failed' | 'plan.notice.addFailed',
): ActionOutcome<T> {
  return result.ok ? { ok: true, value: result.value } : { ok: false, notice };
}

export function addMemberTo(session: BoardWriter): ActionOutcome<NetworkMemberId> {
  const result = addNetworkMember(session.doc, session.actor, {});
  return result.ok
    ? { ok: true, value: result.value.memberId }
    : { ok: false, notice: 'plan.notice.addFailed' };
}

export function saveMember(
  session: BoardWriter,
  memberId: NetworkMemberId,
  changes: NetworkMemberFields,
): ActionOutcome<void> {
  return outcome(updateNetworkMember(session.doc, session.actor, memberId, changes), 'plan.notice.failed');
}

export function removeMember(session: BoardWriter, memberId: NetworkMemberId): ActionOutcome<void> {
  return outcome(removeNetworkMember(session.doc, session.actor, memberId), 'plan.notice.failed');
}

export function addRuleTo(session: BoardWriter): ActionOutcome<RuleId> {
  const result = addRule(session.doc, session.actor, {});
  return result.ok
    ? { ok: true, value: result.value.ruleId }
    : { ok: false, notice: 'plan.notice.addFailed' };
}

export function removeRuleFrom(session: BoardWriter, ruleId: RuleId): ActionOutcome<void> {
  return outcome(removeRule(session.doc, session.actor, ruleId), 'plan.notice.failed');
}

export function setResponsible(
  session: BoardWriter,
  ruleId: RuleId,
  memberIds: readonly NetworkMemberId[],
): ActionOutcome<void> {
  return outcome(
    updateRule(session.doc, session.actor, ruleId, { responsibleMemberIds: memberIds }),
    'plan.notice.failed',
  );
}

/**
 * Applies one typed splice to a rule text. The model has no splice op for rule texts yet, so
 * the whole new string goes to `updateRule`, which writes it back as the same minimal splice
 * (it diffs against the text this edit was computed from, in the same tick).
 */
export function editRuleText(
  session: BoardWriter,
  ruleId: RuleId,
  field: RuleTextField,
  edit: TextEdit,
): boolean {
  const text = getRuleText(session.doc, ruleId, field);
  if (!text) return false;
  const next = applyTextEdit(text.toString(), edit);
  return updateRule(session.doc, session.actor, ruleId, { [field]: next }).ok;
}

/** Applies one typed splice to a plan text, through `setPlan` like `editRuleText`. */
export function editPlanText(session: BoardWriter, field: PlanTextField, edit: TextEdit): boolean {
  const text = getPlanText(session.doc, field);
  if (!text) return false;
  const next = applyTextEdit(text.toString(), edit);
  return setPlan(session.doc, session.actor, { [field]: next }).ok;
}

export function setReviewDate(session: BoardWriter, reviewDate: string | null): ActionOutcome<void> {
  return outcome(setPlan(session.doc, session.actor, { reviewDate }), 'plan.notice.failed');
}
