import type { QuoteArea } from '../child/quoteAreas.js';

/**
 * The vocabulary of a Kinmap board: the practice's own words (see shared/DOMAIN.md).
 * Plain data only; the Yjs layout that stores it is described in docs/PROTOCOL.md.
 */

/** A string that must not be mixed with other ids: `CardId` is not a `PairId`. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type BoardId = Brand<string, 'BoardId'>;
export type CardId = Brand<string, 'CardId'>;
export type PairId = Brand<string, 'PairId'>;
export type ParticipantId = Brand<string, 'ParticipantId'>;
export type NetworkMemberId = Brand<string, 'NetworkMemberId'>;
/** A person of the case: a child, or someone scored without a device of their own (issue 14). */
export type PersonId = Brand<string, 'PersonId'>;
export type RuleId = Brand<string, 'RuleId'>;
/** `'overall'` or the id of a danger statement / safety goal pair. */
export type ScaleId = Brand<string, 'ScaleId'>;

export const ROLES = ['facilitator', 'practitioner', 'family', 'network', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Is this one of the five roles? For values read from storage, the network or another browser. */
export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}

export const COLUMNS = ['worries', 'workingWell', 'needsToHappen'] as const;
export type Column = (typeof COLUMNS)[number];

/** The seven categories of the map, in reading order. */
export const CATEGORIES = [
  'harm',
  'dangerStatement',
  'complicatingFactor',
  'existingStrength',
  'existingSafety',
  'safetyGoal',
  'nextStep',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Is this one of the seven categories? An own-property check: `'constructor'` is not a category. */
export function isCategory(x: unknown): x is Category {
  return typeof x === 'string' && (CATEGORIES as readonly string[]).includes(x);
}

/** Each category's column. No prototype: looking up a name that is not a category gives undefined. */
export const CATEGORY_COLUMN: Readonly<Record<Category, Column>> = Object.freeze(
  Object.assign(Object.create(null) as Record<Category, Column>, {
    harm: 'worries',
    dangerStatement: 'worries',
    complicatingFactor: 'worries',
    existingStrength: 'workingWell',
    existingSafety: 'workingWell',
    safetyGoal: 'needsToHappen',
    nextStep: 'needsToHappen',
  } satisfies Record<Category, Column>),
);

export type Mark = 'agree' | 'dispute';
export type ScaleMode = 'private' | 'revealed';

/** Who did something: the person and the role they hold on this board. */
export interface Actor {
  readonly participantId: ParticipantId;
  readonly role: Role;
}

export interface BoardMeta {
  readonly title: string;
  readonly createdAt: number;
  readonly schemaVersion: number;
  /** Present (true) only while the board is locked ([AC10], [AC11]). */
  readonly locked?: true;
}

export interface CardState {
  readonly id: CardId;
  readonly category: Category;
  readonly text: string;
  readonly authorId: ParticipantId;
  readonly authorRole: Role;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Position within the category: ascending, ties broken by id. */
  readonly order: number;
  readonly professionalsOnly: boolean;
  readonly marks: Readonly<Record<string, Mark>>;
  readonly pairId: PairId | null;
  /** Why a person disputes the card (participant id → reason); only beside a `dispute` mark. */
  readonly reasons?: Readonly<Record<string, string>>;
  /** Suggested replacement texts awaiting the author or staff (participant id → text). */
  readonly suggestions?: Readonly<Record<string, string>>;
  /** Who other than the author changed the text, and when last ("changed by …"). */
  readonly editedBy?: Readonly<Record<string, number>>;
  /** Whose suggestions were accepted into the text, and when last. */
  readonly suggestedBy?: Readonly<Record<string, number>>;
  /**
   * The child's own words (issue 14, [AC52]): present only on a card that quotes a child of the
   * case, so a card without it reads, exports and hashes as before.
   */
  readonly quote?: CardQuote;
}

/**
 * Whose words a card holds, when they are a child's: the person (a child of the case's `people`;
 * read as "a child" once they are no longer there) and where the words came from — a child's tool
 * and its area, or both null when they were said in the meeting. `area` needs a `toolId`.
 */
export interface CardQuote {
  readonly personId: PersonId;
  readonly toolId: string | null;
  readonly area: QuoteArea | null;
}

export interface PairState {
  readonly id: PairId;
  readonly dangerStatementId: CardId;
  readonly safetyGoalId: CardId;
  readonly createdAt: number;
}

export interface ScaleRating {
  readonly value: number;
  readonly reason: string;
  readonly at: number;
  /**
   * Set on a score recorded by staff for a person of the case who has no device (a child, a
   * grandparent, someone on a paper form): the rating's key is then that person's id, and this the
   * member who recorded it ("recorded by … for …", docs/SPEC.md [AC47]).
   */
  readonly recordedBy?: ParticipantId;
}

export interface ScaleState {
  readonly id: ScaleId;
  readonly mode: ScaleMode;
  readonly ratings: Readonly<Record<string, ScaleRating>>;
  /**
   * While the scale collects privately: who has scored (sorted ids). Their values live on the
   * server, outside the document, until the reveal (docs/ARCHITECTURE.md, "Private scaling").
   */
  readonly scored: readonly string[];
}

export interface ParticipantState {
  readonly id: ParticipantId;
  readonly displayName: string;
  readonly role: Role;
  readonly joinedAt: number;
}

export interface NetworkMemberState {
  readonly id: NetworkMemberId;
  readonly name: string;
  readonly relationship: string;
  readonly contact: string;
  readonly agreedTo: string;
  readonly toldAboutWorries: boolean;
  readonly order: number;
}

/** What a person of the case is to the practice: a child of the family, or another person. */
export const PERSON_KINDS = ['child', 'adult'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/**
 * A person of the case, named once (issue 14): each child of the family (name as the family uses
 * it, age), and anyone in the room scored without a device. Scores and the child's tools name
 * people by id.
 */
export interface PersonState {
  readonly id: PersonId;
  readonly name: string;
  readonly kind: PersonKind;
  /** Whole years, or null when not given. */
  readonly age: number | null;
  readonly order: number;
  /**
   * The participant this person has since joined as, with a device of their own (staff link them,
   * [AC46]); they may then take over the scores written down for them ([AC48]). Null until then.
   */
  readonly participantId: ParticipantId | null;
}

export interface RuleState {
  readonly id: RuleId;
  readonly text: string;
  readonly responsibleMemberIds: readonly NetworkMemberId[];
  readonly redFlags: string;
  readonly networkResponse: string;
  readonly howChildWillKnow: string;
  readonly order: number;
}

export interface PlanState {
  readonly bottomLines: string;
  readonly monitoringWho: string;
  readonly monitoringHowOften: string;
  /** ISO date `YYYY-MM-DD`, or null when not set. */
  readonly reviewDate: string | null;
}

/** A plain, JSON-safe reading of a whole board. */
export interface BoardState {
  readonly meta: BoardMeta;
  readonly cards: Readonly<Record<string, CardState>>;
  readonly pairs: Readonly<Record<string, PairState>>;
  readonly scales: Readonly<Record<string, ScaleState>>;
  readonly participants: Readonly<Record<string, ParticipantState>>;
  readonly network: Readonly<Record<string, NetworkMemberState>>;
  readonly people: Readonly<Record<string, PersonState>>;
  readonly rules: Readonly<Record<string, RuleState>>;
  readonly plan: PlanState;
}

/** Expected failures are values, not throws. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: ErrorReason; readonly detail?: string };

export type ErrorReason =
  | 'invalid-input'
  | 'not-found'
  | 'wrong-category'
  | 'already-paired'
  | 'paired-card'
  /** The scale is in the other mode: e.g. `rate` while it collects privately. */
  | 'wrong-mode'
  | 'unsupported-schema'
  /**
   * Not allowed for professionals-only content: such a card lives in the restricted document and
   * cannot be paired or flagged in place (docs/SPEC.md [AC20], [AC21]).
   */
  | 'professionals-only';
