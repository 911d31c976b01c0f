import type { RuleId } from '@kinmap/model';
import * as Y from 'yjs';

/** The collaborative texts of a rule (docs/PROTOCOL.md: `rules` -> RuleId -> Y.Map of Y.Texts). */
export const RULE_TEXT_FIELDS = ['text', 'redFlags', 'networkResponse', 'howChildWillKnow'] as const;
export type RuleTextField = (typeof RULE_TEXT_FIELDS)[number];

/** The collaborative texts of the plan itself (`plan` -> Y.Map of Y.Texts). */
export const PLAN_TEXT_FIELDS = ['bottomLines', 'monitoringWho', 'monitoringHowOften'] as const;
export type PlanTextField = (typeof PLAN_TEXT_FIELDS)[number];

// The model exports `getCardText` for cards but no twin for rule and plan texts yet; these two
// read the documented layout defensively (null, never a throw) until it does.
function mapOf(value: unknown): Y.Map<unknown> | null {
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

function topMap(doc: Y.Doc, name: 'rules' | 'plan'): Y.Map<unknown> | null {
  try {
    return doc.getMap<unknown>(name);
  } catch {
    return null;
  }
}

function textIn(map: Y.Map<unknown> | null, key: string): Y.Text | null {
  const value = map?.get(key);
  return value instanceof Y.Text ? value : null;
}

/** The Y.Text behind one of a rule's texts, for binding an editor to it. */
export function getRuleText(doc: Y.Doc, ruleId: RuleId, field: RuleTextField): Y.Text | null {
  return textIn(mapOf(topMap(doc, 'rules')?.get(ruleId)), field);
}

/** The Y.Text behind one of the plan's texts (bottom lines, monitoring). */
export function getPlanText(doc: Y.Doc, field: PlanTextField): Y.Text | null {
  return textIn(topMap(doc, 'plan'), field);
}
