/**
 * Every word the interface shows, in one catalogue, so the board can be translated later
 * (families may not read English well). Keep the words plain: they are read aloud in meetings.
 */
const en = {
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

  'join.title': 'Join the board',
  'join.role': 'You are joining as: {role}',
  'join.name': 'Your name',
  'join.nameHint': 'Others on the board will see this name next to what you add.',
  'join.submit': 'Join',
  'join.emptyName': 'Please enter your name.',
  'join.loading': 'Opening the board…',
  'join.noToken': 'This link is missing its access key. Ask the person running the meeting for a new link.',
  'join.badToken': 'This link does not work any more. Ask the person running the meeting for a new link.',
  'join.notFound': 'This board does not exist.',
  'join.failed': 'The board could not be opened. Please check your connection and try again.',

  'role.facilitator': 'Facilitator',
  'role.practitioner': 'Practitioner',
  'role.family': 'Family',
  'role.network': 'Network',
  'role.viewer': 'Viewer',

  'column.worries': 'What are we worried about?',
  'column.workingWell': 'What’s working well?',
  'column.needsToHappen': 'What needs to happen?',

  'category.harm': 'Harm',
  'category.dangerStatement': 'Danger statements',
  'category.complicatingFactor': 'Complicating factors',
  'category.existingStrength': 'Existing strengths',
  'category.existingSafety': 'Existing safety',
  'category.safetyGoal': 'Safety goals',
  'category.nextStep': 'Next steps',

  'prompt.harm': 'What has already happened to the child, and how did it affect them?',
  'prompt.dangerStatement': 'What do we think will happen to the child if nothing changes?',
  'prompt.complicatingFactor': 'What makes the worries harder to sort out?',
  'prompt.existingStrength': 'What is going well? Who and what helps?',
  'prompt.existingSafety': 'What has been done to keep the child safe when things were hard?',
  'prompt.safetyGoal': 'What do we need to see, and for how long, to know the child is safe?',
  'prompt.nextStep': 'Who will do what, and by when?',

  'card.add': '+ Add',
  'card.empty': 'Empty card',
  'card.agree': 'Agree {count}',
  'card.dispute': 'Disagree {count}',
  'card.professionalsOnly': 'Professionals only',

  'status.connecting': 'Connecting…',
  'status.connected': 'Connected, loading…',
  'status.synced': 'Up to date',
  'status.offline': 'Offline – changes will be sent when the connection is back',
  'status.denied': 'No access to this board',

  'toolbar.label': 'Board tools',
  'toolbar.section': 'Section',
  'toolbar.addCard': 'Add card',
  'toolbar.edit': 'Edit card',
  'toolbar.delete': 'Delete card',
  'toolbar.agree': 'I agree',
  'toolbar.dispute': 'I disagree',
  'toolbar.clearMark': 'Clear my mark',
  'toolbar.readOnly': 'You can look at this board but not change it.',

  'view.choose': 'Choose what to show',
  'view.map': 'Map',

  'canvas.label':
    'The board. Use the arrow keys to choose a card, Enter to edit it, Delete to remove it. Double-click a section to add a card.',
  'editor.label': 'Card text',

  'participants.title': 'On the board now',
  'participants.you': '{name} (you)',

  'share.toggle': 'Share links',
  'share.title': 'Links to this board',
  'share.hint': 'Each link gives the role shown. Send each person only the link for their role.',
  'share.copy': 'Copy',
  'share.copied': 'Copied',
  'share.copyFailed': 'Select the link and copy it',
  'share.linkLabel': 'Link for {role}',

  'notice.pairedCard': 'This card is paired with another card, so it stays in its section.',
  'notice.moveFailed': 'The card could not be moved.',
  'notice.editFailed': 'That change could not be saved.',
  'notice.addFailed': 'The card could not be added.',
} as const;

export type MessageKey = keyof typeof en;

const catalogue: Readonly<Record<MessageKey, string>> = en;

export const MESSAGE_KEYS = Object.keys(en) as readonly MessageKey[];

/**
 * Looks up a message and fills `{name}` placeholders.
 * @example t('card.agree', { count: 2 }) // 'Agree 2'
 */
export function t(key: MessageKey, vars?: Readonly<Record<string, string | number>>): string {
  const template = catalogue[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}
