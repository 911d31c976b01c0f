/**
 * The English words of signing in and joining that a board's first load needs (opening a board,
 * or saying why it cannot be opened); merged into the one catalogue in ../lib/messages.ts. The
 * rest of the accounts pages' words load with those pages (pages/messages.en.ts).
 */
export const accountsMessages = {
  'join.loading': 'Opening the board…',
  'join.notFound': 'This board does not exist.',
  'join.failed': 'The board could not be opened. Please check your connection and try again.',
  'join.noAccess':
    'You do not have access to this board. Staff: please sign in. Family members and network members: open the personal link you were sent.',
  'signIn.title': 'Sign in',
} as const;
