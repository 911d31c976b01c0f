import { isPairIntact } from '../cards/pairing.js';
import { hasId, idRecord, ownValue } from './idRecord.js';
import { ID_PATTERN, OVERALL_SCALE_ID } from './ids.js';
import { fail, ok, parseWith } from './result.js';
import {
  cardIdSchema,
  cardQuoteSchema,
  categorySchema,
  LIMITS,
  markSchema,
  networkMemberIdSchema,
  pairIdSchema,
  participantIdSchema,
  personIdSchema,
  roleSchema,
  ruleIdSchema,
  scaleIdSchema,
  scaleModeSchema,
  storedReviewDate,
  textOf,
} from './schema.js';
import { type BoardState, type CardId, type CardState, PERSON_KINDS, type Result } from './types.js';
import { z } from './zod.js';

/**
 * A whole `BoardState` as plain data, validated: what a version or an imported file must look
 * like before it is written into a document (restore.ts, boardExport.ts). Strings must be
 * well-formed (Yjs cannot store half a surrogate pair) and within the limits the ops enforce;
 * every record sits under its own id.
 */

const key = z.string().check(z.regex(ID_PATTERN, 'not an id'));
const timestamp = z.number();

const isPlainObject = (input: unknown): input is Record<string, unknown> =>
  typeof input === 'object' && input !== null && !Array.isArray(input);

/**
 * The id-keyed schemas made so far, each with the `z.record` whose JSON Schema it has. The JSON
 * Schema is worked out only when asked for (`describeIdKeyedSchemas`, the export's JSON Schema):
 * a board's first load in the browser never needs it, nor the JSON Schema code.
 */
const undescribed: { schema: z.ZodMiniType; equivalent: z.ZodMiniType }[] = [];

/**
 * Registers, once, the JSON Schema of every id-keyed schema as its metadata, so `z.toJSONSchema`
 * describes it as the equivalent `z.record` rather than as an unrepresentable custom check.
 */
export function describeIdKeyedSchemas(): void {
  for (const { schema, equivalent } of undescribed.splice(0)) {
    const described = z.toJSONSchema(equivalent, { io: 'input', unrepresentable: 'any' });
    delete described.$schema;
    schema.register(z.globalRegistry, described);
  }
}

/**
 * An object keyed by ids, each value checked by `value`. Zod's own `z.record` skips a
 * `__proto__` key (and builds its output on a plain `{}`), which would silently lose a record
 * whose id is `__proto__`; this one reads every own key and answers an object without a
 * prototype. Its JSON Schema is that of the equivalent `z.record`.
 */
function idKeyed<T>(value: z.ZodMiniType<T>, { ownIds = false } = {}) {
  const schema = z.pipe(
    z.custom<Record<string, unknown>>(isPlainObject, 'expected an object'),
    z.transform((input: Record<string, unknown>, ctx) => {
      const out = idRecord<T>();
      // zod/mini's transform has no `addIssue`: issues go straight onto the payload, as classic
      // zod's `ctx.addIssue` puts them.
      const addIssue = (message: string, path: PropertyKey[]) =>
        ctx.issues.push({ code: 'custom', message, path, input });
      for (const id of Object.keys(input)) {
        if (!ID_PATTERN.test(id)) {
          addIssue('not an id', [id]);
          continue;
        }
        const parsed = value.safeParse(input[id]);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) addIssue(issue.message, [id, ...issue.path]);
          continue;
        }
        if (ownIds && (parsed.data as { id?: unknown }).id !== id) {
          addIssue('an entry is not under its own id', [id]);
        }
        out[id] = parsed.data;
      }
      return out;
    }),
  );
  undescribed.push({ schema, equivalent: z.record(key, value) });
  return schema;
}

/** A record of `schema` keyed by each entry's own id. */
const keyed = <T extends { id: string }>(schema: z.ZodMiniType<T>) => idKeyed(schema, { ownIds: true });

const cardState = z.object({
  id: cardIdSchema,
  category: categorySchema,
  text: textOf(LIMITS.cardText),
  authorId: participantIdSchema,
  authorRole: roleSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
  order: timestamp,
  professionalsOnly: z.boolean(),
  marks: idKeyed(markSchema),
  pairId: z.nullable(pairIdSchema),
  reasons: z.optional(z.record(key, textOf(LIMITS.reason))),
  suggestions: z.optional(z.record(key, textOf(LIMITS.cardText))),
  editedBy: z.optional(z.record(key, timestamp)),
  suggestedBy: z.optional(z.record(key, timestamp)),
  // The child's own words (issue 14): absent on cards exported before it, and on most cards since.
  quote: z.optional(cardQuoteSchema),
});

const pairState = z.object({
  id: pairIdSchema,
  dangerStatementId: cardIdSchema,
  safetyGoalId: cardIdSchema,
  createdAt: timestamp,
});

const scaleRating = z.object({
  value: z.int().check(z.minimum(0), z.maximum(10)),
  reason: textOf(LIMITS.reason),
  at: timestamp,
  recordedBy: z.optional(participantIdSchema),
});

const scaleState = z.object({
  id: scaleIdSchema,
  mode: scaleModeSchema,
  ratings: idKeyed(scaleRating),
  scored: z.array(key),
});

const participantState = z.object({
  id: participantIdSchema,
  displayName: textOf(LIMITS.field),
  role: roleSchema,
  joinedAt: timestamp,
});

const networkMemberState = z.object({
  id: networkMemberIdSchema,
  name: textOf(LIMITS.field),
  relationship: textOf(LIMITS.field),
  contact: textOf(LIMITS.field),
  agreedTo: textOf(LIMITS.field),
  toldAboutWorries: z.boolean(),
  order: timestamp,
});

const personState = z.object({
  id: personIdSchema,
  name: textOf(LIMITS.personName),
  kind: z.enum(PERSON_KINDS),
  age: z.nullable(z.int().check(z.minimum(0), z.maximum(LIMITS.age))),
  order: timestamp,
  participantId: z._default(z.nullable(participantIdSchema), null),
});

const ruleState = z.object({
  id: ruleIdSchema,
  text: textOf(LIMITS.planText),
  responsibleMemberIds: z.array(networkMemberIdSchema).check(z.maxLength(LIMITS.responsible)),
  redFlags: textOf(LIMITS.planText),
  networkResponse: textOf(LIMITS.planText),
  howChildWillKnow: textOf(LIMITS.planText),
  order: timestamp,
});

const planState = z.object({
  bottomLines: textOf(LIMITS.planText),
  monitoringWho: textOf(LIMITS.planText),
  monitoringHowOften: textOf(LIMITS.planText),
  reviewDate: storedReviewDate,
});

/** The shape of a `BoardState`; `checkBoardState` adds the cross-record rules. */
export const boardStateSchema = z.object({
  meta: z.object({
    title: textOf(LIMITS.title),
    createdAt: timestamp,
    schemaVersion: z.int().check(z.minimum(0)),
    locked: z.optional(z.literal(true)),
  }),
  cards: keyed(cardState),
  pairs: keyed(pairState),
  scales: keyed(scaleState),
  participants: keyed(participantState),
  network: keyed(networkMemberState),
  // Boards exported before issue 14 have no people.
  people: z._default(keyed(personState), () => idRecord()),
  rules: keyed(ruleState),
  plan: planState,
});

// The schema's output must be usable as a BoardState (ids branded by the id schemas).
const _fits: (state: z.output<typeof boardStateSchema>) => BoardState = (state) => state;
void _fits;

/**
 * The rules `readBoard` guarantees, checked on plain data: every pair is intact (pairing.ts), a
 * card's `pairId` names a pair that exists, scales are the overall one and the pairs' ones, and
 * rules name only network members. A state that breaks them would read back differently once
 * written, so it is refused rather than half-honoured.
 */
export function checkBoardState(state: BoardState): Result<BoardState> {
  const lookup = (id: CardId): CardState | null => ownValue(state.cards, id) ?? null;
  for (const pair of Object.values(state.pairs)) {
    if (!isPairIntact(pair, lookup)) return fail('invalid-input', `pairs.${pair.id}: not an intact pair`);
  }
  for (const card of Object.values(state.cards)) {
    if (card.pairId !== null && !hasId(state.pairs, card.pairId)) {
      return fail('invalid-input', `cards.${card.id}.pairId: no such pair`);
    }
  }
  for (const id of Object.keys(state.scales)) {
    if (id !== OVERALL_SCALE_ID && !hasId(state.pairs, id)) {
      return fail('invalid-input', `scales.${id}: neither the overall scale nor a pair's`);
    }
  }
  if (Object.keys(state.people).length > LIMITS.people)
    return fail('invalid-input', `people: more than ${LIMITS.people}`);
  for (const rule of Object.values(state.rules)) {
    const missing = rule.responsibleMemberIds.find((id) => !hasId(state.network, id));
    if (missing !== undefined) return fail('invalid-input', `rules.${rule.id}: no network member ${missing}`);
  }
  return ok(state);
}

/** Validates a whole board state, shape and cross-record rules, without quoting its content. */
export function parseBoardState(input: unknown): Result<BoardState> {
  const parsed = parseWith<BoardState>(boardStateSchema, input);
  return parsed.ok ? checkBoardState(parsed.value) : parsed;
}
