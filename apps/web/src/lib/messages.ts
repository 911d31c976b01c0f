import type { invitePanelMessages } from '../access/invite/messages.en';
import type { lobbyMessages } from '../access/lobby/messages.en';
import { accessMessages } from '../access/messages.en';
import { accountsMessages } from '../accounts/messages.en';
import type { accountsPageMessages } from '../accounts/pages/messages.en';
import type { auditMessages } from '../audit/messages.en';
import { boardMessages } from '../board/messages.en';
import { canvasMessages } from '../canvas/messages.en';
import type { childMessages } from '../child/messages.en';
import { editingMessages } from '../editing/messages.en';
import { mapMessages } from '../map/messages.en';
import { meetingMessages } from '../meeting/messages.en';
import { offlineMessages } from '../offline/messages.en';
import type { outlineMessages } from '../outline/messages.en';
import type { planMessages } from '../plan/messages.en';
import type { reportsMessages } from '../reports/messages.en';
import type { scalesMessages } from '../scales/messages.en';
import { screensMessages } from '../screens/messages.en';
import type { versionsMessages } from '../versions/messages.en';
import { createTranslator, type MessageVars } from './i18n';
import { pseudoLocalise } from './locales/en-XA';

export type { MessageVars } from './i18n';

/**
 * Every word the interface shows, in one catalogue, so the board can be translated later
 * (families may not read English well). Keep the words plain: they are read aloud in meetings.
 */
const firstLoadWords = {
  // Each feature keeps its words beside its code, in its own messages.en.ts.
  ...screensMessages,
  ...accountsMessages,
  ...boardMessages,
  ...editingMessages,
  ...canvasMessages,
  ...mapMessages,
  ...meetingMessages,
  ...accessMessages,
  ...offlineMessages,
} as const;

/**
 * The words of views that load on demand (history, meetings and versions, reports, the plan, the
 * child's voice, outline, scaling, the accounts pages, the invite panel):
 * they arrive with those views (./onDemandWords.ts, `loadOnDemandWords`), not on a board's first
 * load. Code on the first load must not use them: the view tabs' names live in screens' words.
 */
type OnDemandWords = typeof auditMessages &
  typeof childMessages &
  typeof outlineMessages &
  typeof scalesMessages &
  typeof versionsMessages &
  typeof reportsMessages &
  typeof planMessages &
  typeof lobbyMessages &
  typeof accountsPageMessages &
  typeof invitePanelMessages;

type AllWords = typeof firstLoadWords & OnDemandWords;
/** Every word, typed; at run time the on-demand ones are added when they arrive. */
const en: AllWords = { ...firstLoadWords } as AllWords;

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

let onDemandWords: Promise<void> | null = null;

/**
 * Adds the words of the views loaded on demand to every language (once; lazyViews.ts waits for it
 * before showing such a view). A failed fetch (offline before they were kept) can be retried.
 */
export function loadOnDemandWords(): Promise<void> {
  onDemandWords ??= import('./onDemandWords').then(
    ({ ON_DEMAND_WORDS }) => {
      Object.assign(resources.en, ON_DEMAND_WORDS);
      Object.assign(resources['en-XA'], pseudoLocalise(ON_DEMAND_WORDS));
    },
    (error: unknown) => {
      onDemandWords = null;
      throw error;
    },
  );
  return onDemandWords;
}

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

/** Every message key known now (the on-demand ones once `loadOnDemandWords` has run). */
export function messageKeys(): readonly MessageKey[] {
  return [
    ...new Set(Object.keys(en).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, ''))),
  ] as MessageKey[];
}

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
