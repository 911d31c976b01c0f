import { QUOTE_AREAS } from '../child/quoteAreas.js';
import { ID_PATTERN } from './ids.js';
import { isWellFormedText } from './text.js';
import {
  type Actor,
  CATEGORIES,
  type CardId,
  type NetworkMemberId,
  type PairId,
  type ParticipantId,
  PERSON_KINDS,
  type PersonId,
  ROLES,
  type RuleId,
  type ScaleId,
} from './types.js';
import { z } from './zod.js';

/** Upper bounds, in UTF-16 code units (JavaScript string length). */
export const LIMITS = Object.freeze({
  title: 200,
  cardText: 20_000,
  /** Rule and plan texts: free prose like a card. */
  planText: 20_000,
  reason: 2_000,
  /** Names and short fields (network member details, display names). */
  field: 500,
  /** Responsible people on one rule. */
  responsible: 200,
  /** A person's name (issue 14): as the family says it. */
  personName: 200,
  /** People of one case: children and others scored without a device. */
  people: 100,
  /** A person's age in whole years. */
  age: 120,
});

const id = z.string().check(z.regex(ID_PATTERN, 'not an id'));
/** An id string branded as `T` (a pipe into a transform, as classic zod's `.transform`). */
const idOf = <T extends string>() =>
  z.pipe(
    id,
    z.transform((s: string) => s as T),
  );
export const cardIdSchema = idOf<CardId>();
export const pairIdSchema = idOf<PairId>();
export const participantIdSchema = idOf<ParticipantId>();
export const networkMemberIdSchema = idOf<NetworkMemberId>();
export const ruleIdSchema = idOf<RuleId>();
export const personIdSchema = idOf<PersonId>();
export const scaleIdSchema = idOf<ScaleId>();

/** Text of at most `max` code units with no unpaired surrogates. */
export const textOf = (max: number) =>
  z.string().check(z.maxLength(max), z.refine(isWellFormedText, 'contains an unpaired surrogate'));

export const categorySchema = z.enum(CATEGORIES);
export const roleSchema = z.enum(ROLES);
export const markSchema = z.enum(['agree', 'dispute']);
export const scaleModeSchema = z.enum(['private', 'revealed']);
const position = z.int().check(z.minimum(0));
const scoreValue = () => z.int().check(z.minimum(0), z.maximum(10));
// zod 4 numbers are finite: NaN and Infinity are refused.
const timestamp = z.number();

export const actorSchema: z.ZodMiniType<Actor> = z.object({
  participantId: participantIdSchema,
  role: roleSchema,
});

// Board
export const initBoardInput = z.object({ title: textOf(LIMITS.title), createdAt: timestamp });
export const titleInput = textOf(LIMITS.title);

// Cards
/**
 * A card's quote of a child ([AC52]): the person, and the tool and area the words came from (both
 * null when said in the meeting; an area needs its tool). The stored rule is `quoteProblem`.
 */
export const cardQuoteSchema = z
  .object({
    personId: personIdSchema,
    toolId: z.nullable(id),
    area: z.nullable(z.enum(QUOTE_AREAS)),
  })
  .check(z.refine((quote) => quote.area === null || quote.toolId !== null, 'an area needs its tool'));
export const addCardInput = z.object({
  category: categorySchema,
  text: z.optional(textOf(LIMITS.cardText)),
  professionalsOnly: z.optional(z.boolean()),
  index: z.optional(position),
  quote: z.optional(z.nullable(cardQuoteSchema)),
});
export const editCardTextInput = z.object({
  index: position,
  deleteCount: position,
  insert: textOf(LIMITS.cardText),
});
export const moveCardInput = z.object({ category: categorySchema, index: position });

// Analysis
export const pairCardsInput = z.object({ dangerStatementId: cardIdSchema, safetyGoalId: cardIdSchema });
export const addPairInput = z.object({
  dangerStatement: textOf(LIMITS.cardText),
  safetyGoal: textOf(LIMITS.cardText),
});

// Scaling
export const ratingInput = z.object({
  value: scoreValue(),
  reason: z.optional(textOf(LIMITS.reason)),
});

/** The private ratings the server reveals: participant id -> rating as it will be stored. */
export const revealRatingsInput = z.record(
  participantIdSchema,
  z.object({
    value: scoreValue(),
    reason: textOf(LIMITS.reason),
    at: timestamp,
    recordedBy: z.optional(participantIdSchema),
  }),
);

// People
export const participantInput = z.object({
  id: participantIdSchema,
  displayName: textOf(LIMITS.field).check(z.refine((s) => s.trim().length > 0, 'is blank')),
  role: roleSchema,
});

// Plan
export const networkMemberFields = z.object({
  name: z.optional(textOf(LIMITS.field)),
  relationship: z.optional(textOf(LIMITS.field)),
  contact: z.optional(textOf(LIMITS.field)),
  agreedTo: z.optional(textOf(LIMITS.field)),
  toldAboutWorries: z.optional(z.boolean()),
});
export const ruleFields = z.object({
  text: z.optional(textOf(LIMITS.planText)),
  redFlags: z.optional(textOf(LIMITS.planText)),
  networkResponse: z.optional(textOf(LIMITS.planText)),
  howChildWillKnow: z.optional(textOf(LIMITS.planText)),
  responsibleMemberIds: z.optional(z.array(networkMemberIdSchema).check(z.maxLength(LIMITS.responsible))),
});
/** A person's details (issue 14): a name that is not blank, a kind, an age in whole years or none. */
export const personFields = z.object({
  name: z.optional(textOf(LIMITS.personName).check(z.refine((s) => s.trim().length > 0, 'is blank'))),
  kind: z.optional(z.enum(PERSON_KINDS)),
  age: z.optional(z.nullable(z.int().check(z.minimum(0), z.maximum(LIMITS.age)))),
  participantId: z.optional(z.nullable(participantIdSchema)),
});
export const planInput = z.object({
  bottomLines: z.optional(textOf(LIMITS.planText)),
  monitoringWho: z.optional(textOf(LIMITS.planText)),
  monitoringHowOften: z.optional(textOf(LIMITS.planText)),
  reviewDate: z.optional(z.nullable(z.iso.date())),
});

// Stored values: what readBoard accepts from the document. Looser than inputs on lengths
// (an old or foreign writer may exceed today's limits) but strict on shape.
export const storedCard = z.object({
  id: cardIdSchema,
  category: categorySchema,
  text: z.string(),
  authorId: participantIdSchema,
  authorRole: roleSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
  order: timestamp,
  professionalsOnly: z.boolean(),
  pairId: z.nullable(pairIdSchema),
});
export const storedPair = z.object({
  id: pairIdSchema,
  dangerStatementId: cardIdSchema,
  safetyGoalId: cardIdSchema,
  createdAt: timestamp,
});
export const storedRating = z.object({ value: scoreValue(), reason: z.string(), at: timestamp });
export const storedScale = z.object({ id: scaleIdSchema, mode: scaleModeSchema });
export const storedParticipant = z.object({
  id: participantIdSchema,
  displayName: z.string(),
  role: roleSchema,
  joinedAt: timestamp,
});
export const storedNetworkMember = z.object({
  id: networkMemberIdSchema,
  name: z.string(),
  relationship: z.string(),
  contact: z.string(),
  agreedTo: z.string(),
  toldAboutWorries: z.boolean(),
  order: timestamp,
});
export const storedRule = z.object({
  id: ruleIdSchema,
  text: z.string(),
  redFlags: z.string(),
  networkResponse: z.string(),
  howChildWillKnow: z.string(),
  order: timestamp,
});
export const storedReviewDate = z.nullable(z.iso.date());
