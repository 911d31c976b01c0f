import { mayManage, ROLES, type Role } from '@kinmap/model';
import { t } from '../lib/messages';
import type { BoardMember, Invite } from './inviteApi';

/**
 * Which roles a member may invite (SPEC [AU7]): the model's `mayManage`, which the server
 * enforces too.
 */
export function invitableRoles(inviter: Role): readonly Role[] {
  return ROLES.filter((role) => mayManage(inviter, role));
}

/** Whether `actor` may remove `target`'s access ([AU11]): the same rule, never oneself. */
export function mayRemove(actor: Role, target: BoardMember, myMemberId: string): boolean {
  return target.id !== myMemberId && target.revokedAt === null && mayManage(actor, target.role);
}

/** How long a new link works, in days; a week unless the inviter says otherwise. */
export const EXPIRY_DAYS = [1, 3, 7, 14, 30] as const;
export const DEFAULT_EXPIRY_DAYS = 7;

/** One line about an invite: not opened yet, opened by whom, expired or revoked. */
export function inviteStatusText(invite: Invite, members: ReadonlyMap<string, BoardMember>): string {
  switch (invite.status) {
    case 'open':
      return t('invite.status.open');
    case 'used': {
      const name = invite.usedByMemberId ? members.get(invite.usedByMemberId)?.displayName : undefined;
      return name ? t('invite.status.used', { name }) : t('invite.status.usedBySomeone');
    }
    case 'expired':
      return t('invite.status.expired');
    case 'revoked':
      return t('invite.status.revoked');
  }
}

/**
 * An open link can be revoked, and so can an opened one: that also ends the access of the person
 * who joined with it (the server removes their member, as "Remove access" does).
 */
export function mayRevoke(actor: Role, invite: Invite): boolean {
  return (invite.status === 'open' || invite.status === 'used') && mayManage(actor, invite.role);
}
