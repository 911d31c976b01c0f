/**
 * The English words of the history view (staff only);
 * merged into the one catalogue in ../lib/messages.ts.
 */
export const auditMessages = {
  'history.tab': 'History',
  'history.title': 'What happened on this board',
  'history.intro': 'Every change and who made it, oldest first. Card text is not shown here.',
  'history.loading': 'Loading the history…',
  'history.failed': 'The history could not be loaded. Please try again.',
  'history.empty': 'Nothing has happened on this board yet.',
  'history.more': 'Show more',
  'history.refresh': 'Refresh',
  'history.downloadCsv': 'Download the history (spreadsheet)',
  'history.downloadJson': 'Download the history (JSON)',
  'history.who': '{name} ({role})',
  'history.someone': 'Someone',
  'history.byKinmap': 'Kinmap',
} as const;
