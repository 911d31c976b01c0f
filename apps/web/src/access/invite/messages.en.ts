/** The words of the invite panel (../InvitePanel.tsx), loaded on demand with it (lib/onDemandWords.ts). */
export const invitePanelMessages = {
  'invite.title': 'Invite people',
  'invite.hint': 'Each person gets their own link. Send it only to them.',
  'invite.label': 'Name or label',
  'invite.labelHint': 'Who the link is for, for example “Alex (Mum)”. Only staff see this.',
  'invite.role': 'Role',
  'invite.expiry': 'The link works for',
  'invite.addRow': 'Add another person',
  'invite.removeRow': 'Remove person {number}',
  'invite.wallLink': 'Wall-screen link (open it on the meeting room computer)',
  'invite.creating': 'Creating…',
  'invite.failed': 'The link could not be created. Please try again.',
  'invite.wallScreen': 'Create a wall-screen link',
  'invite.wallHint':
    'For the meeting room screen: shows the map large, cannot change anything, and does not ask for a name.',
} as const;
