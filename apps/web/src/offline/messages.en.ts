/** The English words of the offline feature; merged into the one catalogue in ../lib/messages.ts. */
export const offlineMessages = {
  'offline.saving': 'Saving…',
  'offline.unsaved_one':
    'Offline – {count} change is not saved yet. It is kept on this device and will be sent when the connection is back.',
  'offline.unsaved_other':
    'Offline – {count} changes are not saved yet. They are kept on this device and will be sent when the connection is back.',
  'offline.connectingUnsaved_one': 'Connecting… {count} change is not saved yet.',
  'offline.connectingUnsaved_other': 'Connecting… {count} changes are not saved yet.',
  'offline.endedUnsaved':
    'Your access to this board has ended. The changes you made while offline were not saved. If you think this is a mistake, speak to the person running the meeting.',
  'offline.gone': 'This board no longer exists. The copy kept on this device has been removed.',
} as const;
