import { z } from 'zod';
import { ID_PATTERN } from './ids.js';
import { isWellFormedText } from './text.js';
import {
  type Actor,
  CATEGORIES,
  type CardId,
  type NetworkMemberId,
  type PairId,
  type ParticipantId,
  ROLES,
  type RuleId,
  type ScaleId,
} from './types.js';

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
});

const id = z.string().regex(ID_PATTERN, 'not an id');
export const cardIdSchema = id.transform((s) => s as CardId);
export const pairIdSchema = id.transform((s) => s as PairId);
export const participantIdSchema = id.transform((s) => s as ParticipantId);
export const networkMemberIdSchema = id.transform((s) => s as NetworkMemberId);
export const ruleIdSchema = id.transform((s) => s as RuleId);
export const scaleIdSchema = id.transform((s) => s as ScaleId);

/** Text of at most `max` code units with no unpaired surrogates. */
export const textOf = (max: number) =>
  z.string().max(max).refine(isWellFormedText, 'contains an unpaired surrogate');

export const categorySchema = z.enum(CATEGORIES);
export const roleSchema = z.enum(ROLES);
export const markSchema = z.enum(['agree', 'dispute']);
export const scaleModeSchema = z.enum(['private', 'revealed']);
const position = z.int().min(0);
// zod 4 numbers are finite: NaN and Infinity are refused.
const timestamp = z.number();

export const actorSchema: z.ZodType<Actor> = z.object({
  participantId: participantIdSchema,
  role: roleSchema,
});

// Board
export const initBoardInput = z.object({ title: textOf(LIMITS.title), createdAt: timestamp });
export const titleInput = textOf(LIMITS.title);

// Cards
export const addCardInput = z.object({
  category: categorySchema,
  text: textOf(LIMITS.cardText).optional(),
  professionalsOnly: z.boolean().optional(),
  index: position.optional(),
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
  value: z.int().min(0).max(10),
  reason: textOf(LIMITS.reason).optional(),
});

/** The private ratings the server reveals: participant id -> rating as it will be stored. */
export const revealRatingsInput = z.record(
  participantIdSchema,
  z.object({ value: z.int().min(0).max(10), reason: textOf(LIMITS.reason), at: timestamp }),
);

// People
export const participantInput = z.object({
  id: participantIdSchema,
  displayName: textOf(LIMITS.field).refine((s) => s.trim().length > 0, 'is blank'),
  role: roleSchema,
});

// Plan
export const networkMemberFields = z.object({
  name: textOf(LIMITS.field).optional(),
  relationship: textOf(LIMITS.field).optional(),
  contact: textOf(LIMITS.field).optional(),
  agreedTo: textOf(LIMITS.field).optional(),
  toldAboutWorries: z.boolean().optional(),
});
export const ruleFields = z.object({
  text: textOf(LIMITS.planText).optional(),
  redFlags: textOf(LIMITS.planText).optional(),
  networkResponse: textOf(LIMITS.planText).optional(),
  howChildWillKnow: textOf(LIMITS.planText).optional(),
  responsibleMemberIds: z.array(networkMemberIdSchema).max(LIMITS.responsible).optional(),
});
export const planInput = z.object({
  bottomLines: textOf(LIMITS.planText).optional(),
  monitoringWho: textOf(LIMITS.planText).optional(),
  monitoringHowOften: textOf(LIMITS.planText).optional(),
  reviewDate: z.iso.date().nullable().optional(),
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
  pairId: pairIdSchema.nullable(),
});
export const storedPair = z.object({
  id: pairIdSchema,
  dangerStatementId: cardIdSchema,
  safetyGoalId: cardIdSchema,
  createdAt: timestamp,
});
export const storedRating = z.object({ value: z.int().min(0).max(10), reason: z.string(), at: timestamp });
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
export const storedReviewDate = z.iso.date().nullable();
