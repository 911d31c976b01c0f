import type * as Y from 'yjs';
import { isScaleLive } from '../cards/pairing.js';
import { attachMap, childMap } from '../doc/docMaps.js';
import { type Found, findIn, readPerson, readScale } from '../doc/records.js';
import { done, fail, ok } from '../doc/result.js';
import {
  personIdSchema,
  ratingInput,
  revealRatingsInput,
  scaleIdSchema,
  scaleModeSchema,
} from '../doc/schema.js';
import { commit, type OpOptions, prepare } from '../doc/transact.js';
import type {
  Actor,
  ParticipantId,
  PersonId,
  Result,
  ScaleId,
  ScaleMode,
  ScaleRating,
  ScaleState,
} from '../doc/types.js';
import { z } from '../doc/zod.js';

/**
 * Scaling: everyone rates separately, 0 (the child cannot live at home) to 10 (safe enough to
 * close the case), with a reason. One rating per participant per scale; rating again replaces it.
 *
 * Private-then-reveal (docs/SPEC.md [PR1]–[PR5]): every client receives the whole document, so
 * while a scale collects privately no rating value may be written to it. The document only
 * records WHO has scored (`scored`); the values wait on the server until it calls `revealInto`.
 */

const PRIVATE_REFUSAL = 'the scale is collecting scores privately';

/** Deletes every key of a child map (kept, not replaced, so a concurrent add still merges in). */
function clearChild(parent: Y.Map<unknown>, key: string): void {
  const child = childMap(parent, key);
  if (child === null) return;
  for (const id of [...child.keys()]) child.delete(id);
}

function findLiveScale(doc: Y.Doc, scaleId: ScaleId): Result<Found<ScaleState>> {
  const scale = findIn(doc, 'scales', scaleId, readScale);
  return scale !== null && isScaleLive(doc, scaleId) ? ok(scale) : fail('not-found', `scale ${scaleId}`);
}

/**
 * Records the actor's rating on a scale ('overall' or a pair's id), replacing their previous one.
 * @example rate(doc, actor, OVERALL_SCALE_ID, { value: 4, reason: 'Dad has stopped drinking at home' })
 */
export function rate(
  doc: Y.Doc,
  actor: Actor,
  scaleId: ScaleId,
  rating: { value: number; reason?: string },
  opts?: OpOptions,
): Result<void> {
  const op = prepare(
    z.object({ scaleId: scaleIdSchema, rating: ratingInput }),
    actor,
    { scaleId, rating },
    opts,
  );
  if (!op.ok) return op;
  const { actor: who, input, now, origin } = op.value;
  const scale = findLiveScale(doc, input.scaleId);
  if (!scale.ok) return scale;
  // [PR1] A value written now would reach every client before the reveal.
  if (scale.value.record.mode === 'private') return fail('wrong-mode', PRIVATE_REFUSAL);
  commit(doc, origin, () => {
    const ratings = childMap(scale.value.map, 'ratings') ?? attachMap(scale.value.map, 'ratings');
    ratings.set(who.participantId, { value: input.rating.value, reason: input.rating.reason ?? '', at: now });
  });
  return done;
}

const scoredInput = z.object({ scaleId: scaleIdSchema, forPerson: z.optional(personIdSchema) });
const scalePerson = z.object({ scaleId: scaleIdSchema, personId: personIdSchema });

/**
 * Records a score for a person of the case who has no device (a child, a grandparent, someone on
 * a paper form), in the actor's name: the rating's key is the person's id and it carries
 * `recordedBy` ([AC47]). Revealed scales only, as `rate` ([PR1]); private ones go through the server.
 * @example recordRating(doc, worker, OVERALL_SCALE_ID, childId, { value: 3, reason: 'I miss my dad' })
 */
export function recordRating(
  doc: Y.Doc,
  actor: Actor,
  scaleId: ScaleId,
  personId: PersonId,
  rating: { value: number; reason?: string },
  opts?: OpOptions,
): Result<void> {
  const op = prepare(
    z.object({ scaleId: scaleIdSchema, personId: personIdSchema, rating: ratingInput }),
    actor,
    { scaleId, personId, rating },
    opts,
  );
  if (!op.ok) return op;
  const { actor: who, input, now, origin } = op.value;
  if (findIn(doc, 'people', input.personId, readPerson) === null)
    return fail('not-found', `person ${input.personId}`);
  const scale = findLiveScale(doc, input.scaleId);
  if (!scale.ok) return scale;
  if (scale.value.record.mode === 'private') return fail('wrong-mode', PRIVATE_REFUSAL);
  commit(doc, origin, () => {
    const ratings = childMap(scale.value.map, 'ratings') ?? attachMap(scale.value.map, 'ratings');
    ratings.set(input.personId, {
      value: input.rating.value,
      reason: input.rating.reason ?? '',
      at: now,
      recordedBy: who.participantId,
    });
  });
  return done;
}

/** Withdraws the score recorded for a person (a no-op if there is none). */
export function clearRecordedRating(
  doc: Y.Doc,
  actor: Actor,
  scaleId: ScaleId,
  personId: PersonId,
  opts?: OpOptions,
): Result<void> {
  const op = prepare(scalePerson, actor, { scaleId, personId }, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  return deleteRating(doc, origin, input.scaleId, input.personId);
}

/**
 * The person a score was written down for has joined with a device of their own, and staff linked
 * them (`participantId` on the person): they make the score theirs — it becomes their own rating
 * (same value and reason, now) and the written-down one goes, in one change ([AC48]).
 */
export function takeOverRecordedRating(
  doc: Y.Doc,
  actor: Actor,
  scaleId: ScaleId,
  personId: PersonId,
  opts?: OpOptions,
): Result<void> {
  const op = prepare(scalePerson, actor, { scaleId, personId }, opts);
  if (!op.ok) return op;
  const { actor: who, input, now, origin } = op.value;
  const person = findIn(doc, 'people', input.personId, readPerson);
  if (person === null) return fail('not-found', `person ${input.personId}`);
  if (person.record.participantId !== who.participantId)
    return fail('invalid-input', 'only the person a score was written down for can take it over');
  const scale = findLiveScale(doc, input.scaleId);
  if (!scale.ok) return scale;
  if (scale.value.record.mode === 'private') return fail('wrong-mode', PRIVATE_REFUSAL);
  const recorded = scale.value.record.ratings[input.personId];
  const ratings = childMap(scale.value.map, 'ratings');
  if (recorded === undefined || ratings === null) return fail('not-found', 'no score written down for them');
  commit(doc, origin, () => {
    ratings.set(who.participantId, { value: recorded.value, reason: recorded.reason, at: now });
    ratings.delete(input.personId);
  });
  return done;
}

/** Withdraws the actor's rating from a scale (a no-op if they had none). */
export function clearRating(doc: Y.Doc, actor: Actor, scaleId: ScaleId, opts?: OpOptions): Result<void> {
  const op = prepare(z.object({ scaleId: scaleIdSchema }), actor, { scaleId }, opts);
  if (!op.ok) return op;
  const { actor: who, input, origin } = op.value;
  return deleteRating(doc, origin, input.scaleId, who.participantId);
}

/** Deletes one rating (`key`: a participant's or a person's id) in one change; a no-op if there is none. */
function deleteRating(
  doc: Y.Doc,
  origin: Parameters<typeof commit>[1],
  scaleId: ScaleId,
  key: string,
): Result<void> {
  const scale = findLiveScale(doc, scaleId);
  if (!scale.ok) return scale;
  const ratings = childMap(scale.value.map, 'ratings');
  if (ratings === null || !ratings.has(key)) return done;
  commit(doc, origin, () => ratings.delete(key));
  return done;
}

/**
 * 'private' while people score separately, 'revealed' to show everyone's scores together.
 * Opening private collection starts a new round [PR2]: the shown ratings and the scored list are
 * cleared. Switching to 'revealed' here abandons the round (nothing is revealed); the server's
 * reveal uses `revealInto` instead.
 */
export function setScaleMode(
  doc: Y.Doc,
  actor: Actor,
  scaleId: ScaleId,
  mode: ScaleMode,
  opts?: OpOptions,
): Result<void> {
  const op = prepare(
    z.object({ scaleId: scaleIdSchema, mode: scaleModeSchema }),
    actor,
    { scaleId, mode },
    opts,
  );
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const scale = findLiveScale(doc, input.scaleId);
  if (!scale.ok) return scale;
  commit(doc, origin, () => {
    scale.value.map.set('mode', input.mode);
    clearChild(scale.value.map, 'scored');
    if (input.mode === 'private') clearChild(scale.value.map, 'ratings');
  });
  return done;
}

/**
 * Records that the actor has scored privately [PR3]: only the fact, never the value. Called by
 * the server once it has stored the value outside the document. Fails with `wrong-mode` unless
 * the scale is collecting privately.
 */
export function markScored(
  doc: Y.Doc,
  actor: Actor,
  scaleId: ScaleId,
  opts?: OpOptions,
  /** A person of the case the actor recorded the score for ([PR9]), instead of the actor. */
  forPerson?: PersonId,
): Result<void> {
  const op = prepare(scoredInput, actor, { scaleId, forPerson }, opts);
  if (!op.ok) return op;
  const { actor: who, input, origin } = op.value;
  const whose = input.forPerson ?? who.participantId;
  const scale = findLiveScale(doc, input.scaleId);
  if (!scale.ok) return scale;
  if (scale.value.record.mode !== 'private')
    return fail('wrong-mode', 'the scale is not collecting privately');
  if (scale.value.record.scored.includes(whose)) return done;
  commit(doc, origin, () => {
    const scored = childMap(scale.value.map, 'scored') ?? attachMap(scale.value.map, 'scored');
    scored.set(whose, true);
  });
  return done;
}

/** Takes the actor off the scored list (they withdrew their private score); a no-op if absent. */
export function unmarkScored(
  doc: Y.Doc,
  actor: Actor,
  scaleId: ScaleId,
  opts?: OpOptions,
  forPerson?: PersonId,
): Result<void> {
  const op = prepare(scoredInput, actor, { scaleId, forPerson }, opts);
  if (!op.ok) return op;
  const { actor: who, input, origin } = op.value;
  const whose = input.forPerson ?? who.participantId;
  const scale = findLiveScale(doc, input.scaleId);
  if (!scale.ok) return scale;
  const scored = childMap(scale.value.map, 'scored');
  if (scored === null || !scored.has(whose)) return done;
  commit(doc, origin, () => scored.delete(whose));
  return done;
}

/**
 * The reveal [PR4]: writes the private ratings into `ratings`, clears `scored` and sets the mode
 * to 'revealed', in ONE transaction, so every client sees all the scores appear at once.
 * Only ratings of people on the scored list are written: anything else is left over from an
 * earlier round. Returns whose ratings were revealed.
 * @example revealInto(doc, facilitator, OVERALL_SCALE_ID, { mum: { value: 7, reason: 'Gran helps', at } })
 */
export function revealInto(
  doc: Y.Doc,
  actor: Actor,
  scaleId: ScaleId,
  ratings: Readonly<Record<string, ScaleRating>>,
  opts?: OpOptions,
): Result<{ revealed: ParticipantId[] }> {
  const op = prepare(
    z.object({ scaleId: scaleIdSchema, ratings: revealRatingsInput }),
    actor,
    { scaleId, ratings },
    opts,
  );
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const scale = findLiveScale(doc, input.scaleId);
  if (!scale.ok) return scale;
  const scored = new Set(scale.value.record.scored);
  const revealed = Object.keys(input.ratings)
    .filter((id) => scored.has(id))
    .sort() as ParticipantId[];
  commit(doc, origin, () => {
    const target = childMap(scale.value.map, 'ratings') ?? attachMap(scale.value.map, 'ratings');
    for (const id of revealed) {
      const rating = input.ratings[id];
      if (rating === undefined) continue;
      const stored = { value: rating.value, reason: rating.reason, at: rating.at };
      // A score staff recorded for a person without a device says who recorded it ([AC47]).
      target.set(id, rating.recordedBy === undefined ? stored : { ...stored, recordedBy: rating.recordedBy });
    }
    clearChild(scale.value.map, 'scored');
    scale.value.map.set('mode', 'revealed');
  });
  return ok({ revealed });
}

/**
 * The middle of the scores (the mean of the two middle ones when the count is even); null when
 * there are none. The board and the reports both show it, so they say the same number.
 */
export function medianScore(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}
