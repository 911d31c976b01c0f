import { isPolicyRuleId, POLICY_SUMMARIES } from '@kinmap/model';
import { CATEGORY_HEADINGS } from '@kinmap/reports';
import type { AuditChange } from '@kinmap/sync';
import type { AuditDetail, AuditEventKind } from './auditLog.js';

/**
 * The audit's plain-English wording, in one place (docs/SPEC.md [AD3]): what a stored update did,
 * from its classified changes, or what an event was. The actor is shown beside it ("Sam
 * (practitioner)" + "added a card to Harm"). Only labels, ids' owners' names and numbers appear:
 * the changes never carry card text, and neither does this.
 */

/** The board's column headings, as the web app shows them and the record prints them. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = CATEGORY_HEADINGS;

/** Who a member id names, for sentences about someone else ("revoked Alex's access"). */
export type NameOf = (memberId: string) => string | null;

/**
 * A table's own entry for `key`, or undefined. Stored values are hostile: `constructor` or
 * `toString` must not find what every object inherits ("moved a card to function Object()…").
 */
const wordFor = (table: Readonly<Record<string, string>>, key: unknown): string | undefined =>
  typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;

const category = (value: unknown): string => wordFor(CATEGORY_LABELS, value) ?? 'a column';

const scale = (scaleId: unknown): string =>
  scaleId === 'overall' ? 'the overall scale' : "a danger statement's scale";

const someone = (nameOf: NameOf, id: unknown): string =>
  (typeof id === 'string' ? nameOf(id) : null) ?? 'someone';

const MARKS: Readonly<Record<string, string>> = {
  agree: 'agreed with a card',
  dispute: 'disputed a card',
};

/** Card fields whose change says nothing beyond the other changes of the same update. */
const QUIET_CARD_FIELDS = new Set([
  'updatedAt',
  'pairId',
  'marks',
  'reasons',
  'suggestions',
  'editedBy',
  'suggestedBy',
]);

/** What a phrase may need besides the change: whose name an id is, and whether the server wrote it. */
interface PhraseContext {
  readonly nameOf: NameOf;
  readonly byServer: boolean;
}
type Phrase = (change: AuditChange, context: PhraseContext) => string | null;

const fixed =
  (phrase: string | null): Phrase =>
  () =>
    phrase;

/** One entry per change kind (changeKinds.ts in the model); null: it only accompanies another change. */
const PHRASES: Readonly<Record<string, Phrase>> = {
  'card-added': (c) =>
    c.professionalsOnly === true
      ? `added a professionals-only card to ${category(c.category)}`
      : `added a card to ${category(c.category)}`,
  'card-removed': (c) => `removed a card from ${category(c.category)}`,
  'card-text': fixed("edited a card's text"),
  'card-moved': (c) => `moved a card to ${category(c.category)}`,
  'card-field': (c) => {
    if (c.field === 'professionalsOnly') return 'changed whether a card is professionals only';
    if (c.field === 'order') return 'reordered a card';
    return QUIET_CARD_FIELDS.has(String(c.field)) ? null : 'changed a card';
  },
  'mark-set': (c) => wordFor(MARKS, c.mark) ?? 'withdrew their mark on a card',
  // Whose words ([AC30]–[AC34]): editedBy only accompanies a text change, which says it.
  'card-note': (c, { nameOf }) => {
    if (c.field === 'reasons')
      return c.set === true ? 'gave a reason for disputing a card' : 'withdrew their reason';
    if (c.field === 'suggestions')
      return c.set === true ? 'suggested a change to a card' : 'withdrew or declined a suggested change';
    if (c.field === 'suggestedBy') return `accepted ${someone(nameOf, c.participantId)}'s suggested change`;
    return null;
  },
  // The child's words on the map ([AC52]); never the child's name.
  'card-quote': (c) =>
    c.set === true ? "marked a card as a child's own words" : "cleared a card's mark as a child's own words",
  'pair-added': fixed('paired a danger statement with a safety goal'),
  'pair-removed': fixed('unpaired a danger statement and a safety goal'),
  'pair-field': fixed('changed a pair'),
  // A pair's scale comes and goes with the pair.
  'scale-added': fixed(null),
  'scale-removed': fixed(null),
  'scale-mode': (c) =>
    c.mode === 'private'
      ? `opened private scoring on ${scale(c.scaleId)}`
      : `revealed the scores on ${scale(c.scaleId)}`,
  'rating-set': (c, { nameOf, byServer }) => {
    if (c.forPerson === true)
      return byServer
        ? `showed the rating of ${c.value} recorded for a person of the case on ${scale(c.scaleId)}`
        : `recorded a rating of ${c.value} for a person of the case on ${scale(c.scaleId)}`;
    return byServer
      ? `showed ${someone(nameOf, c.participantId)}'s rating of ${c.value} on ${scale(c.scaleId)}`
      : `rated ${c.value} on ${scale(c.scaleId)}`;
  },
  'rating-removed': (c) =>
    c.forPerson === true
      ? `withdrew a rating recorded for a person of the case on ${scale(c.scaleId)}`
      : `withdrew a rating on ${scale(c.scaleId)}`,
  'scored-set': (c, { nameOf }) =>
    `noted that ${someone(nameOf, c.participantId)} scored privately on ${scale(c.scaleId)}`,
  // Cleared with a mode change or the reveal, which say more.
  'scored-removed': fixed(null),
  'scale-field': fixed('changed a scale'),
  'participant-written': (c, { nameOf }) => `recorded ${someone(nameOf, c.participantId)} as a participant`,
  'network-added': fixed('added a network member to the plan'),
  'network-removed': fixed('removed a network member from the plan'),
  'network-field': fixed('edited a network member in the plan'),
  'person-added': fixed('added a person of the case'),
  'person-removed': fixed('removed a person of the case'),
  'person-field': fixed("changed a person of the case's details"),
  'rule-added': fixed('added a safety rule'),
  'rule-removed': fixed('removed a safety rule'),
  'rule-field': fixed('edited a safety rule'),
  'plan-field': fixed('edited the safety plan'),
  'agenda-added': fixed('added an agenda item'),
  'agenda-removed': fixed('removed an agenda item'),
  'agenda-field': (c) => (c.field === 'done' ? 'ticked off an agenda item' : 'edited an agenda item'),
  // Every start, pause and move on of the timer writes these; the agenda's own changes say enough.
  'facilitation-field': (c) => (c.field === 'wall' ? 'changed what the wall shows' : null),
  'parking-added': fixed('added to the parking lot'),
  'parking-removed': fixed('removed an item from the parking lot'),
  'parking-field': (c) =>
    c.field === 'resolved' ? 'dealt with a parking-lot item' : 'edited a parking-lot item',
  'meta-field': (c) => {
    if (c.field === 'title') return "changed the board's title";
    if (c.field === 'locked') return c.value === true ? 'locked the board' : 'unlocked the board';
    return "changed the board's details";
  },
};

/** One change in words, or null when it only accompanies another (e.g. a pair's scale). */
export function describeChange(change: AuditChange, nameOf: NameOf, byServer = false): string | null {
  const phrase = Object.hasOwn(PHRASES, change.kind) ? PHRASES[change.kind] : undefined;
  return phrase ? phrase(change, { nameOf, byServer }) : 'made a change the server could not read';
}

/**
 * What one stored update did: its changes in words, repeats counted ("added a card to Harm (×2)"),
 * joined into one phrase. `byServer`: the server made it (names the person a rating belongs to).
 * @example summarizeChanges([{ kind: 'card-added', category: 'harm' }], () => null) // 'added a card to Harm'
 */
export function summarizeChanges(changes: readonly AuditChange[], nameOf: NameOf, byServer = false): string {
  const counts = new Map<string, number>();
  // An accepted suggestion is said once ("accepted Alex's suggested change"), not also as removed.
  const accepted = new Set(
    changes
      .filter((c) => c.kind === 'card-note' && c.field === 'suggestedBy')
      .map((c) => `${c.cardId} ${c.participantId}`),
  );
  for (const change of changes) {
    if (change.kind === 'card-note' && change.field === 'suggestions' && change.set === false) {
      if (accepted.has(`${change.cardId} ${change.participantId}`)) continue;
    }
    const phrase = describeChange(change, nameOf, byServer);
    if (phrase !== null) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  const phrases = [...counts].map(([phrase, n]) => (n > 1 ? `${phrase} (×${n})` : phrase));
  if (phrases.length === 0) return 'made no visible change';
  if (phrases.length === 1) return phrases[0] as string;
  return `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`;
}

/**
 * Rule ids refusals were recorded under before the policy table gave them one row each: a stored
 * audit keeps them ([VE5] closing a meeting is now [VE4], running meetings).
 */
const RETIRED_RULES: Readonly<Record<string, string>> = { VE5: 'close a meeting' };

/** Report and export formats of a board (the audit log's own exports are `csv` and `json`). */
const BOARD_EXPORTS: Readonly<Record<string, string>> = {
  'family-pdf': 'the family summary (PDF)',
  'record-pdf': 'the record (PDF)',
  'board-json': 'the board export (JSON)',
  'child-tool-pdf': "a child's tool (PDF)",
};
const CHILD_TOOL_NAMES: Readonly<Record<string, string>> = {
  'three-houses': 'Three Houses',
  'wizards-fairies': 'Wizards and Fairies',
  'safety-house': 'the Safety House',
  'words-pictures': 'Words and Pictures',
  'child-safety-plan': "the child's safety plan",
};
const VISIBILITY_WORDS: Readonly<Record<string, string>> = {
  worker: 'only the worker',
  named: 'the worker and people the child chose',
  meeting: 'everyone at the meeting',
  wall: 'everyone, the wall screen too',
};
const WORDS_PICTURES_STEPS: Readonly<Record<string, string>> = {
  'shared-with-parents': 'shared Words and Pictures with the parents to agree',
  agreed: 'agreed to Words and Pictures as it is now',
  'with-child': 'shared Words and Pictures with the child',
  'left-with-child': 'left Words and Pictures with the child',
};
const versionWords = (detail: AuditDetail): string =>
  detail.versionId ? 'a saved version' : 'the board as it is now';

const ROLE_NOUNS: Readonly<Record<string, string>> = {
  facilitator: 'a facilitator',
  practitioner: 'a practitioner',
  family: 'a family member',
  network: 'a network member',
  viewer: 'a viewer',
};
const article = (role: unknown): string => wordFor(ROLE_NOUNS, role) ?? 'someone';

/** What an event was, as a phrase after the actor's name. */
export function summarizeEvent(kind: AuditEventKind, detail: AuditDetail, nameOf: NameOf): string {
  switch (kind) {
    case 'join':
      return 'joined the board';
    case 'leave':
      return 'left the board';
    case 'invite-created':
      return `created an invite for ${article(detail.role)}`;
    case 'invite-opened':
      return `joined by invite as ${article(detail.role)}`;
    case 'lobby-opened':
      return 'showed a join code on the wall';
    case 'lobby-closed':
      return 'hid the join code';
    case 'lobby-admitted':
      return `let someone in from the wall's join code as ${article(detail.role)}`;
    case 'lobby-declined':
      return 'declined someone asking to join at the wall';
    case 'invite-revoked':
      return `revoked an invite for ${article(detail.role)}`;
    case 'member-revoked':
      return `revoked ${someone(nameOf, detail.memberId)}'s access`;
    case 'login':
      return 'signed in';
    case 'account-created':
      return 'added a staff account';
    case 'account-disabled':
      return 'disabled a staff account';
    case 'account-enabled':
      return 'enabled a staff account again';
    case 'password-reset':
      return 'set a new password for a staff account';
    case 'logout':
      return 'signed out';
    case 'export':
      return wordFor(BOARD_EXPORTS, detail.format) !== undefined
        ? detail.format === 'child-tool-pdf'
          ? `downloaded ${wordFor(BOARD_EXPORTS, detail.format)}`
          : `downloaded ${wordFor(BOARD_EXPORTS, detail.format)} of ${versionWords(detail)}`
        : `exported the audit log (${String(detail.format).toUpperCase()})`;
    case 'meeting-started':
      return 'started a meeting';
    case 'meeting-closed':
      return `closed the meeting, saving version ${detail.number}`;
    case 'version-saved':
      return `saved version ${detail.number}`;
    case 'restore':
      if (typeof detail.toolId === 'string') {
        return `brought back ${wordFor(CHILD_TOOL_NAMES, detail.kind) ?? "a child's tool"} as a saved version kept it`;
      }
      return detail.cardId
        ? 'brought back a card from a saved version'
        : 'restored the whole board to a saved version';
    case 'import':
      return `imported this board from a file (${detail.cards} ${detail.cards === 1 ? 'card' : 'cards'})`;
    case 'child-tool-created':
      return `started ${wordFor(CHILD_TOOL_NAMES, detail.kind) ?? "a child's tool"} with a child of the case`;
    case 'child-tool-visibility':
      return `changed who sees a child's ${wordFor(CHILD_TOOL_NAMES, detail.kind) ?? 'tool'}: ${wordFor(VISIBILITY_WORDS, detail.from) ?? '?'} → ${wordFor(VISIBILITY_WORDS, detail.to) ?? '?'}${detail.to === 'named' ? ` (${detail.named} named)` : ''}`;
    case 'child-tool-worker':
      return `handed ${wordFor(CHILD_TOOL_NAMES, detail.kind) ?? "a child's tool"} over to another worker${detail.workerLeft === true ? ' (its worker had left the board)' : ''}`;
    case 'words-pictures':
      return wordFor(WORDS_PICTURES_STEPS, detail.step) ?? 'moved Words and Pictures on';
    case 'scale-reveal':
      return `revealed ${detail.count} private ${detail.count === 1 ? 'score' : 'scores'} on ${scale(detail.scaleId)}`;
    case 'refused': {
      const rule = String(detail.rule);
      const what = isPolicyRuleId(rule)
        ? POLICY_SUMMARIES[rule]
        : (wordFor(RETIRED_RULES, rule) ?? 'do this');
      return `was refused: may not ${what} [${rule}]`;
    }
    default:
      return 'did something the audit does not describe';
  }
}
