/**
 * The English words of the wall's join code (asking to join): loaded on demand with the views that
 * use them (lib/onDemandWords.ts), so a board's first load does not carry them.
 */
export const lobbyMessages = {
  'lobby.show': 'Show a join code on the wall',
  'lobby.showHint':
    'People in the room scan it and ask to join. Nobody gets in until you let them in. The code stops after 30 minutes.',
  'lobby.asking_one': '{count} person asking to join',
  'lobby.asking_other': '{count} people asking to join',
  'lobby.nobody': 'Nobody is asking to join yet',
  'lobby.onWall': 'Join code {code} is on the wall until {time}.',
  'lobby.hidden': 'The join code is hidden.',
  'lobby.hide': 'Hide the code',
  'lobby.showAgain': 'Show it again',
  'lobby.as': 'Let in as',
  'lobby.admit': 'Let in',
  'lobby.admitLabel': 'Let in {name}',
  'lobby.decline': 'Decline',
  'lobby.declineLabel': 'Decline {name}',
  'lobby.failed': 'That did not work. Please try again.',
  'lobby.wallTitle': 'Join this meeting',
  'lobby.wallQrLabel': 'QR code to ask to join this meeting',
  'lobby.wallScan': 'Scan with your phone camera',
  'lobby.wallOr': 'or type this address:',
  'lobby.wallThen': 'Give your name. The facilitator lets you in.',
  'lobby.askTitle': 'Ask to join the meeting',
  'lobby.askIntro':
    'Give your name. The facilitator sees it and lets you in. You see nothing of the meeting until then.',
  'lobby.codeLabel': 'Code on the wall',
  'lobby.codeHint': 'Ten letters and numbers, for example ABCDE-FGHJK.',
  'lobby.codeFromWall': 'Code from the wall: {code}',
  'lobby.nameHint': 'The facilitator and the people in the meeting see this name.',
  'lobby.aboutLabel': 'Who are you? (you can leave this empty)',
  'lobby.aboutHint': 'For example “Grandma” or “Alex’s teacher”.',
  'lobby.askSubmit': 'Ask to join',
  'lobby.sending': 'Asking…',
  'lobby.waiting': 'Thank you, {name}. Please wait: the facilitator will let you in.',
  'lobby.waitingHint': 'Keep this page open. It changes by itself.',
  'lobby.joining': 'You are in. Opening the board…',
  'lobby.declined':
    'The facilitator did not let you in. If you think this is a mistake, please speak to them.',
  'lobby.ended': 'Your request has ended. Scan the code on the wall again, or speak to the facilitator.',
  'lobby.codeEnded': 'This code has ended. Ask the facilitator to show the code again.',
  'lobby.badCode': 'Please type the code shown on the wall.',
  'lobby.tooMany': 'Too many people are asking right now. Please try again in a few minutes.',
  'lobby.askFailed': 'Your request could not be sent. Please try again.',
  'lobby.joinFailed': 'You were let in, but the board could not be opened. Please speak to the facilitator.',
} as const;
