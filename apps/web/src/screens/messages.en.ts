/**
 * The English words of the app shell: start page, board list and view tabs;
 * merged into the one catalogue in ../lib/messages.ts.
 */
export const screensMessages = {
  'view.scales': 'Scaling',
  'app.name': 'Kinmap',
  'app.tagline': 'A shared board for three-column mapping and safety planning.',
  'app.notFound': 'This page does not exist.',
  'app.backHome': 'Go to the start page',
  'landing.title': 'Start a new board',
  'landing.caseLabel': 'Case label',
  'landing.caseLabelHint': 'Use a case label, not the child’s full name.',
  'landing.create': 'Create board',
  'landing.creating': 'Creating…',
  'landing.error': 'The board could not be created. Please try again.',
  'landing.emptyLabel': 'Please enter a case label.',
  'home.title': 'Your boards',
  'home.signedInAs': 'Signed in as {name}',
  'home.signOut': 'Sign out',
  'home.empty': 'You have no boards yet.',
  'home.yourRole': 'You are: {role}',
  'home.loadFailed': 'Your boards could not be loaded. Please try again.',
  'home.loading': 'Loading…',
  'view.choose': 'Choose what to show',
  'view.map': 'Map',
  'menu.label': 'Menu',
  // The view tabs' names: on the first load, while the views' own words load on demand.
  'plan.tab': 'Safety plan',
  'history.tab': 'History',
  'versions.tab': 'Meetings',
  'reports.tab': 'Reports',
  'child.tab': 'Child’s voice',
  'outline.view': 'Outline',
  // The link to the outline is on every board, before the map (the outline's own words load with it).
  'outline.skip': 'Skip to the outline (the board as text)',
  'app.loadingView': 'Opening…',
  'app.loadFailed': 'This part of Kinmap could not be loaded. Check the connection, then reload the page.',
  'app.reload': 'Reload',
} as const;
