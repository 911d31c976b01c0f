import { offlineMessages } from '../offline/messages.en';
import { reportsMessages } from '../reports/messages.en';
import { versionsMessages } from '../versions/messages.en';
import { createTranslator, type MessageVars } from './i18n';
import { pseudoLocalise } from './locales/en-XA';

export type { MessageVars } from './i18n';

/**
 * Every word the interface shows, in one catalogue, so the board can be translated later
 * (families may not read English well). Keep the words plain: they are read aloud in meetings.
 */
const en = {
  'view.scales': 'Scaling',
  'scale.title': 'Scaling',
  'scale.intro':
    'Everyone places their own mark from 0 to 10 and can say why. What makes it that number? What would one point higher look like?',
  'scale.overall': 'Overall',
  'scale.pairHeading': 'Worry {number}',
  'scale.dangerStatement': 'Danger statement',
  'scale.safetyGoal': 'Safety goal',
  'scale.anchor0': '0: things are so bad the child cannot live at home',
  'scale.anchor10': '10: everyone knows the child is safe enough to close the case',
  'scale.lineLabel': 'Your score on this scale, from 0 to 10',
  'scale.yourScore': 'Your score',
  'scale.noScore': 'Not scored',
  'scale.reason': 'Why this number? (optional)',
  'scale.save': 'Save my score',
  'scale.remove': 'Remove my score',
  'scale.saved': 'Your score is saved.',
  'scale.savedPrivately': 'Your score is saved. Only you can see it until it is revealed.',
  'scale.failed': 'Your score could not be saved. Please try again.',
  'scale.private': 'Collecting scores privately: you see only your own mark.',
  'scale.scoredCount_one': '{count} of {total} has scored',
  'scale.scoredCount_other': '{count} of {total} have scored',
  'scale.collectPrivately': 'Collect privately',
  'scale.revealAll': 'Reveal all',
  'scale.revealFailed': 'The scores could not be revealed. Please try again.',
  'scale.markerLabel': '{name} ({role}): {value}',
  'scale.someone': 'Someone',
  'scale.nobodyYet': 'Nobody has scored yet.',
  'scale.addPair': 'Add a worry and its goal',
  'scale.newDangerStatement': 'Danger statement: what are we worried will happen?',
  'scale.newSafetyGoal': 'Safety goal: what do we need to see, and for how long?',
  'scale.addPairButton': 'Add',
  'scale.addPairFailed': 'The worry and goal could not be added.',
  'app.name': 'Kinmap',
  'app.tagline': 'A shared board for three-column mapping and safety planning.',
  'app.notFound': 'This page does not exist.',
  'app.backHome': 'Go to the start page',
  /* i18n: words that were written straight into components */
  'map.zoomPercent': '{percent}%',
  'scale.lineLabelFor': '{scale}: Your score on this scale, from 0 to 10',
  /* end i18n */

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
  'join.joining': 'Joining…',
  'join.emptyName': 'Please enter your name.',
  'join.loading': 'Opening the board…',
  'join.noInvite': 'This link is missing its invitation. Ask the person who sent it for a new link.',
  'join.badInvite': 'This link does not work any more. Ask the person running the meeting for a new link.',
  'join.inviteUsed':
    'This link has already been opened on another device. Each link is for one person only. Ask the person running the meeting for a new link.',
  'join.inviteExpired': 'This link has expired. Ask the person running the meeting for a new link.',
  'join.inviteRevoked': 'This link was cancelled. Ask the person running the meeting for a new link.',
  'join.tooMany_one': 'Too many tries. Please wait {count} minute and try again.',
  'join.tooMany_other': 'Too many tries. Please wait {count} minutes and try again.',
  'join.notFound': 'This board does not exist.',
  'join.failed': 'The board could not be opened. Please check your connection and try again.',
  'join.noAccess':
    'You do not have access to this board. Staff: please sign in. Family members and network members: open the personal link you were sent.',
  'access.ended':
    'Your access to this board has ended. If you think this is a mistake, speak to the person running the meeting.',

  'signIn.title': 'Sign in',
  'signIn.staffOnly': 'For staff: facilitators and practitioners.',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.busy': 'Signing in…',
  'signIn.empty': 'Please enter your email and password.',
  'signIn.wrong': 'The email or password is not right.',
  'signIn.tooMany_one': 'Too many tries. Please wait {count} minute and try again.',
  'signIn.tooMany_other': 'Too many tries. Please wait {count} minutes and try again.',
  'signIn.failed': 'Signing in did not work. Please check your connection and try again.',
  'signIn.guests': 'Family members and network members: open the personal link you were sent.',

  'setup.title': 'Create the administrator',
  'setup.intro':
    'Kinmap is running for the first time. The person who fills in this form becomes its administrator and can add other staff.',
  'setup.name': 'Your name',
  'setup.email': 'Email',
  'setup.password': 'Password',
  'setup.passwordHint': 'At least 10 characters.',
  'setup.submit': 'Create the administrator',
  'setup.busy': 'Creating…',
  'setup.empty': 'Please fill in your name, email and password.',
  'setup.shortPassword': 'The password must be at least 10 characters.',
  'setup.invalid': 'Please check the email address and the password.',
  'setup.noCode': 'This setup link is missing its code. Use the link the server printed when it started.',
  'setup.badCode': 'This setup link is wrong or has expired. Restart the server to get a new link.',
  'setup.done': 'The administrator exists already. Please sign in.',
  'setup.tooMany_one': 'Too many tries. Please wait {count} minute and try again.',
  'setup.tooMany_other': 'Too many tries. Please wait {count} minutes and try again.',
  'setup.failed': 'The administrator could not be created. Please try again.',

  'home.title': 'Your boards',
  'home.signedInAs': 'Signed in as {name}',
  'home.signOut': 'Sign out',
  'home.empty': 'You have no boards yet.',
  'home.yourRole': 'You are: {role}',
  'home.loadFailed': 'Your boards could not be loaded. Please try again.',
  'home.loading': 'Loading…',

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
  // English says these the same way for one and many; other languages may not.
  'card.agree_one': 'Agree {count}',
  'card.agree_other': 'Agree {count}',
  'card.dispute_one': 'Disagree {count}',
  'card.dispute_other': 'Disagree {count}',
  'card.professionalsOnly': 'Professionals only',

  'status.connecting': 'Connecting…',
  'status.connected': 'Connected, loading…',
  'status.synced': 'Up to date',
  'status.offline': 'Reconnecting… changes will be sent when the connection is back',
  'status.denied': 'No access to this board',
  'status.ended': 'Your access has ended',

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
    'The board. Use the arrow keys to choose a card, Enter to edit it, Alt with an arrow key to move it, Delete to remove it. Double-click a section to add a card.',
  'editor.label': 'Card text',

  /* outline */
  'outline.view': 'Outline',
  'outline.skip': 'Skip to the outline (the board as text)',
  'outline.label': 'Outline of the board',
  'outline.intro': 'The whole board as text. Changes made here show on the map for everyone.',
  'outline.cardRef': 'card {n} in {category}',
  'outline.noCards': 'No cards yet.',
  'outline.addCardTo': 'Add a card to {category}',
  'outline.addedBy': 'Added by {name} ({role})',
  'outline.someone': 'someone',
  'outline.pairedWithGoal': 'Paired with this safety goal:',
  'outline.pairedWithDanger': 'Paired with this danger statement:',
  'outline.hiddenCard': 'a card only professionals can see',
  'outline.edit': 'Edit',
  'outline.done': 'Done',
  'outline.textLabel': 'Text of {card}',
  'outline.textHint': 'Press Escape when you have finished.',
  'outline.moveUp': 'Move up',
  'outline.moveDown': 'Move down',
  'outline.moveToLabel': 'Section to move {card} to',
  'outline.move': 'Move',
  'outline.agree': 'I agree',
  'outline.dispute': 'I disagree',
  'outline.delete': 'Delete',
  'outline.confirmDelete': 'Delete {card}?',
  'outline.confirmYes': 'Yes, delete',
  'outline.confirmNo': 'Keep it',
  'outline.scales': 'Scales',
  'outline.scalesIntro':
    '0 means things are so bad the child cannot live at home. 10 means everyone knows the child is safe enough for the case to close.',
  'outline.overallScale': 'Overall scale',
  'outline.pairScale': 'Scale for danger statement {n}',
  'outline.pairDanger': 'Danger statement:',
  'outline.pairGoal': 'Safety goal:',
  'outline.private':
    'Scores are being collected privately. Everyone sees them when the facilitator shows them.',
  'outline.scored_one': 'Scored so far: {count}',
  'outline.scored_other': 'Scored so far: {count}',
  'outline.noScores': 'No one has scored yet.',
  'outline.rating': '{who}: {value}',
  'outline.person': '{name} ({role})',
  'outline.plan': 'Safety plan',
  'outline.planHint': 'A summary of the plan to read.',
  'outline.network': 'Safety network',
  'outline.noNetwork': 'No one has been added to the network yet.',
  'outline.relationship': 'Relationship',
  'outline.contact': 'How to reach them',
  'outline.agreedTo': 'Agreed to',
  'outline.toldAboutWorries': 'Told about the worries',
  'outline.yes': 'Yes',
  'outline.no': 'No',
  'outline.rules': 'Rules of the plan',
  'outline.noRules': 'No rules yet.',
  'outline.responsible': 'Who makes sure it happens',
  'outline.redFlags': 'Red flags',
  'outline.networkResponse': 'What the network does then',
  'outline.howChildWillKnow': 'How the child will know',
  'outline.bottomLines': 'Bottom lines',
  'outline.monitoring': 'Monitoring',
  'outline.monitoringWho': 'Who checks',
  'outline.monitoringHowOften': 'How often',
  'outline.reviewDate': 'Review date',
  'outline.notSet': 'Not written yet',
  'outline.announceAdded': '{name} added a card to {category}',
  'outline.announceAddedBySomeone': 'A card was added to {category}',
  'outline.announceRemoved': 'A card was removed from {category}',
  'outline.announceMoved': 'A card moved from {from} to {to}',
  'outline.announceMore_one': 'And {count} more change.',
  'outline.announceMore_other': 'And {count} more changes.',
  /* end outline */

  'participants.title': 'On the board now',
  'participants.you': '{name} (you)',

  'invite.toggle': 'Invite people',
  'invite.title': 'Invite people',
  'invite.hint': 'Each person gets their own link. Send it only to them.',
  'invite.label': 'Name or label',
  'invite.labelHint': 'Who the link is for, for example “Alex (Mum)”. Only staff see this.',
  'invite.role': 'Role',
  'invite.expiry': 'The link works for',
  'invite.days_one': '{count} day',
  'invite.days_other': '{count} days',
  'invite.create': 'Create link',
  'invite.creating': 'Creating…',
  'invite.failed': 'The link could not be created. Please try again.',
  'invite.created': 'Personal link for {name}',
  'invite.createdForRole': 'Personal link for a new {role}',
  'invite.linkLabel': 'Personal link',
  'invite.shownOnce': 'This link is shown only now. Copy it and send it to the person.',
  'invite.onePerson': 'One link per person: it stops working once opened on another device.',
  'invite.copy': 'Copy',
  'invite.copied': 'Copied',
  'invite.copyFailed': 'Select the link and copy it',
  'invite.wallScreen': 'Create a wall-screen link',
  'invite.wallHint':
    'For the meeting room screen: shows the map large, cannot change anything, and does not ask for a name.',
  'invite.list': 'Links sent',
  'invite.none': 'No links yet.',
  'invite.unlabelled': 'No name given',
  'invite.entry': '{label} – {role}',
  'invite.status.open': 'Not opened yet',
  'invite.status.used': 'Opened by {name}',
  'invite.status.usedBySomeone': 'Opened',
  'invite.status.expired': 'Expired',
  'invite.status.revoked': 'Revoked',
  'invite.revoke': 'Revoke',
  'invite.revokeLabel': 'Revoke the link for {label}',
  'invite.revokeFailed': 'The link could not be revoked. Please try again.',
  'members.title': 'People with access',
  'members.entry': '{name} – {role}',
  'members.you': '{name} (you)',
  'members.remove': 'Remove access',
  'members.removeLabel': 'Remove access for {name}',
  'members.confirm': 'Remove {name}’s access to this board? They are taken off the board at once.',
  'members.confirmYes': 'Yes, remove access',
  'members.confirmNo': 'Keep',
  'members.ended': 'Access ended',
  'members.removeFailed': 'The access could not be removed. Please try again.',
  'members.loadFailed': 'The list could not be loaded. Please try again.',

  'rejected.other': 'That change was not allowed, so the board was loaded again.',
  'rejected.AC1': 'That change was not allowed: you can look at this board but not change it.',
  'rejected.AC2': 'That change was not allowed: a new card must be added in your own name.',
  'rejected.AC5': 'That change was not allowed: only staff can delete or move a card someone else wrote.',
  'rejected.AC6': 'That change was not allowed: only staff can mark a card professionals only.',
  'rejected.AC8': 'That change was not allowed: you can only change your own score.',
  'rejected.AC9': 'That change was not allowed: only the facilitator can change how a scale collects scores.',
  'rejected.AC11': 'That change was not allowed: the board is locked.',
  'rejected.AC13': 'That change was not allowed: only staff can remove people and rules from the plan.',
  'rejected.AC15': 'That change was not allowed: only staff can unpair a worry and its goal.',
  'rejected.AC16': 'That change was not allowed: only staff can rename the board.',
  'rejected.dismiss': 'Close',

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
  'notice.notYourCard': 'Only the person who wrote this card, or a practitioner, can move or delete it.',

  // map
  'map.undo': 'Undo',
  'map.redo': 'Redo',
  'map.professionalsOnly': 'Professionals only',
  'map.projector': 'Wall screen mode',
  'map.leaveProjector': 'Leave wall screen mode',
  'projector.wallName': 'Wall screen',

  // history (the audit view, staff only)
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
  'map.follow': 'Follow',
  'map.followNobody': 'Nobody',
  'map.followPerson': '{name} ({role})',
  'map.bringEveryone': 'Bring everyone to me',
  'map.broughtEveryone': 'Everyone’s screen now shows what you see.',
  'map.viewTools': 'View',
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',
  'map.zoomLevel': 'Zoom',
  'map.fitBoard': 'Fit board',
  'map.zoomToColumn': 'Zoom to a column:',
  'map.column.worries': 'Worries',
  'map.column.workingWell': 'Working well',
  'map.column.needsToHappen': 'Needs to happen',
  'map.pair': 'Pair {number}',
  'map.addSafetyGoal': 'Add its safety goal',
  'map.isEditing': '{name} is editing',
  'map.more': '+{count}',
  'map.activityList': 'Who is working on which card',
  'map.activityEditing': '{name} is editing: {card}',
  'map.activitySelected': '{name} has chosen: {card}',
  // end map

  /* plan */
  'plan.tab': 'Safety plan',
  'plan.title': 'Safety plan',
  'plan.intro': 'Who will help keep the child safe, and what they will do.',
  'plan.readOnly': 'You can read the plan but not change it.',
  'plan.notFilled': 'Not filled in yet.',
  'plan.notice.failed': 'That change could not be saved.',
  'plan.notice.addFailed': 'That could not be added.',
  'plan.confirm.yes': 'Yes, remove',
  'plan.confirm.no': 'Keep',
  'plan.network.title': 'The network',
  'plan.network.hint': 'The people who know about the worries and will help keep the child safe.',
  'plan.network.empty': 'No one has been added yet.',
  'plan.network.add': 'Add a person',
  'plan.member.unnamed': 'Person {number}',
  'plan.member.name': 'Name',
  'plan.member.relationship': 'Relationship to the child',
  'plan.member.contact': 'How to reach them',
  'plan.member.agreedTo': 'What they have agreed to do',
  'plan.member.told': 'Has been told about the worries',
  'plan.member.notTold': 'Has not been told about the worries yet',
  'plan.member.remove': 'Remove {name}',
  'plan.member.confirmRemove': 'Remove {name} from the network? They will also be taken off every rule.',
  'plan.rules.title': 'Rules of the plan',
  'plan.rules.hint': 'What will happen to keep the child safe, and who makes sure it does.',
  'plan.rules.empty': 'No rules yet.',
  'plan.rules.add': 'Add a rule',
  'plan.rule.heading': 'Rule {number}',
  'plan.rule.text': 'What will happen',
  'plan.rule.responsible': 'Who makes sure it happens',
  'plan.rule.noMembers': 'Add people to the network first, then choose them here.',
  'plan.rule.nobody': 'No one chosen yet.',
  'plan.rule.redFlags': 'Warning signs: what tells the network to act',
  'plan.rule.networkResponse': 'What the network does then',
  'plan.rule.howChildWillKnow': 'How the child will know',
  'plan.rule.remove': 'Remove rule {number}',
  'plan.rule.confirmRemove': 'Remove rule {number}?',
  'plan.details.title': 'Bottom lines and checking the plan',
  'plan.bottomLines': 'Bottom lines',
  'plan.bottomLinesHint': 'What children’s services must see happen, whatever else changes.',
  'plan.monitoringWho': 'Who checks that the plan is working',
  'plan.monitoringHowOften': 'How often they check',
  'plan.reviewDate': 'Review date',
  'plan.reviewDate.none': 'No review date yet.',
  'plan.reviewDate.invalid': 'Please choose a full date.',
  'plan.reviewDate.passed': 'The review date has passed.',
  'analysis.title': 'The worries and goals, side by side',
  'analysis.prompt': 'Each worry with the goal that answers it, and how safe things are now, from 0 to 10',
  'analysis.empty': 'No worry has its goal yet. Choose a danger statement and press “Add its safety goal”.',
  'analysis.inRow_one': '{count} is in the worries and goals row below',
  'analysis.inRow_other': '{count} are in the worries and goals row below',
  'analysis.scaleHeading': 'Worry {number}: how safe is the child now?',
  'analysis.anchor0': '0: cannot live at home',
  'analysis.anchor10': '10: safe enough to close',
  'analysis.private': 'Collecting privately: {progress}',
  'analysis.median': 'Middle score {median}  ·  {progress}',
  // Features with many words keep them beside their code.
  ...versionsMessages,
  ...reportsMessages,
  ...offlineMessages,
} as const;

/**
 * The words of one more language: any of the English keys (plural forms included). A key it
 * leaves out shows in English, so a partial translation is safe to ship.
 */
export type Translation = Partial<Record<keyof typeof en, string>>;

/**
 * Every language the interface can show: add a language as ONE file `./locales/<lang>.ts`
 * exporting a `Translation`, then one line here. 'en-XA' is pseudo-English for testers.
 */
export const resources = {
  en,
  'en-XA': pseudoLocalise(en),
} as const satisfies Readonly<Record<string, Translation>>;

export type Language = keyof typeof resources;
export const LANGUAGES = Object.keys(resources) as readonly Language[];
export const DEFAULT_LANGUAGE: Language = 'en';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type CatalogueKey = keyof typeof en;

/** Callers name a message ('scale.scoredCount'), never one of its plural forms ('…_one'). */
export type MessageKey = CatalogueKey extends infer K
  ? K extends `${infer Base}_${PluralSuffix}`
    ? Base
    : K
  : never;

/** Messages with plural forms: they need `count` to pick the right one. */
export type PluralMessageKey = CatalogueKey extends infer K
  ? K extends `${infer Base}_other`
    ? Base
    : never
  : never;

type VarsFor<K extends MessageKey> = K extends PluralMessageKey
  ? [vars: MessageVars & { readonly count: number }]
  : [vars?: MessageVars];

export const MESSAGE_KEYS = [
  ...new Set(Object.keys(en).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, ''))),
] as readonly MessageKey[];

const translator = createTranslator<Language>(resources, DEFAULT_LANGUAGE);

/**
 * Looks up a message in the current language and fills `{name}` placeholders; `count` picks
 * the plural form. Placeholders without a value stay visible.
 * @example t('card.agree', { count: 2 }) // 'Agree 2'
 */
export function t<K extends MessageKey>(key: K, ...vars: VarsFor<K>): string {
  return translator.t(key, vars[0]);
}

/** Switches the interface language; an unknown one gives English. Returns the language used. */
export function setLanguage(lang: string): Language {
  return translator.setLanguage(lang);
}

export function currentLanguage(): Language {
  return translator.currentLanguage();
}
