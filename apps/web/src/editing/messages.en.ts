/**
 * The English words of editing cards: notices and confirmations;
 * merged into the one catalogue in ../lib/messages.ts.
 */
export const editingMessages = {
  'notice.pairedCard': 'This card is paired with another card, so it stays in its section.',
  'notice.pairedProfessionalsOnly':
    'This card is paired with another card. Unpair it before making it professionals only.',
  'notice.restrictedOffline': 'Professionals-only cards are not connected yet. Try again in a moment.',
  'confirm.professionalsOnly':
    'Make this card professionals only? Family and network members will no longer see it. Family members who were on the board may already have seen this card.',
  'confirm.shareWithEveryone':
    'Show this card to everyone? Family, network members and the projected screen will see it.',
  'notice.moveFailed': 'The card could not be moved.',
  'notice.editFailed': 'That change could not be saved.',
  'notice.addFailed': 'The card could not be added.',
  'notice.suggestInstead':
    'This card holds someone else’s words. You can disagree with a reason or suggest a change below it.',
  'notice.notYourCard': 'Only the person who wrote this card, or a practitioner, can move or delete it.',
} as const;
