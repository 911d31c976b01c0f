import { type BoardState, compareOrdered, type NetworkMemberState, type PlanState } from '@kinmap/model';

export interface RuleSummary {
  readonly id: string;
  readonly text: string;
  /** Names of the network members who make sure it happens, in network order. */
  readonly responsible: readonly string[];
  readonly redFlags: string;
  readonly networkResponse: string;
  readonly howChildWillKnow: string;
}

export interface PlanSummary {
  readonly network: readonly NetworkMemberState[];
  readonly rules: readonly RuleSummary[];
  readonly plan: PlanState;
}

/** The safety plan in reading order: network members, then rules with their people's names. */
export function planSummary(board: BoardState): PlanSummary {
  const network = Object.values(board.network).sort(compareOrdered);
  const rules = Object.values(board.rules)
    .sort(compareOrdered)
    .map((rule) => {
      const ids = new Set<string>(rule.responsibleMemberIds);
      return {
        id: rule.id,
        text: rule.text,
        responsible: network.filter((member) => ids.has(member.id)).map((member) => member.name),
        redFlags: rule.redFlags,
        networkResponse: rule.networkResponse,
        howChildWillKnow: rule.howChildWillKnow,
      };
    });
  return { network, rules, plan: board.plan };
}

/**
 * A `YYYY-MM-DD` review date in words for `locale`, read as a calendar day (no time zone shift).
 * Anything that is not such a date is returned as it is.
 * @example formatReviewDate('2026-03-14', 'en-GB') // '14 March 2026'
 */
export function formatReviewDate(iso: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
