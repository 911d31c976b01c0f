import {
  type CardQuote,
  type Category,
  type Column,
  type MeetingType,
  ownValue,
  type PersonState,
  type QuoteArea,
  type Role,
  type TrajectoryGroup,
} from '@kinmap/model';

/**
 * The words printed in reports. Two registers: plain words for the family summary (read aloud
 * in meetings, often through an interpreter), and the practice's own terms for the record that
 * goes on the child's file or to court. Kept beside the web's catalogue words where they overlap.
 */

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  facilitator: 'Facilitator',
  practitioner: 'Practitioner',
  family: 'Family',
  network: 'Network',
  viewer: 'Viewer',
};

export const MEETING_TYPE_LABELS: Readonly<Record<MeetingType, string>> = {
  'family-network-meeting': 'Family network meeting',
  'initial-conference': 'Initial child protection conference',
  'review-conference': 'Review child protection conference',
  'core-group': 'Core group meeting',
  'strategy-discussion': 'Strategy discussion',
  other: 'Meeting',
};

export const GROUP_LABELS: Readonly<Record<TrajectoryGroup, string>> = {
  family: 'Family (average)',
  network: 'Network (average)',
  professionals: 'Professionals (average)',
};

/** The record's headings: the practice's terms, as on the board. */
export const COLUMN_HEADINGS: Readonly<Record<Column, string>> = {
  worries: 'What are we worried about?',
  workingWell: 'What’s working well?',
  needsToHappen: 'What needs to happen?',
};

export const CATEGORY_HEADINGS: Readonly<Record<Category, string>> = {
  harm: 'Harm',
  dangerStatement: 'Danger statements',
  complicatingFactor: 'Complicating factors',
  existingStrength: 'Existing strengths',
  existingSafety: 'Existing safety',
  safetyGoal: 'Safety goals',
  nextStep: 'Next steps',
};

/** The family summary's headings: plain words. */
export const FAMILY_COLUMN_HEADINGS: Readonly<Record<Column, string>> = {
  worries: 'What we are worried about',
  workingWell: 'What is working well',
  needsToHappen: 'What needs to happen',
};

export const FAMILY_CATEGORY_HEADINGS: Readonly<Record<Category, string>> = {
  harm: 'What has happened',
  dangerStatement: 'What we are worried could happen',
  complicatingFactor: 'What makes things harder',
  existingStrength: 'What is good in the family',
  existingSafety: 'What has already kept the child safe',
  safetyGoal: 'What we need to see',
  nextStep: 'Next steps: who will do what, and by when',
};

/** The scale's ends, as the board shows them. */
export const SCALE_ANCHORS = {
  zero: '0 means things are so bad the child cannot live at home.',
  ten: '10 means everyone knows the child is safe enough for the case to close.',
} as const;

/** The name a family reads: the first word of the display name. */
export function firstName(displayName: string): string {
  const first = displayName.trim().split(/\s+/u)[0];
  return first === undefined || first === '' ? 'Someone' : first;
}

/** Where in a child's house their words came from (a card's quote, [AC52]). */
export const QUOTE_PLACES: Readonly<Record<QuoteArea, string>> = {
  worries: 'the house of worries',
  good: 'the house of good things',
  dreams: 'the house of dreams',
  inside: 'inside the Safety House',
  path: 'the path to the Safety House',
  outside: 'outside the Safety House',
  roof: 'the roof of the Safety House',
};

/**
 * The line printed under a card that holds a child's own words ([AC52]): "— Jo’s own words (from
 * the house of worries)"; "— a child’s own words" once the child is no longer a person of the
 * case. Null for a card that quotes nobody.
 */
export function childWordsLine(
  card: { readonly quote?: CardQuote },
  people: Readonly<Record<string, PersonState>>,
): string | null {
  const { quote } = card;
  if (quote === undefined) return null;
  const name = ownValue(people, quote.personId)?.name.trim();
  const whose = name ? `${name}’s own words` : 'a child’s own words';
  return quote.area === null ? `— ${whose}` : `— ${whose} (from ${QUOTE_PLACES[quote.area]})`;
}
