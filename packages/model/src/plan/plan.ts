import type * as Y from 'yjs';
import { applyRenumber, attachMap, attachText, childMap, topMap, writeTextField } from '../doc/docMaps.js';
import { asRuleId, newId } from '../doc/ids.js';
import { compareOrdered, planOrder } from '../doc/order.js';
import { findIn, readAll, readNetworkMember, readRule } from '../doc/records.js';
import { done, fail, ok } from '../doc/result.js';
import { planInput, ruleFields, ruleIdSchema } from '../doc/schema.js';
import { commit, type OpOptions, prepare } from '../doc/transact.js';
import type { Actor, NetworkMemberId, PlanState, Result, RuleId } from '../doc/types.js';
import { z } from '../doc/zod.js';

/** The editable parts of a safety-plan rule. Texts are collaborative (Y.Text) in the doc. */
export interface RuleFields {
  readonly text?: string;
  readonly redFlags?: string;
  readonly networkResponse?: string;
  readonly howChildWillKnow?: string;
  /** Replaces the whole set of people who make sure the rule happens. */
  readonly responsibleMemberIds?: readonly NetworkMemberId[];
}

const RULE_TEXTS = ['text', 'redFlags', 'networkResponse', 'howChildWillKnow'] as const;
const PLAN_TEXTS = ['bottomLines', 'monitoringWho', 'monitoringHowOften'] as const;

function missingMember(doc: Y.Doc, ids: readonly NetworkMemberId[] | undefined): Result<void> {
  const missing = ids?.find((id) => findIn(doc, 'network', id, readNetworkMember) === null);
  return missing === undefined ? done : fail('not-found', `network member ${missing}`);
}

/** Appends a rule to the safety plan; every responsible person must be a network member. */
export function addRule(
  doc: Y.Doc,
  actor: Actor,
  fields: RuleFields,
  opts?: OpOptions,
): Result<{ ruleId: RuleId }> {
  const op = prepare(ruleFields, actor, fields, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const members = missingMember(doc, input.responsibleMemberIds);
  if (!members.ok) return members;
  const ruleId = commit(doc, origin, () => {
    const rules = topMap(doc, 'rules');
    const siblings = Object.values(readAll(doc, 'rules', readRule)).sort(compareOrdered);
    const plan = planOrder(siblings, siblings.length);
    applyRenumber(rules, plan);
    const id = asRuleId(newId());
    const rule = attachMap(rules, id);
    rule.set('id', id);
    rule.set('order', plan.order);
    const responsible = attachMap(rule, 'responsible');
    for (const memberId of input.responsibleMemberIds ?? []) responsible.set(memberId, true);
    for (const key of RULE_TEXTS) attachText(rule, key, input[key] ?? '');
    return id;
  });
  return ok({ ruleId });
}

/** Changes the given parts of a rule; texts change by the smallest splice so co-editors' work survives. */
export function updateRule(
  doc: Y.Doc,
  actor: Actor,
  ruleId: RuleId,
  changes: RuleFields,
  opts?: OpOptions,
): Result<void> {
  const op = prepare(
    z.object({ ruleId: ruleIdSchema, changes: ruleFields }),
    actor,
    { ruleId, changes },
    opts,
  );
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const rule = findIn(doc, 'rules', input.ruleId, readRule);
  if (rule === null) return fail('not-found', `rule ${input.ruleId}`);
  const members = missingMember(doc, input.changes.responsibleMemberIds);
  if (!members.ok) return members;
  commit(doc, origin, () => {
    for (const key of RULE_TEXTS) {
      const next = input.changes[key];
      if (next !== undefined) writeTextField(rule.map, key, next);
    }
    const ids = input.changes.responsibleMemberIds;
    if (ids === undefined) return;
    const responsible = childMap(rule.map, 'responsible') ?? attachMap(rule.map, 'responsible');
    for (const id of [...responsible.keys()])
      if (!ids.includes(id as NetworkMemberId)) responsible.delete(id);
    for (const id of ids) if (responsible.get(id) !== true) responsible.set(id, true);
  });
  return done;
}

export function removeRule(doc: Y.Doc, actor: Actor, ruleId: RuleId, opts?: OpOptions): Result<void> {
  const op = prepare(z.object({ ruleId: ruleIdSchema }), actor, { ruleId }, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  if (findIn(doc, 'rules', input.ruleId, readRule) === null) return fail('not-found', `rule ${input.ruleId}`);
  commit(doc, origin, () => topMap(doc, 'rules').delete(input.ruleId));
  return done;
}

/**
 * Changes the given parts of the plan: bottom lines, monitoring, and the review date
 * (`YYYY-MM-DD`, or null to clear it).
 * @example setPlan(doc, actor, { reviewDate: '2025-03-14' })
 */
export function setPlan(
  doc: Y.Doc,
  actor: Actor,
  changes: Partial<PlanState>,
  opts?: OpOptions,
): Result<void> {
  const op = prepare(planInput, actor, changes, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  commit(doc, origin, () => {
    const plan = topMap(doc, 'plan');
    for (const key of PLAN_TEXTS) {
      const next = input[key];
      if (next !== undefined) writeTextField(plan, key, next);
    }
    if (input.reviewDate !== undefined && plan.get('reviewDate') !== input.reviewDate) {
      plan.set('reviewDate', input.reviewDate);
    }
  });
  return done;
}
