import {
  type BoardState,
  compareOrdered,
  type NetworkMemberId,
  type NetworkMemberState,
  type PersonState,
  type RuleState,
} from '@kinmap/model';
import { t } from '../lib/messages';

/** The network in the order everyone sees it: by `order`, ties broken by id. */
export function membersInOrder(board: BoardState): NetworkMemberState[] {
  return Object.values(board.network).sort(compareOrdered);
}

/** The rules in the order everyone sees them. */
/** The people of the case in the order they were added (issue 14). */
export function peopleInOrder(board: BoardState): PersonState[] {
  return Object.values(board.people).sort(compareOrdered);
}

export function rulesInOrder(board: BoardState): RuleState[] {
  return Object.values(board.rules).sort(compareOrdered);
}

/**
 * The people named on a rule, in network order. A member removed while someone else ticked
 * them can still be listed on the rule; they are left out here, not shown as a blank.
 */
export function responsibleMembers(
  rule: RuleState,
  members: readonly NetworkMemberState[],
): NetworkMemberState[] {
  const chosen = new Set<string>(rule.responsibleMemberIds);
  return members.filter((member) => chosen.has(member.id));
}

/**
 * The rule's people after one box is ticked or cleared, keeping only members that still exist
 * (the model refuses a rule naming someone who is not in the network).
 */
export function withResponsible(
  rule: RuleState,
  members: readonly NetworkMemberState[],
  memberId: NetworkMemberId,
  chosen: boolean,
): NetworkMemberId[] {
  const ids = new Set<NetworkMemberId>(responsibleMembers(rule, members).map((m) => m.id));
  if (chosen) ids.add(memberId);
  else ids.delete(memberId);
  return members.filter((member) => ids.has(member.id)).map((member) => member.id);
}

/** A member's name, or "Person 2" from their place in the list while the name is still empty. */
export function memberLabel(member: NetworkMemberState, members: readonly NetworkMemberState[]): string {
  const name = member.name.trim();
  if (name !== '') return name;
  return t('plan.member.unnamed', { number: members.findIndex((m) => m.id === member.id) + 1 });
}
