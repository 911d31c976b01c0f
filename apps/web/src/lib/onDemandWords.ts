import { invitePanelMessages } from '../access/invite/messages.en';
import { lobbyMessages } from '../access/lobby/messages.en';
import { accountsPageMessages } from '../accounts/pages/messages.en';
import { auditMessages } from '../audit/messages.en';
import { childMessages } from '../child/messages.en';
import { outlineMessages } from '../outline/messages.en';
import { planMessages } from '../plan/messages.en';
import { reportsMessages } from '../reports/messages.en';
import { scalesMessages } from '../scales/messages.en';
import { versionsMessages } from '../versions/messages.en';

/** The words only views loaded on demand use (messages.ts `loadOnDemandWords`): their own file. */
export const ON_DEMAND_WORDS = {
  ...planMessages,
  ...auditMessages,
  ...outlineMessages,
  ...scalesMessages,
  ...versionsMessages,
  ...reportsMessages,
  ...lobbyMessages,
  ...accountsPageMessages,
  ...childMessages,
  ...invitePanelMessages,
} as const;
