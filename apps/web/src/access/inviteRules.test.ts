import { describe, expect, it } from 'vitest';
import type { BoardMember, Invite } from './inviteApi';
import { invitableRoles, inviteStatusText, mayRemove, mayRevoke } from './inviteRules';

const invite = (over: Partial<Invite>): Invite => ({
  id: 'i1',
  role: 'family',
  label: 'Alex',
  createdAt: 1,
  expiresAt: 2,
  status: 'open',
  usedByMemberId: null,
  link: null,
  ...over,
});
const member = (over: Partial<BoardMember>): BoardMember => ({
  id: 'm2',
  role: 'family',
  displayName: 'Alex',
  staff: false,
  createdAt: 1,
  revokedAt: null,
  ...over,
});

describe('invites', () => {
  it('lets a facilitator invite any role and a practitioner only family, network and viewers', () => {
    expect(invitableRoles('facilitator')).toEqual([
      'facilitator',
      'practitioner',
      'family',
      'network',
      'viewer',
    ]);
    expect(invitableRoles('practitioner')).toEqual(['family', 'network', 'viewer']);
    expect(invitableRoles('family')).toEqual([]);
    expect(invitableRoles('viewer')).toEqual([]);
  });

  it('says who opened a link, by the member’s name', () => {
    const members = new Map([['m2', member({})]]);
    expect(inviteStatusText(invite({ status: 'used', usedByMemberId: 'm2' }), members)).toBe(
      'Opened by Alex',
    );
    expect(inviteStatusText(invite({ status: 'used', usedByMemberId: 'm9' }), members)).toBe('Opened');
    expect(inviteStatusText(invite({ status: 'open' }), members)).toBe('Not opened yet');
    expect(inviteStatusText(invite({ status: 'expired' }), members)).toBe('Expired');
    expect(inviteStatusText(invite({ status: 'revoked' }), members)).toBe('Revoked');
  });

  it('offers revoking open and opened links the person may manage, not expired or revoked ones', () => {
    expect(mayRevoke('practitioner', invite({}))).toBe(true);
    expect(mayRevoke('practitioner', invite({ role: 'facilitator' }))).toBe(false);
    // Opened: revoking it removes the person who joined with it (issue 13 item 7).
    expect(mayRevoke('facilitator', invite({ status: 'used' }))).toBe(true);
    expect(mayRevoke('practitioner', invite({ status: 'used', role: 'practitioner' }))).toBe(false);
    expect(mayRevoke('facilitator', invite({ status: 'expired' }))).toBe(false);
    expect(mayRevoke('facilitator', invite({ status: 'revoked' }))).toBe(false);
  });

  it('offers removing access for others only, never for oneself or someone already removed', () => {
    expect(mayRemove('facilitator', member({}), 'm1')).toBe(true);
    expect(mayRemove('facilitator', member({ id: 'm1', role: 'facilitator' }), 'm1')).toBe(false);
    expect(mayRemove('practitioner', member({ role: 'practitioner', id: 'm3' }), 'm1')).toBe(false);
    expect(mayRemove('facilitator', member({ revokedAt: 5 }), 'm1')).toBe(false);
  });
});
